import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refuse, refused } from '../../platform/errors.ts';
import { inScope, inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { notify } from '../notifications/index.ts';
import { readableCraftsmen, readableSelections, writableSelection } from './policy.ts';
import { publicityLastDay } from '../../platform/assessment/index.ts';
import { shanghaiDate } from '../../platform/dates.ts';
import { checkCandidateAge, checkConflict, checkNaming, checkPublicize, checkSelectionPeriod, checkSelectionStep, chooseNamed, rankCandidates, validUntil } from './rules.ts';
import { settingsFor } from './settings.ts';
import { balanceColumn } from './ledger.ts';
import type { craftsmanListQuery, createSelectionBody, selectionListQuery } from './schema.ts';

/**
 * Craftsman selection (工匠评选) held every few years per federation (信息港: every 3): candidates
 * (members), judges with the conflict-of-interest rule, marks, a ranking with ties, publicity with
 * objections, naming within a quota, titles valid until the next selection and renewed by it.
 *
 * The rules are the shared assessment mechanism's (server/platform/assessment): the judges'
 * conflict of interest, the mean over judges, ranking with a stated tie-break, the publicity
 * window and what blocks naming, the state machine; rules.ts words them with this module's codes.
 */

function selections(tx: Tx, user: Caller['user']) {
  return tx
    .selectFrom('craftsman_selections')
    .innerJoin('orgs', 'orgs.id', 'craftsman_selections.org_id')
    .selectAll('craftsman_selections')
    .select(['orgs.name as org_name', writableSelection(user)])
    .select((eb) => eb.selectFrom('craftsman_candidates as c').select((c) => c.fn.countAll<number>().as('n')).whereRef('c.selection_id', '=', 'craftsman_selections.id').as('candidates'));
}
type Row = Awaited<ReturnType<ReturnType<typeof selections>['executeTakeFirstOrThrow']>>;
const view = (r: Row) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  title: r.title,
  year: r.year,
  quota: r.quota,
  status: r.status,
  publicityLastDay: r.publicity_last_day,
  candidates: Number(r.candidates ?? 0),
  actions: r.writes === 1 && r.status !== 'named' ? ['manage' as const] : [],
});

export async function createSelection(deps: Deps, caller: Caller, input: z.infer<typeof createSelectionBody>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const { settings } = await settingsFor(tx, input.orgId);
    const others = await tx.selectFrom('craftsman_selections').select('year').where('org_id', '=', input.orgId).execute();
    refuse(checkSelectionPeriod(input.year, others.map((o) => o.year), settings.selectionPeriodYears));
    const { id } = await tx
      .insertInto('craftsman_selections')
      .values({ org_id: input.orgId, title: input.title, year: input.year, quota: input.quota, status: 'open', publicity_last_day: null, created_by: caller.actor.userId, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'craftsman_selection.create', entity: 'craftsman_selection', entityId: id, orgId: input.orgId, after: input });
    return { id };
  });
}

export async function listSelections(deps: Deps, caller: Caller, query: z.infer<typeof selectionListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  let q = selections(deps.db, caller.user).where(readableSelections(caller.scope));
  if (query.orgId) q = q.where(inSubtree('craftsman_selections.org_id', query.orgId));
  const { rows, total } = await paginate(q, query, (x) => x.orderBy('craftsman_selections.id', 'desc'));
  return { items: rows.map(view), total };
}

async function reachable(tx: Tx, caller: Caller, id: number, scope: Scope = caller.scope) {
  const row = await selections(tx, caller.user).where('craftsman_selections.id', '=', id).where(readableSelections(scope)).executeTakeFirst();
  if (!row) throw notFound('craftsman_selection');
  return row;
}

/** The candidates ranked by their marks, with their objections. */
async function ranking(tx: Tx, selectionId: number) {
  const candidates = await tx
    .selectFrom('craftsman_candidates as c')
    .leftJoin('enterprises', 'enterprises.id', 'c.enterprise_id')
    .select(['c.id', 'c.member_id', 'c.name', 'c.status', 'enterprises.name as enterprise_name'])
    .where('c.selection_id', '=', selectionId)
    .execute();
  const ids = candidates.map((c) => c.id);
  const marks = ids.length ? await tx.selectFrom('craftsman_marks').select(['candidate_id', 'value']).where('candidate_id', 'in', ids).execute() : [];
  const objections = ids.length ? await tx.selectFrom('craftsman_objections').select(['id', 'candidate_id', 'reason', 'status']).where('candidate_id', 'in', ids).orderBy('id').execute() : [];
  const ranked = rankCandidates(candidates.map((c) => ({ ...c, marks: marks.filter((m) => m.candidate_id === c.id).map((m) => m.value) })));
  return ranked.map((c) => ({
    id: c.id,
    memberId: c.member_id,
    name: c.name,
    enterpriseName: c.enterprise_name,
    status: c.status,
    marks: c.marks.length,
    score: c.score,
    rank: c.rank,
    objections: objections.filter((o) => o.candidate_id === c.id).map((o) => ({ id: o.id, reason: o.reason, status: o.status })),
  }));
}

