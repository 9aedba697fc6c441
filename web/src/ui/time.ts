import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every time is stored in UTC and shown in China Standard Time, wherever the browser is. */
export const ZONE = 'Asia/Shanghai';

// Showing an instant needs no date library (format-time.ts); picking one does.
export { formatSeconds, formatTime } from './format-time';

/** The instant a calendar day (as picked on screen) begins in Shanghai, as an ISO string. */
export function startOfDayInZone(day: dayjs.Dayjs): string {
  return dayjs.tz(day.format('YYYY-MM-DD'), ZONE).toISOString();
}

/** A date and time picked on screen, read as China Standard Time: ISO with its offset, e.g. 2026-05-01T09:00:00+08:00. */
export function pickedInZone(picked: dayjs.Dayjs): string {
  return dayjs.tz(picked.format('YYYY-MM-DDTHH:mm:ss'), ZONE).format();
}

/** A stored instant as a picker value that shows China Standard Time. */
export function inZone(iso: string): dayjs.Dayjs {
  return dayjs(iso).tz(ZONE);
}

export { dayjs };
