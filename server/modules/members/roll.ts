import type { z } from 'zod';
import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Db, Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { notFound, refused } from '../../platform/errors.ts';
import { inSubtree, isScopeTop, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { maskIdNumber, maskPhone } from '../../platform/pii.ts';
import { requireEnterprise } from './directory.ts';
import { readableMembers } from './policy.ts';
import { checkStatusChange } from './rules.ts';
import type { memberListQuery, standardFields, updateMemberBody } from './schema.ts';
import type { StandardFields } from './tables.ts';
import { transfersOf } from './transfers.ts';
import { readDb } from '../../platform/replica.ts';
import { phoneColumns, phoneTailHash } from './phones.ts';

/** The member roll: the list in scope, one member, the full personal data on purpose, and status changes. */

/** The register's standard fields as the API names them, from their columns (members or join applications). */
export function standardFieldsView(r: StandardFields) {
  return {
    ethnicity: r.ethnicity,
    education: r.education,
    politicalStatus: r.political_status,
    migrantWorker: r.migrant_worker === null ? null : r.migrant_worker === 1,
    newFormGroup: r.new_form_group,
  };
}

/** The columns of the standard fields a request gives (those it leaves out stay unchanged; null clears). */
export function standardFieldColumns(input: z.infer<typeof standardFields>): Partial<StandardFields> {
  const set: Partial<StandardFields> = {};
  if (input.ethnicity !== undefined) set.ethnicity = input.ethnicity;
  if (input.education !== undefined) set.education = input.education;
  if (input.politicalStatus !== undefined) set.political_status = input.politicalStatus;
  if (input.migrantWorker !== undefined) set.migrant_worker = input.migrantWorker === null ? null : input.migrantWorker ? 1 : 0;
  if (input.newFormGroup !== undefined) set.new_form_group = input.newFormGroup;
  return set;
}

export const standardColumns = ['ethnicity', 'education', 'political_status', 'migrant_worker', 'new_form_group'] as const;

export function membersQuery(tx: Tx) {
  return tx.selectFrom('members').innerJoin('orgs', 'orgs.id', 'members.org_id').leftJoin('enterprises', 'enterprises.id', 'members.enterprise_id');
}

export const memberColumns = [
  'members.id', 'members.name', 'members.id_number_enc', 'members.phone_enc', 'members.org_id', 'orgs.name as org_name', 'members.status',
  'members.member_no', 'members.joined_on', 'members.employer_name', 'enterprises.name as enterprise_name',
] as const;

export function memberItemView(deps: Deps) {
  return (r: { id: number; name: string; id_number_enc: string; phone_enc: string | null; org_id: number; org_name: string; status: 'member' | 'transferring' | 'retained' | 'left'; member_no: string; joined_on: string; employer_name: string | null; enterprise_name: string | null }) => ({
    id: r.id,
    name: r.name,
    idNumber: maskIdNumber(deps.pii.decrypt(r.id_number_enc)),
    phone: r.phone_enc ? maskPhone(deps.pii.decrypt(r.phone_enc)) : null,
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    memberNo: r.member_no,
    joinedOn: r.joined_on,
    employerName: r.enterprise_name ?? r.employer_name,
  });
}

type RollQuery = { orgId?: number; q?: string; status?: string };

/** The roll's filter (scope, org, status, search) on the members table alone. */
function rollFilter(deps: Deps, scope: Scope, query: RollQuery): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'members'>();
  const conditions: Expression<SqlBool>[] = [readableMembers(scope)];
  if (query.orgId) conditions.push(inSubtree('members.org_id', query.orgId));
  if (query.status) conditions.push(eb('members.status', '=', query.status as 'member'));
  const term = query.q;
  if (term) {
    if (/^\d{17}[\dXx]$/.test(term)) conditions.push(eb('members.id_number_hash', '=', deps.pii.hash(term)));
    else if (/^1\d{10}$/.test(term)) conditions.push(eb('members.phone_hash', '=', deps.pii.hash(term)));
    // 尾号: the last four digits of a phone, by their keyed hash's index.
    else if (/^\d{4}$/.test(term)) conditions.push(eb('members.phone_tail_hash', '=', phoneTailHash(deps.pii, term)));
    // A member number alone (no name holds 12 digits): its unique index, not a name scan of the scope.
    else if (/^\d{12,}$/.test(term)) conditions.push(eb('members.member_no', '=', term));
    else conditions.push(nameSearch(term));
  }
  return eb.and(conditions);
}

/**
 * A name search: two or more characters (no digits or LIKE wildcards) read the members whose name
 * holds the term's first and last pairs of characters (member_name_grams, migration 0036: the
 * database starts from the rarer and checks the other by its key), then the whole term on those;
 * anything else reads the scope, as a member number under 12 digits or one character must.
 */
