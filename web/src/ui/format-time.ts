/**
 * Instants as people in China read them, without a date library (the portal's size budget): every
 * time is stored in UTC and shown in China Standard Time, wherever the browser is. Asia/Shanghai
 * has been UTC+8 all year since 1991 (no daylight saving), so a fixed offset is exact.
 */
const CST_OFFSET_MS = 8 * 3600_000;

/** '2026-05-01T01:00:00Z' → '2026-05-01T09:00:00' in China Standard Time. */
const inCst = (iso: string) => new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/** 2026-05-01 09:00, or — when there is no time. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? inCst(iso).slice(0, 16) : '—';
}

/** 2026-05-01 09:00:30 */
export function formatSeconds(iso: string): string {
  return inCst(iso);
}
