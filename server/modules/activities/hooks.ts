import type { Tx } from '../../db/database.ts';
import type { Deps } from '../../platform/context.ts';

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
