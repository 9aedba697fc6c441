import { sql } from 'kysely';
import type { Deps } from '../../platform/context.ts';
import type { Pii } from '../../platform/pii.ts';

/**
 * What a search by a phone's last four digits (尾号) looks up: a keyed hash of them, as the whole
 * phone's is, so the column alone says nothing. `phone` is the whole number or the four digits.
 */
export function phoneTailHash(pii: Pii, phone: string): string {
  return pii.hash(`phone-tail:${phone.slice(-4)}`);
}

/** A member's phone columns from the plain number: encrypted, hashed whole, hashed by its last four digits. */
export function phoneColumns(pii: Pii, phone: string | null) {
  if (!phone) return { phone_enc: null, phone_hash: null, phone_tail_hash: null };
  return { phone_enc: pii.encrypt(phone), phone_hash: pii.hash(phone), phone_tail_hash: phoneTailHash(pii, phone) };
}

const BATCH = 1000;

/**
 * Fills the last-four-digit hash of members written before migration 0035 (the job
 * `members.phone_tails`), a batch of 1,000 per UPDATE, until none is left or `budgetMs` has passed
 * (the next run goes on). Returns how many it filled. No transaction: each UPDATE is atomic, and it
 * only fills rows still without a hash, so a phone changed meanwhile (which writes its own) is
 * never overwritten with the old number's digits; a run with nothing to do is one index read.
 */
export async function fillPhoneTails(deps: Deps, budgetMs = 60_000): Promise<number> {
  const until = Date.now() + budgetMs;
  let filled = 0;
  for (;;) {
    const rows = await deps.db
      .selectFrom('members')
      .select(['id', 'phone_enc'])
      .where('phone_tail_hash', 'is', null)
      .where('phone_enc', 'is not', null)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length) {
      await deps.db
        .updateTable('members')
        .set({
          phone_tail_hash: sql<string>`case id ${sql.join(
            rows.map((r) => sql`when ${r.id} then ${phoneTailHash(deps.pii, deps.pii.decrypt(r.phone_enc!))}`),
            sql` `,
          )} end`,
        })
        .where('id', 'in', rows.map((r) => r.id))
        .where('phone_tail_hash', 'is', null)
        .execute();
    }
    filled += rows.length;
    if (rows.length < BATCH || Date.now() >= until) return filled;
  }
}
