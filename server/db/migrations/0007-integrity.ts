import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Two rules the services check in code, now also held by the database, so two requests racing past
 * the check cannot both land (the loser gets 409, see platform/http.ts):
 * - sibling orgs that are open have different names (a closed org's name may be used again);
 * - a user holds the platform-wide admin role once (org_id is NULL there, and NULLs never clash in
 *   role_grants_unique).
 * Both engines take these expression and partial indexes in the same spelling. The org rule is
 * an expression index rather than one partial on `status = 'active'`: SQLite's planner chose such
 * a partial index for every query filtering open orgs, scanning all of them (bench/README.md). An
 * open org's `closed_at` is NULL, so open siblings share '' there and clash by name; closed ones
 * differ by the instant they closed.
 */
export const integrity: Migration = {
  async up(db: Kysely<any>) {
    await sql`create unique index orgs_open_sibling_name on orgs (coalesce(parent_id, 0), name, coalesce(closed_at, ''))`.execute(db);
    await sql`create unique index role_grants_platform_unique on role_grants (user_id, role) where org_id is null`.execute(db);
  },
};
