import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A phone's last four digits as a search (issue #18: "phone last 4 stays indexed"): a cadre on the
 * phone with a worker asks for 尾号 1234. The digits are kept as a keyed hash (members/phones.ts),
 * so the column alone says nothing; the masked phone every list shows has the same four digits.
 *
 * Existing rows cannot be filled here (a migration has no key): the job `members.phone_tails`
 * fills them in batches (every 10 minutes until none is left), finding them by the partial index
 * below, which is empty once it is done and stays so (every write sets the column).
 */
export const memberPhoneTail: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('members').addColumn('phone_tail_hash', 'text').execute();
    await db.schema.createIndex('members_phone_tail_hash_idx').on('members').column('phone_tail_hash').execute();
    await db.schema
      .createIndex('members_phone_tail_missing_idx')
      .on('members')
      .column('id')
      .where(sql.ref('phone_tail_hash'), 'is', null)
      .where(sql.ref('phone_enc'), 'is not', null)
      .execute();
  },
};
