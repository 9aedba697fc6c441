import type { Tx } from '../db/database.ts';

/**
 * The shared capacity counter: anything with a limited number of places (activity sign-ups,
 * trainings, recuperation batches) owns a seat pool. Taking a seat is a single conditional
 * UPDATE, atomic on both engines, so however many people ask at the same moment, no more than
 * `capacity` ever hold one.
 */
export async function createSeatPool(tx: Tx, capacity: number): Promise<number> {
  const { id } = await tx.insertInto('seat_pools').values({ capacity, taken: 0 }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** True when a seat was taken; false when the pool is full. */
export async function takeSeat(tx: Tx, poolId: number): Promise<boolean> {
  const result = await tx
    .updateTable('seat_pools')
    .set((eb) => ({ taken: eb('taken', '+', 1) }))
    .where('id', '=', poolId)
    .whereRef('taken', '<', 'capacity')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Takes `count` seats at once (a quota handed down takes its places from the giver's pool): one
 * conditional UPDATE, so the seats taken never exceed the capacity. True when they were taken.
 */
export async function takeSeats(tx: Tx, poolId: number, count: number): Promise<boolean> {
  const result = await tx
    .updateTable('seat_pools')
    .set((eb) => ({ taken: eb('taken', '+', count) }))
    .where('id', '=', poolId)
    .where((eb) => eb(eb('taken', '+', count), '<=', eb.ref('capacity')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseSeat(tx: Tx, poolId: number): Promise<void> {
  await tx
    .updateTable('seat_pools')
    .set((eb) => ({ taken: eb('taken', '-', 1) }))
    .where('id', '=', poolId)
    .where('taken', '>', 0)
    .execute();
}

/** Changes the capacity; refused (false) when fewer seats than already taken. */
export async function resizeSeatPool(tx: Tx, poolId: number, capacity: number): Promise<boolean> {
  const result = await tx.updateTable('seat_pools').set({ capacity }).where('id', '=', poolId).where('taken', '<=', capacity).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function seatPool(tx: Tx, poolId: number): Promise<{ capacity: number; taken: number }> {
  return tx.selectFrom('seat_pools').select(['capacity', 'taken']).where('id', '=', poolId).executeTakeFirstOrThrow();
}
