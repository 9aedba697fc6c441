import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { overviewSection, overviewSections, percent, registerOverview } from './overview.ts';

describe('the data screen’s registry', () => {
  const section = overviewSection({ permission: 'org.read', schema: z.object({ n: z.number() }), read: async () => ({ n: 1 }) });

  it('lists each module’s sections in the order they registered, once however often a module registers', () => {
    registerOverview('first', { alpha: section });
    registerOverview('second', { beta: section });
    registerOverview('first', { alpha: section });
    const names = overviewSections().map(([name]) => name);
    expect(names.filter((n) => n === 'alpha' || n === 'beta')).toEqual(['alpha', 'beta']);
  });

  it('refuses a section name another module already registered', () => {
    expect(() => registerOverview('third', { alpha: section })).toThrow(/already registered by first/);
  });

  it('gives rates in percent with one decimal, and none without a denominator', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeNull();
  });
});
