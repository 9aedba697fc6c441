/** The training module's pure rules: session hours, the course's places, completion, certificate numbers. */

/** Class hours of a session: its length in hours, to the half hour, at least half an hour, at most 8 a day. */
export function sessionHours(startsAt: string, endsAt: string): number {
  const h = (Date.parse(endsAt) - Date.parse(startsAt)) / 3600_000;
  return Math.min(8, Math.max(0.5, Math.round(h * 2) / 2));
}

/** The field of the first session whose times do not follow one another, or null. */
export function checkSessions(sessions: { startsAt: string; endsAt: string }[]): string | null {
  const i = sessions.findIndex((s) => s.endsAt <= s.startsAt);
  return i >= 0 ? `sessions.${i}.endsAt` : null;
}

/** A course's places: every confirmed member holds a place in every session, so the smallest session's; online-only courses are not limited. */
export const ONLINE_CAPACITY = 100_000;
export const courseCapacity = (sessions: { capacity: number }[]): number => (sessions.length ? Math.min(...sessions.map((s) => s.capacity)) : ONLINE_CAPACITY);

export interface Progress {
  sessions: { hours: number; attended: boolean }[];
  lessons: { hours: number; finished: boolean }[];
}

/** Hours earned: attended sessions' hours plus finished lessons' hours. */
export function earnedHours(p: Progress): number {
  const h = p.sessions.filter((s) => s.attended).reduce((n, s) => n + s.hours, 0) + p.lessons.filter((l) => l.finished).reduce((n, l) => n + l.hours, 0);
  return Math.round(h * 10) / 10;
}

/**
 * Who completes (结业): attended at least four in five sessions (rounded up), and finished every
 * online lesson; a course of neither completes nobody.
 */
export function completes(p: Progress): boolean {
  if (!p.sessions.length && !p.lessons.length) return false;
  const attended = p.sessions.filter((s) => s.attended).length;
  return attended >= Math.ceil(p.sessions.length * 0.8) && p.lessons.every((l) => l.finished);
}

/** A lesson counts as finished once watched to 90 %. */
export const FINISHED_PERCENT = 90;

/** Certificate numbers: PX-<course>-<enrolment>, e.g. PX2026-0012-00345. */
export const certificateNo = (year: number, courseId: number, enrolmentId: number) => `PX${year}-${String(courseId).padStart(4, '0')}-${String(enrolmentId).padStart(5, '0')}`;

/**
 * Lesson files (课件): a PDF handout up to 50 MB (the server's usual upload limit), or an MP4
 * recording up to 200 MB — about 45 minutes of 720p lecture video at 600 kbit/s.
 */
export const LESSON_FILE_KINDS = ['pdf', 'mp4'] as const;
export const LESSON_FILE_MAX_BYTES = { pdf: 50 * 2 ** 20, mp4: 200 * 2 ** 20 } as const;
