/**
 * The activities module's public entry: hooks other modules listen on (volunteer service hours and
 * training attendance on check-in; youth socials' places per gender and age range on sign-up,
 * released on cancellation), and session activities a module admits people to itself (training
 * sessions).
 */
export { onCheckIn, onRegister, type CheckInEvent, type CheckInListener, type RegistrationEvent, type RegistrationListener } from './hooks.ts';
export { addSessionActivity, admitToSession, withdrawFromSession, type SessionActivity } from './sessions.ts';
/** The one check-in (a session's attendance is recorded through it; the demo checks its trainees in). */
export { checkIn } from './service.ts';
