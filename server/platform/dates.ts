/**
 * Calendar days as people in the deployment count them: Asia/Shanghai (UTC+8, no daylight
 * saving). Instants are stored in UTC; dates (YYYY-MM-DD) are Shanghai days.
 */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The first instant (UTC ISO) after the Shanghai day `date`: anything earlier fell on or before it. */
export function endOfShanghaiDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 24 * 3600_000).toISOString();
}

/** A calendar year as people in Shanghai count it: its first instant and the next year's (UTC ISO), for `>= from and < to`. */
export function shanghaiYear(year: number): { from: string; to: string } {
  const start = (y: number) => new Date(Date.parse(`${y}-01-01T00:00:00+08:00`)).toISOString();
  return { from: start(year), to: start(year + 1) };
}

/** Today's date (YYYY-MM-DD, Shanghai) by the platform's clock. */
export function today(deps: { clock: () => Date }): string {
  return shanghaiDate(deps.clock());
}

/** An instant as people in Shanghai read it: `YYYY-MM-DD HH:mm` (notices, text messages). */
export function shanghaiMinute(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
