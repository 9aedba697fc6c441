import type { Tx } from '../../db/database.ts';

/**
 * The honours module's public entry. Recuperation serves model workers first when places are
 * short: it asks which of its applicants are active model workers (or advanced workers).
 */
export async function activeModelWorkerMemberIds(db: Tx, memberIds: readonly number[]): Promise<Set<number>> {
  if (memberIds.length === 0) return new Set();
  const rows = await db.selectFrom('model_workers').select('member_id').where('member_id', 'in', memberIds).where('status', '=', 'active').execute();
  return new Set(rows.map((r) => r.member_id!));
}
