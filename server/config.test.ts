import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('settings', () => {
  it('documents exactly the settings config.ts reads, in the README table', () => {
    const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
    const source = fs.readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    const read = [...source.matchAll(/^ {4}([A-Z][A-Z_]+):/gm)].map((m) => m[1]).sort();
    expect(read.length).toBeGreaterThan(5);
    expect(documented).toEqual(read);
  });

  it('refuses production without an encryption key, naming the setting', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/GONGHUI_ENCRYPTION_KEY/);
  });

  it('names each invalid setting', () => {
    expect(() => loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });

  it('trusts forwarded addresses only when told how many proxies there are', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ GONGHUI_TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });
});
