import { isoNow, type Engine, type Tx } from '../db/database.ts';
import { conflict, fieldError } from './errors.ts';

/**
 * The shared time-slot mechanism: anything booked by the hour (a venue, a room, a counsellor's
 * hour) books `[startsAt, endsAt)` on a resource named `<module>:<id>`. Two overlapping active
 * slots of one resource never both succeed, also when asked at the same moment: on PostgreSQL the
 * exclusion constraint of `time_slots` (migration 0031-slots) refuses the loser, on SQLite writes
 * are serialized (IMMEDIATE transactions) and the check below runs inside the write transaction
 * before the insert. The loser gets 409 `booking_overlap`; cancelling frees the slot. The platform
 * owns the table and knows nothing of modules: a module keeps its booking rows and their slot id.
 */

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Active slots of a resource overlapping `[from, to)`. */
export function overlapping(tx: Tx, resource: string, from: string, to: string) {
  return tx
    .selectFrom('time_slots')
    .select(['id', 'starts_at', 'ends_at'])
    .where('resource', '=', resource)
    .where('status', '=', 'active')
    .where('start_s', '<', seconds(to))
    .where('end_s', '>', seconds(from));
}

/** Books a slot; answers its id, or throws 409 `booking_overlap` (422 on `endsAt` when not after `startsAt`). */
export async function bookSlot(tx: Tx, deps: { engine: Engine; clock: () => Date }, resource: string, startsAt: string, endsAt: string): Promise<number> {
  const start = seconds(startsAt);
  const end = seconds(endsAt);
  if (!(end > start)) throw fieldError('endsAt', 'slot_after_start');
  if (await overlapping(tx, resource, startsAt, endsAt).executeTakeFirst()) throw conflict('booking_overlap');
  try {
    const { id } = await tx
      .insertInto('time_slots')
      .values({ resource, starts_at: new Date(start * 1000).toISOString(), ends_at: new Date(end * 1000).toISOString(), start_s: start, end_s: end, status: 'active', created_at: isoNow(deps.clock) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (err) {
    // PostgreSQL: another transaction committed an overlapping slot after our check
    if ((err as { code?: string }).code === '23P01') throw conflict('booking_overlap');
    throw err;
  }
}

/** Frees a slot (idempotent): its time can be booked again. */
export async function cancelSlot(tx: Tx, slotId: number): Promise<void> {
  await tx.updateTable('time_slots').set({ status: 'cancelled' }).where('id', '=', slotId).execute();
}
