/**
 * Account rules. Pure constants with their source: the platform issue asks that five wrong
 * passwords for one account within 15 minutes lock it for 15 minutes.
 */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_WINDOW_MS = 15 * 60_000;
export const LOCK_DURATION_MS = 15 * 60_000;