function nameSearch(term: string): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'members'>();
  const byName = eb('members.name', 'like', `%${term}%`);
  const chars = Array.from(term);
  if (chars.length < 2 || /[\d%_]/.test(term)) return eb.or([byName, eb('members.member_no', '=', term)]);
  const pairs = [...new Set([chars.slice(0, 2).join(''), chars.slice(-2).join('')])];
  const holding = (pair: string) => eb('members.id', 'in', eb.selectFrom('member_name_grams').select('member_name_grams.member_id').where('member_name_grams.gram', '=', pair));
  return eb.and([...pairs.map(holding), byName]);
}

/** The roll in scope, filtered as the list is: what the Excel export walks through. */
export function filteredMembers(deps: Deps, tx: Tx, scope: Scope, query: RollQuery) {
  return membersQuery(tx).where(rollFilter(deps, scope, query));
}

/**
 * One page of the roll, newest first: its ids, then only those rows joined and decrypted. See
 * pageIds for how the ids are found. The total comes from rollTotal.
 */
export async function listMembers(deps: Deps, caller: Caller, query: z.infer<typeof memberListQuery>) {
  const reader = readDb(deps, caller);
  if (query.orgId) await requireOrgInScope(reader, caller.scope, query.orgId);
  const filter = rollFilter(deps, caller.scope, query);
  const total = await rollTotal(reader, caller.scope, query, filter);
  const ids = await pageIds(deps, reader, caller.scope, query, filter);
  if (!ids) return { items: [], total };
  const rows = await reader
    .selectFrom('members')
    .innerJoin('orgs', 'orgs.id', 'members.org_id')
    .leftJoin('enterprises', 'enterprises.id', 'members.enterprise_id')
    .select(memberColumns)
    .where('members.id', 'in', ids)
    .orderBy('members.id', 'desc')
    .execute();
  return { items: rows.map(memberItemView(deps)), total };
}

/**
 * The page's ids, as a subquery, or null when the scope is empty. `after` (the last id of the
 * previous page) starts the page below it with no OFFSET (keyset paging); else `page` skips.
 *
 * Without a search the ids are one backward range of member_ancestors' key per org whose subtree
 * the list covers (the chosen org, or the fewest orgs whose subtrees make up the scope), so a page
 * costs its own rows whatever the scope's size (a status filter looks each id's member up and
 * skips those of another status: a rare status walks further); several orgs (grants side by side) each give their first
 * `offset + pageSize` ids, merged. A county-wide scope walks the members' primary key. See
 * migration 0034 and bench/README.md.
 *
 * A search reads the members its term's index finds (ID number or phone hash, member number, or
 * the name over the scope) and filters those by scope. On PostgreSQL they are gathered first
 * (MATERIALIZED) and then sorted: otherwise it walks the primary key backwards hoping to meet the
 * scope's matches soon.
 */
async function pageIds(deps: Deps, db: Db, scope: Scope, query: z.infer<typeof memberListQuery>, filter: Expression<SqlBool>) {
  const offset = query.after ? 0 : (query.page - 1) * query.pageSize;
  if (query.q) {
    return db
      .with((cte) => (deps.engine === 'postgres' ? cte('roll').materialized() : cte('roll').notMaterialized()), (db) =>
        db.selectFrom('members').select('members.id').where(filter).$if(!!query.after, (q) => q.where('members.id', '<', query.after!)),
      )
      .selectFrom('roll')
      .select('roll.id')
      .orderBy('roll.id', 'desc')
      .limit(query.pageSize)
      .offset(offset);
  }
  const status = query.status as 'member' | undefined;
  if (!query.orgId && scope.all) {
    return db
      .selectFrom('members')
      .select('members.id')
      .$if(!!status, (q) => q.where('members.status', '=', status!))
      .$if(!!query.after, (q) => q.where('members.id', '<', query.after!))
      .orderBy('members.id', 'desc')
      .limit(query.pageSize)
      .offset(offset);
  }
  const tops = query.orgId ? [query.orgId] : await scopeTops(db, scope);
  if (tops.length === 0) return null;
  const under = (top: number, limit: number) =>
    db
      .selectFrom('member_ancestors')
      .select('member_ancestors.member_id as id')
      .where('member_ancestors.ancestor_id', '=', top)
      // A scalar subquery, which PostgreSQL does not turn into a join: as a join it merged the
      // range with the members' whole primary key walked backwards from the newest member.
      .$if(!!status, (q) =>
        q.where((eb) => eb(eb.selectFrom('members').select('members.status').whereRef('members.id', '=', 'member_ancestors.member_id'), '=', status!)),
      )
      .$if(!!query.after, (q) => q.where('member_ancestors.member_id', '<', query.after!))
      .orderBy('member_ancestors.member_id', 'desc')
      .limit(limit);
  if (tops.length === 1) return under(tops[0], query.pageSize).offset(offset);
  const [first, ...rest] = tops.map((top, i) => db.selectFrom(under(top, offset + query.pageSize).as(`t${i}`)).select(`t${i}.id as id`));
  return db
    .selectFrom(rest.reduce((all, next) => all.unionAll(next), first).as('tops'))
    .select('tops.id')
    .orderBy('tops.id', 'desc')
    .limit(query.pageSize)
    .offset(offset);
}

