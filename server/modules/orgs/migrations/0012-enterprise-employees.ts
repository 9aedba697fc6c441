import type { Kysely, Migration } from 'kysely';

/**
 * 职工人数: how many people an enterprise employs (null: not known yet), the denominator of the
 * membership rate (入会率) in coverage statistics. Those statistics sum it, with the founding date
 * that says whether an enterprise without a union is due one, over every enterprise of a subtree:
 * 0005's index on (org_id, status, new_economy) is replaced by one that also holds both, so the
 * sums are read from the index alone.
 */
export const enterpriseEmployees: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('enterprises').addColumn('employees', 'integer').execute();
    await db.schema.createIndex('enterprises_coverage_idx').on('enterprises').columns(['org_id', 'status', 'new_economy', 'founded_on', 'employees']).execute();
    await db.schema.dropIndex('enterprises_org_status_idx').execute();
  },
};
