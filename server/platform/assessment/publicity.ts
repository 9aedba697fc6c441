import { addDays } from './dates.ts';

/** Publicity (公示): the public notice before naming, with objections (异议) lodged while it runs. */

/** The last day of publicity: `days` calendar days counted from the first, inclusive. */
export function publicityLastDay(start: string, days: number): string {
  return addDays(start, days - 1);
}

/** Objections may be lodged from the first to the last day of publicity, both included. */
export function publicityOpen(lastDay: string | null, today: string): boolean {
  return lastDay !== null && today <= lastDay;
}

/** Why naming must wait: publicity still running, or objections not resolved; null when it may go ahead. */
export function publicityBlocks(f: { publicityLastDay: string | null; openObjections: number; today: string }): 'publicity_not_over' | 'objections_open' | null {
  if (publicityOpen(f.publicityLastDay, f.today)) return 'publicity_not_over';
  if (f.openObjections > 0) return 'objections_open';
  return null;
}

/** Naming within a quota: how many more than the quota would be named (0 when within it). */
export function overQuota(count: number, quota: number): number {
  return Math.max(0, count - quota);
}