export async function getSelection(deps: Deps, caller: Caller, id: number) {
  const s = await reachable(deps.db, caller, id);
  const judges = await deps.db.selectFrom('craftsman_judges as j').innerJoin('users', 'users.id', 'j.user_id').select(['j.user_id', 'users.display_name']).where('j.selection_id', '=', id).orderBy('j.id').execute();
  return { ...view(s), judges: judges.map((j) => ({ userId: j.user_id, name: j.display_name })), ranking: await ranking(deps.db, id) };
}

export async function nominate(deps: Deps, caller: Caller, id: number, memberId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const s = await reachable(tx, caller, id);
    refuse(checkSelectionStep(s.status, 'enter'));
    const member = await tx
      .selectFrom('members')
      .select(['name', 'enterprise_id', 'birth_date'])
      .where('id', '=', memberId)
      .where('status', '=', 'member')
      .where(inSubtree('members.org_id', s.org_id))
      .where(inScope('members.org_id', caller.scope))
      .executeTakeFirst();
    if (!member) throw notFound('member');
    const { settings } = await settingsFor(tx, s.org_id);
    refuse(checkCandidateAge(member.birth_date, s.year, settings.candidateMaxAge));
    try {
      const row = await tx
        .insertInto('craftsman_candidates')
        .values({ selection_id: id, member_id: memberId, name: member.name, enterprise_id: member.enterprise_id, status: 'candidate', created_at: caller.actor.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'craftsman_candidate.create', entity: 'craftsman_selection', entityId: id, orgId: s.org_id, after: { memberId } });
      return { id: row.id };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict();
      throw err;
    }
  });
}

export async function addJudge(deps: Deps, caller: Caller, id: number, userId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const s = await reachable(tx, caller, id);
    refuse(checkSelectionStep(s.status, 'mark'));
    const user = await tx.selectFrom('users').select('id').where('id', '=', userId).where('disabled', '=', 0).executeTakeFirst();
    if (!user) throw notFound('user');
    try {
      const row = await tx.insertInto('craftsman_judges').values({ selection_id: id, user_id: userId, created_at: caller.actor.now }).returning('id').executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'craftsman_judge.create', entity: 'craftsman_selection', entityId: id, orgId: s.org_id, after: { userId } });
      return { id: row.id };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict();
      throw err;
    }
  });
}

/**
 * A judge marks a candidate (0–100), changing their mark while the selection is open. A judge
 * who is a member employed at the candidate's enterprise is refused: conflict of interest.
 */
export async function mark(deps: Deps, caller: Caller, candidateId: number, value: number) {
  const judgeId = caller.user!.id;
  return deps.db.transaction().execute(async (tx) => {
    const c = await tx
      .selectFrom('craftsman_candidates as c')
      .innerJoin('craftsman_selections as s', 's.id', 'c.selection_id')
      .innerJoin('craftsman_judges as j', (j) => j.onRef('j.selection_id', '=', 's.id').on('j.user_id', '=', judgeId))
      .innerJoin('members as m', 'm.id', 'c.member_id')
      .leftJoin('enterprises as e', 'e.id', 'c.enterprise_id')
      .leftJoin('orgs as eu', (j) => j.onRef('eu.id', '=', 'e.org_id').on('eu.kind', '=', 'grassroots_union'))
      .select(['c.id', 'c.enterprise_id', 's.status', 's.org_id', 's.id as selection_id', 'm.user_id', 'eu.id as enterprise_union_id'])
      .where('c.id', '=', candidateId)
      .executeTakeFirst();
    if (!c) throw notFound('craftsman_candidate');
    refuse(checkSelectionStep(c.status, 'mark'));
    const own = await tx.selectFrom('members').select('enterprise_id').where('user_id', '=', judgeId).where('status', '!=', 'left').execute();
    const home = await tx.selectFrom('users').select('home_org_id').where('id', '=', judgeId).executeTakeFirst();
    refuse(
      checkConflict(
        { userId: judgeId, enterpriseIds: own.map((m) => m.enterprise_id).filter((e): e is number => e !== null), homeOrgId: home?.home_org_id ?? null },
        { userIds: c.user_id === null ? [] : [c.user_id], enterpriseId: c.enterprise_id, enterpriseUnionId: c.enterprise_union_id },
      ),
    );
    await tx
      .insertInto('craftsman_marks')
      .values({ candidate_id: candidateId, judge_id: judgeId, value, marked_at: caller.actor.now })
      .onConflict((oc) => oc.columns(['candidate_id', 'judge_id']).doUpdateSet({ value, marked_at: caller.actor.now }))
      .execute();
    await audit(tx, caller.actor, { action: 'craftsman_mark.save', entity: 'craftsman_candidate', entityId: candidateId, orgId: c.org_id, after: { value } });
    return { candidateId, value };
  });
}

