import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Two rules the services check in code, now also held by the database, so two requests racing past
 * the check cannot both land (the loser gets 409, see platform/http.ts):
 * - sibling orgs that are open have different names (a closed org's name may be used again);
 * - a user holds the platform-wide admin role once (org_id is NULL there, and NULLs never clash in
 *   role_grants_unique).
 * Both engines take partial and expression indexes in the same spelling.
 */
export const integrity: Migration = {
  async up(db: Kysely<any>) {
    await sql`create unique index orgs_open_sibling_name on orgs (coalesce(parent_id, 0), name) where status = 'active'`.execute(db);
    await sql`create unique index role_grants_platform_unique on role_grants (user_id, role) where org_id is null`.execute(db);
  },
};
