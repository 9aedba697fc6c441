import { describe, expect, it } from 'vitest';
import { latestSlot, registerJobs, registerSchedules } from './jobs.ts';
import { installModules } from './module.ts';

const handler = async () => {};

describe('declaring jobs', () => {
  it('refuses at startup a job name two modules claim, one without its module’s prefix, and a schedule naming no job of its module', () => {
    registerJobs('alpha', { 'alpha.remind': { handler } });
    expect(() => registerJobs('alpha', { 'alpha.remind': { handler } })).not.toThrow();
    expect(() => installModules([{ name: 'beta', jobs: { 'alpha.remind': { handler } } }])).toThrow(/job "alpha.remind" of beta must be named beta.<kind>/);
    expect(() => registerJobs('alpha', { 'alpha.': { handler } })).toThrow(/must be named alpha.<kind>/);
    expect(() => installModules([{ name: 'beta', jobs: { 'beta.remind': { handler } }, schedules: { 'beta.other': '0 9 * * *' } }])).toThrow(/schedule "beta.other" of beta names no job of beta/);
    expect(() => installModules([{ name: 'gamma', schedules: { 'alpha.remind': '0 9 * * *' } }])).toThrow(/names no job of gamma/);
  });

  it('refuses a cron expression that does not parse or has other than 5 fields', () => {
    registerJobs('delta', { 'delta.digest': { handler } });
    expect(() => registerSchedules('delta', { 'delta.digest': '0 61 * * *' })).toThrow();
    expect(() => registerSchedules('delta', { 'delta.digest': '0 0 9 * * *' })).toThrow(/5 fields/);
    expect(() => registerSchedules('delta', { 'delta.digest': '30 8 * * 1-5' })).not.toThrow();
  });
});

describe('schedule slots', () => {
  it('reads cron expressions in Shanghai time and names the latest slot at or before now', () => {
    // 08:30 on weekdays in Shanghai is 00:30 UTC.
    expect(latestSlot('30 8 * * 1-5', new Date('2025-06-02T00:30:00.000Z')).toISOString()).toBe('2025-06-02T00:30:00.000Z');
    expect(latestSlot('30 8 * * 1-5', new Date('2025-06-02T00:29:59.999Z')).toISOString()).toBe('2025-05-30T00:30:00.000Z');
    expect(latestSlot('0 0 1 * *', new Date('2025-06-02T00:00:00.000Z')).toISOString()).toBe('2025-05-31T16:00:00.000Z');
  });
});