/** Publicity: the ranking goes public for the configured days, objections may be filed. */
export async function publicize(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const s = await reachable(tx, caller, id);
    refuse(checkPublicize(s.status));
    const { settings } = await settingsFor(tx, s.org_id);
    const lastDay = publicityLastDay(shanghaiDate(new Date(caller.actor.now)), settings.publicityDays);
    await tx.updateTable('craftsman_selections').set({ status: 'publicity', publicity_last_day: lastDay }).where('id', '=', id).execute();
    await audit(tx, caller.actor, { action: 'craftsman_selection.publicize', entity: 'craftsman_selection', entityId: id, orgId: s.org_id, after: { publicityLastDay: lastDay } });
    return getSelectionIn(tx, caller, id);
  });
}

async function getSelectionIn(tx: Tx, caller: Caller, id: number) {
  const s = await reachable(tx, caller, id);
  return { ...view(s), judges: [], ranking: await ranking(tx, id) };
}

async function candidateInScope(tx: Tx, caller: Caller, candidateId: number) {
  const c = await tx
    .selectFrom('craftsman_candidates as c')
    .innerJoin('craftsman_selections', 'craftsman_selections.id', 'c.selection_id')
    .select(['c.id', 'craftsman_selections.status', 'craftsman_selections.org_id'])
    .where('c.id', '=', candidateId)
    .where(readableSelections(caller.scope))
    .executeTakeFirst();
  if (!c) throw notFound('craftsman_candidate');
  return c;
}

/** An objection during publicity, recorded by a cadre (from a letter, a call, a visit). */
export async function fileObjection(deps: Deps, caller: Caller, candidateId: number, reason: string) {
  return deps.db.transaction().execute(async (tx) => {
    const c = await candidateInScope(tx, caller, candidateId);
    refuse(checkSelectionStep(c.status, 'object'));
    const row = await tx.insertInto('craftsman_objections').values({ candidate_id: candidateId, reason, status: 'open', filed_by: caller.actor.userId, filed_at: caller.actor.now, decided_by: null, decided_at: null }).returning('id').executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'craftsman_objection.create', entity: 'craftsman_candidate', entityId: candidateId, orgId: c.org_id, after: { reason } });
    return { id: row.id };
  });
}

export async function decideObjection(deps: Deps, caller: Caller, objectionId: number, upheld: boolean) {
  return deps.db.transaction().execute(async (tx) => {
    const o = await tx
      .selectFrom('craftsman_objections as o')
      .innerJoin('craftsman_candidates as c', 'c.id', 'o.candidate_id')
      .innerJoin('craftsman_selections', 'craftsman_selections.id', 'c.selection_id')
      .select(['o.id', 'o.status', 'craftsman_selections.org_id'])
      .where('o.id', '=', objectionId)
      .where(readableSelections(caller.scope))
      .executeTakeFirst();
    if (!o) throw notFound('craftsman_objection');
    if (o.status !== 'open') throw refused('craftsman_objection_decided');
    const status = upheld ? ('upheld' as const) : ('dismissed' as const);
    await tx.updateTable('craftsman_objections').set({ status, decided_by: caller.actor.userId, decided_at: caller.actor.now }).where('id', '=', objectionId).execute();
    await audit(tx, caller.actor, { action: 'craftsman_objection.decide', entity: 'craftsman_objection', entityId: objectionId, orgId: o.org_id, after: { status } });
    return { id: objectionId, status };
  });
}

/**
 * Naming, after the publicity period with every objection decided: the best ranked within the
 * quota, none with an upheld objection. Their titles are valid until the next selection is due;
 * the federation's earlier titles expire, and a craftsman named again has theirs renewed.
 */
