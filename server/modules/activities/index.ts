/** The activities module's public entry: hooks other modules listen on (volunteer service hours on check-in). */
export { onCheckIn, type CheckInEvent, type CheckInListener } from './hooks.ts';
