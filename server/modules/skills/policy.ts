import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope, type Scope } from '../../platform/access.ts';

/**
 * Who may see which skill-level records, as SQL filters (like members/policy.ts). A record follows
 * its member: a cadre reaches it through the union the member belongs to now, within their scope
 * (skill.read to look, skill.write to record, correct and void); out of scope answers 404 like a
 * missing record. A worker reaches their own records through the member record linked to their
 * account. Queries join `members` for these filters.
 */
export const readableRecords = (scope: Scope): Expression<SqlBool> => inScope('members.org_id', scope);

/** The records of the member linked to one's own account. */
export const ownRecords = (userId: number): Expression<SqlBool> => expressionBuilder<DB, 'members'>()('members.user_id', '=', userId);
