import crypto from 'node:crypto';
import type { Tx } from '../../db/database.ts';
import type { Actor } from '../../platform/audit.ts';
import { conflict } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { createSeatPool, releaseSeat, takeSeat } from '../../platform/seats.ts';

/**
 * Activities other modules hold places in themselves (a training course's sessions): created
 * in the caller's transaction, for members only, with their own sign-up closed — people are
 * admitted by the owning module — and checked in with the activities' own codes, so the
 * `onCheckIn` hook tells the owner who attended.
 */
export interface SessionActivity {
  orgId: number;
  kind: 'training';
  title: string;
  description: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  createdBy: number | null;
}

export async function addSessionActivity(tx: Tx, actor: Actor, input: SessionActivity): Promise<number> {
  const poolId = await createSeatPool(tx, input.capacity);
  const now = actor.now;
  const { id } = await tx
    .insertInto('activities')
    .values({
      org_id: input.orgId,
      open_to_all: 0,
      title: input.title,
      kind: input.kind,
      description: input.description,
      place: input.place,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      seat_pool_id: poolId,
      signup_opens_at: null,
      // the owning module admits people: the activity's own sign-up is closed from the start
      signup_closes_at: now < input.startsAt ? now : input.startsAt,
      cancel_deadline: null,
      members_only: 1,
      min_age: null,
      max_age: null,
      status: 'published',
      created_by: input.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(tx, actor, { action: 'activity.create', entity: 'activity', entityId: id, orgId: input.orgId, after: input });
  return id;
}

/** Admits a person to a session activity with a confirmed place and a check-in code (once; again after a withdrawal). */
export async function admitToSession(tx: Tx, actor: Actor, p: { activityId: number; userId: number; memberId: number }): Promise<string> {
  const a = await tx.selectFrom('activities').select(['seat_pool_id', 'org_id']).where('id', '=', p.activityId).executeTakeFirstOrThrow();
  const openKey = `${p.activityId}:${p.userId}`;
  const held = await tx.selectFrom('activity_registrations').select(['id', 'code']).where('open_key', '=', openKey).executeTakeFirst();
  if (held) return held.code;
  if (!(await takeSeat(tx, a.seat_pool_id))) throw conflict('activity_full_for_session');
  const code = crypto.randomBytes(6).toString('hex').toUpperCase();
  const { id } = await tx
    .insertInto('activity_registrations')
    .values({ activity_id: p.activityId, user_id: p.userId, member_id: p.memberId, status: 'confirmed', code, checked_in_at: null, checked_in_by: null, open_key: openKey, created_at: actor.now, cancelled_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(tx, actor, { action: 'registration.create', entity: 'registration', entityId: id, orgId: a.org_id, after: { activityId: p.activityId, status: 'confirmed' } });
  return code;
}

/** Withdraws a person from a session activity, giving back the place. */
export async function withdrawFromSession(tx: Tx, actor: Actor, p: { activityId: number; userId: number }): Promise<void> {
  const reg = await tx.selectFrom('activity_registrations').select(['id', 'status']).where('open_key', '=', `${p.activityId}:${p.userId}`).executeTakeFirst();
  if (!reg) return;
  const a = await tx.selectFrom('activities').select(['seat_pool_id', 'org_id']).where('id', '=', p.activityId).executeTakeFirstOrThrow();
  await tx.updateTable('activity_registrations').set({ status: 'cancelled', open_key: null, cancelled_at: actor.now }).where('id', '=', reg.id).execute();
  if (reg.status === 'confirmed') await releaseSeat(tx, a.seat_pool_id);
  await audit(tx, actor, { action: 'registration.cancel', entity: 'registration', entityId: reg.id, orgId: a.org_id, before: { status: reg.status }, after: { status: 'cancelled' } });
}
