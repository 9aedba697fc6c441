import type { Tx } from '../../db/database.ts';
import type { Deps } from '../../platform/context.ts';
import type { Refusal } from '../../platform/errors.ts';

/**
 * What other modules hear of activities, inside the activity's own transaction: a listener that
 * throws undoes the check-in with it. Volunteers credit service hours and love points on the
 * check-in of a volunteer service this way, so activities knows nothing of volunteers.
 */
export interface CheckInEvent {
  activityId: number;
  kind: string;
  title: string;
  orgId: number;
  startsAt: string;
  endsAt: string;
  registrationId: number;
  /** null when the person checked in is not a member */
  memberId: number | null;
  userId: number;
  at: string;
}

export type CheckInListener = (tx: Tx, deps: Deps, event: CheckInEvent) => Promise<void>;

const checkInListeners: CheckInListener[] = [];

/** Adds a listener, once (modules register theirs when they load). */
export function onCheckIn(listener: CheckInListener): void {
  if (!checkInListeners.includes(listener)) checkInListeners.push(listener);
}

export async function checkedIn(tx: Tx, deps: Deps, event: CheckInEvent): Promise<void> {
  for (const listener of checkInListeners) await listener(tx, deps, event);
}

/**
 * A sign-up or its cancellation, as registration listeners hear it inside the registration's own
 * transaction. Youth socials (socials) hold places per gender and an age range this way, so
 * activities knows nothing of genders.
 */
export interface RegistrationEvent {
  activityId: number;
  kind: string;
  orgId: number;
  registrationId: number;
  /** the registration's status: on `register` confirmed or waitlisted; on `cancel` the status it had */
  status: 'confirmed' | 'waitlisted';
  userId: number;
  at: string;
}

export interface RegistrationListener {
  /** May refuse the sign-up: its Refusal undoes the registration (422 with the listener's code). */
  register(tx: Tx, deps: Deps, event: RegistrationEvent): Promise<Refusal | null>;
  /** Releases what `register` took, when the person cancels. */
  cancel(tx: Tx, deps: Deps, event: RegistrationEvent): Promise<void>;
}

const registrationListeners: RegistrationListener[] = [];

/** Adds a registration listener, once (modules register theirs when they load). */
export function onRegister(listener: RegistrationListener): void {
  if (!registrationListeners.includes(listener)) registrationListeners.push(listener);
}

/** The first refusal of a listener, or null when every listener lets the sign-up stand. */
export async function registered(tx: Tx, deps: Deps, event: RegistrationEvent): Promise<Refusal | null> {
  for (const listener of registrationListeners) {
    const refusal = await listener.register(tx, deps, event);
    if (refusal) return refusal;
  }
  return null;
}

export async function registrationCancelled(tx: Tx, deps: Deps, event: RegistrationEvent): Promise<void> {
  for (const listener of registrationListeners) await listener.cancel(tx, deps, event);
}