export async function name(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const s = await reachable(tx, caller, id);
    const ranked = await ranking(tx, id);
    const openObjections = ranked.reduce((n, c) => n + c.objections.filter((o) => o.status === 'open').length, 0);
    refuse(checkNaming(s.status, { publicityLastDay: s.publicity_last_day, openObjections, today: shanghaiDate(new Date(caller.actor.now)) }));
    const named = chooseNamed(ranked.map((c) => ({ ...c, upheld: c.objections.some((o) => o.status === 'upheld') })), s.quota);
    const { settings } = await settingsFor(tx, s.org_id);
    const until = validUntil(s.year, settings.selectionPeriodYears);
    const previous = await tx.selectFrom('craftsmen').select(['id', 'member_id']).where('org_id', '=', s.org_id).where('status', '=', 'valid').execute();
    await tx.updateTable('craftsmen').set({ status: 'expired' }).where('org_id', '=', s.org_id).where('status', '=', 'valid').execute();
    const namedIds = new Set(named.map((c) => c.id));
    for (const c of ranked) await tx.updateTable('craftsman_candidates').set({ status: namedIds.has(c.id) ? 'named' : 'not_named' }).where('id', '=', c.id).execute();
    for (const c of named) {
      const renews = previous.find((p) => p.member_id === c.memberId)?.id ?? null;
      await tx.insertInto('craftsmen').values({ org_id: s.org_id, selection_id: id, member_id: c.memberId, name: c.name, year: s.year, valid_until: until, status: 'valid', renews_id: renews, created_at: caller.actor.now }).execute();
      const user = await tx.selectFrom('members').select('user_id').where('id', '=', c.memberId).executeTakeFirst();
      if (user?.user_id) await notify(tx, deps, [user.user_id], { kind: 'craftsman_named', params: { selection: s.title, until }, key: `craftsman:${id}` });
    }
    await tx.updateTable('craftsman_selections').set({ status: 'named' }).where('id', '=', id).execute();
    await audit(tx, caller.actor, { action: 'craftsman_selection.name', entity: 'craftsman_selection', entityId: id, orgId: s.org_id, after: { named: named.map((c) => c.memberId), validUntil: until } });
    return getSelectionIn(tx, caller, id);
  });
}

export async function listCraftsmen(deps: Deps, caller: Caller, query: z.infer<typeof craftsmanListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  let q = deps.db
    .selectFrom('craftsmen')
    .innerJoin('orgs', 'orgs.id', 'craftsmen.org_id')
    .selectAll('craftsmen')
    .select(['orgs.name as org_name', balanceColumn('craftsman', 'craftsmen.id').as('balance')])
    .where(readableCraftsmen(caller.scope));
  if (query.orgId) q = q.where(inSubtree('craftsmen.org_id', query.orgId));
  if (query.status) q = q.where('craftsmen.status', '=', query.status);
  const { rows, total } = await paginate(q, query, (x) => x.orderBy('craftsmen.id', 'desc'));
  return {
    items: rows.map((r) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, memberId: r.member_id, name: r.name, year: r.year, validUntil: r.valid_until, status: r.status, renewed: r.renews_id !== null, balanceFen: Number(r.balance ?? 0) })),
    total,
  };
}

/** Open objections of selections in scope: the workbench's to-do. */
export async function countOpenObjections(deps: Deps, scope: Scope) {
  const row = await deps.db
    .selectFrom('craftsman_objections as o')
    .innerJoin('craftsman_candidates as c', 'c.id', 'o.candidate_id')
    .innerJoin('craftsman_selections', 'craftsman_selections.id', 'c.selection_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.status', '=', 'open')
    .where(readableSelections(scope))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The caller's own marking sheet: every candidate of the open selections they judge, with their mark so far. */
export async function myMarking(deps: Deps, caller: Caller) {
  const judgeId = caller.user!.id;
  const rows = await deps.db
    .selectFrom('craftsman_judges as j')
    .innerJoin('craftsman_selections as s', 's.id', 'j.selection_id')
    .innerJoin('craftsman_candidates as c', 'c.selection_id', 's.id')
    .leftJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .leftJoin('craftsman_marks as m', (join) => join.onRef('m.candidate_id', '=', 'c.id').on('m.judge_id', '=', judgeId))
    .select(['c.id', 'c.name', 'e.name as enterprise_name', 's.id as selection_id', 's.title', 'm.value'])
    .where('j.user_id', '=', judgeId)
    .where('s.status', '=', 'open')
    .orderBy('s.id')
    .orderBy('c.id')
    .limit(500)
    .execute();
  const items = rows.map((r) => ({ candidateId: r.id, name: r.name, enterpriseName: r.enterprise_name, selectionId: r.selection_id, selectionTitle: r.title, myMark: r.value ?? null }));
  return { items, total: items.length };
}

/** Candidates a judge has still to mark in open selections: the judge's own to-do. */
export async function countMyUnmarked(deps: Deps, judgeId: number) {
  const row = await deps.db
    .selectFrom('craftsman_judges as j')
    .innerJoin('craftsman_selections as s', 's.id', 'j.selection_id')
    .innerJoin('craftsman_candidates as c', 'c.selection_id', 's.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('j.user_id', '=', judgeId)
    .where('s.status', '=', 'open')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('craftsman_marks as m').select('m.id').whereRef('m.candidate_id', '=', 'c.id').where('m.judge_id', '=', judgeId))))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
