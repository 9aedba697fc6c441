/**
 * Account rules. Pure constants with their source: the platform issue asks that five wrong
 * passwords for one account within 15 minutes lock it for 15 minutes.
 */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_WINDOW_MS = 15 * 60_000;
export const LOCK_DURATION_MS = 15 * 60_000;

/** Sign-up codes: valid 10 minutes (the text message says so), one per minute, 5 tries each. */
export const SMS_CODE_TTL_MS = 10 * 60_000;
export const SMS_RESEND_MS = 60_000;
export const SMS_MAX_ATTEMPTS = 5;

/** The name of a worker who signs up without giving one: 职工 and the last four digits of the phone. */
export const signupDisplayName = (phone: string) => `职工${phone.slice(-4)}`;

/** The display name of the built-in `admin` account. */
export const ADMIN_DISPLAY_NAME = '平台管理员';