/** The fewest orgs whose subtrees make up a scope (grants may nest): its one root needs no query. */
async function scopeTops(db: Deps['db'], scope: Scope): Promise<number[]> {
  if (scope.roots.length <= 1) return scope.roots;
  const rows = await db.selectFrom('orgs').select('orgs.id').where(isScopeTop(scope)).orderBy('orgs.id').execute();
  return rows.map((r) => r.id);
}

/**
 * The roll's size. Without a search it is read from subtree_member_counts (kept by triggers,
 * migration 0006; one row per status, so a status filter sums that status's): the counts of the
 * chosen org (already checked to lie in scope, so its subtree is all in scope), or of the scope's
 * tops, instead of counting a whole street's members on every page.
 */
async function rollTotal(db: Db, scope: Scope, query: RollQuery, filter: Expression<SqlBool>): Promise<number> {
  if (query.q) {
    const [{ total }] = await db.selectFrom('members').where(filter).select((eb) => eb.fn.countAll<number>().as('total')).execute();
    return Number(total);
  }
  const counts = db.selectFrom('subtree_member_counts').$if(!!query.status, (q) => q.where('status', '=', query.status as 'member'));
  const [{ total }] = await (query.orgId ? counts.where('org_id', '=', query.orgId) : counts.where('org_id', 'in', (eb) => eb.selectFrom('orgs').select('orgs.id').where(isScopeTop(scope))))
    .select((eb) => eb.fn.sum<number>('n').as('total'))
    .execute();
  return Number(total ?? 0);
}

async function requireReadableMember(tx: Tx, scope: Scope, id: number) {
  const row = await tx.selectFrom('members').selectAll().where('members.id', '=', id).where(readableMembers(scope)).executeTakeFirst();
  if (!row) throw notFound('member');
  return row;
}

export async function getMember(deps: Deps, caller: Caller, id: number) {
  await requireReadableMember(deps.db, caller.scope, id);
  const row = await membersQuery(deps.db)
    .select(memberColumns)
    .select(['members.gender', 'members.birth_date', 'members.enterprise_id', 'members.retained_reason', 'members.left_on', 'members.source', 'members.user_id'])
    .select(standardColumns.map((c) => `members.${c}` as const))
    .where('members.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    ...memberItemView(deps)(row),
    gender: row.gender,
    birthDate: row.birth_date,
    ...standardFieldsView(row),
    enterpriseId: row.enterprise_id,
    retainedReason: row.retained_reason,
    leftOn: row.left_on,
    source: row.source,
    linkedAccount: row.user_id !== null,
    transfers: await transfersOf(deps.db, [id]),
  };
}

/** The full ID number and phone, on purpose, to a cadre allowed to see them; always audited. */
export async function revealMember(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const row = await requireReadableMember(tx, caller.scope, id);
    await audit(tx, caller.actor, { action: 'member.pii_view', entity: 'member', entityId: id, orgId: row.org_id, after: { fields: ['idNumber', 'phone'] } });
    return { idNumber: deps.pii.decrypt(row.id_number_enc), phone: row.phone_enc ? deps.pii.decrypt(row.phone_enc) : null };
  });
}

export async function updateMember(deps: Deps, caller: Caller, id: number, input: z.infer<typeof updateMemberBody>) {
  await deps.db.transaction().execute(async (tx) => {
    const before = await requireReadableMember(tx, caller.scope, id);
    const set: Record<string, unknown> = { updated_at: caller.actor.now };
    if (input.status) {
      const change = input.status === 'retained' ? { to: 'retained' as const, reason: input.retainedReason! } : { to: input.status };
      const problem = checkStatusChange(before.status, change);
      if (problem) throw refused(problem);
      set.status = input.status;
      set.retained_reason = input.status === 'retained' ? input.retainedReason : null;
      set.left_on = input.status === 'left' ? today(deps) : null;
    } else if (before.status === 'left') {
      throw refused('member_left');
    }
    if (input.phone !== undefined) {
      Object.assign(set, phoneColumns(deps.pii, input.phone));
    }
    if (input.enterpriseId !== undefined) {
      if (input.enterpriseId) await requireEnterprise(tx, input.enterpriseId);
      set.enterprise_id = input.enterpriseId;
      if (input.enterpriseId) set.employer_name = null;
    }
    if (input.employerName !== undefined) set.employer_name = input.employerName;
    Object.assign(set, standardFieldColumns(input));
    await tx.updateTable('members').set(set).where('id', '=', id).execute();
    await audit(tx, caller.actor, {
      action: input.status ? `member.${input.status === 'member' ? 'restore' : input.status === 'retained' ? 'retain' : 'leave'}` : 'member.update',
      entity: 'member',
      entityId: id,
      orgId: before.org_id,
      before: {
        status: before.status,
        retainedReason: before.retained_reason,
        phone: before.phone_enc ? deps.pii.decrypt(before.phone_enc) : null,
        enterpriseId: before.enterprise_id,
        ...standardFieldsView(before),
      },
      after: { ...input },
    });
  });
  return getMember(deps, caller, id);
}
