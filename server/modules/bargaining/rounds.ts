import type { z } from 'zod';
import { sql } from 'kysely';
import { isUniqueViolation, parseJson, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refuse } from '../../platform/errors.ts';
import { inScope, inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { today } from '../../platform/dates.ts';
import { addDays, refuseFields, type FieldProblem } from '../../platform/assessment/index.ts';
import { cadresOf, notify } from '../notifications/index.ts';
import { exportTexts as t } from './messages.ts';
import { readableRounds, writableRound } from './policy.ts';
import {
  adoptionOutcome,
  checkMove,
  checkNewRepresentative,
  checkRenewal,
  clauseTemplates,
  diffClauses,
  effectiveOnWithoutObjection,
  expiresOn,
  filingDueOn,
  renewalOpensOn,
  replyDueOn,
  statusOn,
  STATUTE,
  surveyResults,
  timeline,
  type BargainingStatus,
  type Clause,
  type RepFacts,
  type SurveyTopic,
} from './rules.ts';
import type * as s from './schema.ts';

/**
 * Bargaining rounds (集体协商) from the proposal to the agreement in force: the 集体合同规定's
 * deadlines are computed in rules.ts and enforced here, each step in one transaction with its
 * audit entry. Two durable jobs keep the timers: an unanswered proposal is escalated the day after
 * its reply was due (art. 32), and the renewal to-do opens in the last 3 months of the term (art. 38).
 */

export const atStartOf = (date: string) => new Date(`${date}T00:00:00+08:00`);

function rounds(tx: Tx, user: Caller['user']) {
  return tx
    .selectFrom('bargaining_rounds')
    .innerJoin('orgs', 'orgs.id', 'bargaining_rounds.org_id')
    .selectAll('bargaining_rounds')
    .select(['orgs.name as org_name', writableRound(user)])
    .select((eb) => eb.selectFrom('bargaining_enterprises as be').select((b) => b.fn.countAll<number>().as('n')).whereRef('be.round_id', '=', 'bargaining_rounds.id').as('enterprises'));
}
type Row = Awaited<ReturnType<ReturnType<typeof rounds>['executeTakeFirstOrThrow']>>;

export function baseView(r: Omit<Row, 'writes'>, day: string) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    title: r.title,
    kind: r.kind,
    coverage: r.coverage,
    status: statusOn(r, day),
    proposedBy: r.proposed_by,
    proposedOn: r.proposed_on,
    replyDueOn: r.reply_due_on,
    repliedOn: r.replied_on,
    signedOn: r.signed_on,
    filingDueOn: r.filing_due_on,
    filedOn: r.filed_on,
    effectiveOn: r.effective_on,
    expiresOn: r.expires_on,
    termYears: r.term_years,
    renewsId: r.renews_id,
    enterprises: Number(r.enterprises ?? 0),
  };
}
const view = (r: Row, day: string) => {
  const status = statusOn(r, day);
  return { ...baseView(r, day), actions: r.writes === 1 && status !== 'expired' && status !== 'declined' ? ['manage' as const] : [] };
};

async function reachable(tx: Tx, caller: Caller, id: number, scope: Scope = caller.scope) {
  const row = await rounds(tx, caller.user).where('bargaining_rounds.id', '=', id).where(readableRounds(scope)).executeTakeFirst();
  if (!row) throw notFound('bargaining_round');
  return row;
}

async function activeReps(tx: Tx, roundId: number): Promise<RepFacts[]> {
  const reps = await tx.selectFrom('bargaining_representatives').select(['side', 'name', 'chief', 'member_id']).where('round_id', '=', roundId).where('status', '=', 'active').execute();
  return reps.map((r) => ({ side: r.side as RepFacts['side'], name: r.name, chief: r.chief === 1, memberId: r.member_id }));
}

async function facts(tx: Tx, roundId: number) {
  const [reps, drafts, adopted] = await Promise.all([
    activeReps(tx, roundId),
    tx.selectFrom('bargaining_drafts').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', roundId).executeTakeFirstOrThrow(),
    tx.selectFrom('bargaining_adoptions').select('id').where('round_id', '=', roundId).where('adopted', '=', 1).executeTakeFirst(),
  ]);
  return { reps, drafts: Number(drafts.n), adopted: !!adopted };
}

function setStatus(tx: Tx, id: number, status: BargainingStatus, values: Record<string, unknown> = {}) {
  return tx.updateTable('bargaining_rounds').set({ status, ...values }).where('id', '=', id).execute();
}

// ---- proposal ----

export async function createRound(deps: Deps, caller: Caller, input: z.infer<typeof s.createRoundBody>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const ids = [...new Set(input.enterpriseIds)];
    const found = await tx.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', ids).where(inSubtree('enterprises.org_id', input.orgId)).execute();
    if (found.length !== ids.length) refuseFields([{ field: 'enterpriseIds', rule: 'bargaining_enterprise_outside' }]);
    if (input.renewsId) {
      const previous = await reachable(tx, caller, input.renewsId);
      refuse(checkRenewal({ ...previous, status: statusOn(previous, today(deps)) }, input.proposedOn));
    }
    const org = await tx.selectFrom('orgs').select('name').where('id', '=', input.orgId).executeTakeFirstOrThrow();
    const coverage = input.coverage ?? (ids.length > 1 ? 'industry' : 'enterprise');
    const title = input.title ?? `${org.name}${input.proposedOn.slice(0, 4)}年${t[input.kind].zh}集体协商`;
    const due = replyDueOn(input.proposedOn);
    const { id } = await tx
      .insertInto('bargaining_rounds')
      .values({
        org_id: input.orgId, title, kind: input.kind, coverage, status: 'proposed', proposed_by: input.proposedBy, proposed_on: input.proposedOn, reply_due_on: due,
        replied_on: null, reply_reason: null, escalated_at: null, adopted_on: null, signed_on: null, filing_due_on: null, filed_on: null, effective_on: null,
        confirmed_on: null, objected_on: null, term_years: null, expires_on: null, renewal_opens_on: null, renewal_opened_at: null, renews_id: input.renewsId ?? null,
        created_by: caller.actor.userId, created_at: caller.actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('bargaining_enterprises').values(ids.map((enterprise_id) => ({ round_id: id, enterprise_id }))).execute();
    // art. 32: unanswered by the end of the 20th day → escalated by the job the next morning
    await deps.jobs.send('bargaining.reply-overdue', { roundId: id }, { key: String(id), runAt: atStartOf(addDays(due, 1)), trx: tx as never });
    await audit(tx, caller.actor, { action: 'bargaining.create', entity: 'bargaining_round', entityId: id, orgId: input.orgId, after: { ...input, replyDueOn: due } });
    return { id, status: 'proposed' as const, replyDueOn: due };
  });
}

export async function reply(deps: Deps, caller: Caller, id: number, input: z.infer<typeof s.replyBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await reachable(tx, caller, id);
    refuse(checkMove('reply', r.status, await facts(tx, id)));
    const problems: FieldProblem[] = [];
    if (input.repliedOn < r.proposed_on) problems.push({ field: 'repliedOn', rule: 'bargaining_date_before', params: { date: r.proposed_on } });
    if (input.repliedOn > today(deps)) problems.push({ field: 'repliedOn', rule: 'bargaining_date_future' });
    refuseFields(problems);
    await setStatus(tx, id, input.accepted ? 'negotiating' : 'declined', { replied_on: input.repliedOn, reply_reason: input.reason });
    await audit(tx, caller.actor, { action: 'bargaining.reply', entity: 'bargaining_round', entityId: id, orgId: r.org_id, after: input });
    return getRound(deps, caller, id, tx);
  });
}

/** The job: a proposal still unanswered the day after its reply was due goes to the union above, once. */
export async function escalateOverdue(deps: Deps, roundId: number) {
  await deps.db.transaction().execute(async (tx) => {
    const r = await tx.selectFrom('bargaining_rounds').innerJoin('orgs', 'orgs.id', 'bargaining_rounds.org_id').select(['bargaining_rounds.id', 'bargaining_rounds.org_id', 'bargaining_rounds.status', 'bargaining_rounds.title', 'bargaining_rounds.reply_due_on', 'bargaining_rounds.escalated_at', 'orgs.parent_id']).where('bargaining_rounds.id', '=', roundId).executeTakeFirst();
    if (!r || r.status !== 'proposed' || r.escalated_at || today(deps) <= r.reply_due_on) return;
    const now = deps.clock().toISOString();
    await tx.updateTable('bargaining_rounds').set({ escalated_at: now }).where('id', '=', roundId).execute();
    const to = new Set([...(await cadresOf(tx, r.org_id)), ...(r.parent_id ? await cadresOf(tx, r.parent_id) : [])]);
    await notify(tx, deps, [...to], { kind: 'bargaining_reply_overdue', params: { title: r.title, dueOn: r.reply_due_on }, link: `/bargaining/${roundId}`, key: `bargaining-overdue:${roundId}` });
    await audit(tx, { userId: null, ip: null, now }, { action: 'bargaining.escalate', entity: 'bargaining_round', entityId: roundId, orgId: r.org_id, after: { replyDueOn: r.reply_due_on } });
  });
}

// ---- representatives ----

export async function addRepresentative(deps: Deps, caller: Caller, id: number, input: z.infer<typeof s.representativeBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await reachable(tx, caller, id);
    refuse(checkMove('seat', r.status, await facts(tx, id)));
    let name = input.name;
    if (input.memberId) {
      const m = await tx.selectFrom('members').select('name').where('id', '=', input.memberId).where(inSubtree('members.org_id', r.org_id)).where(inScope('members.org_id', caller.scope)).executeTakeFirst();
      if (!m) throw notFound('member');
      name = m.name;
    }
    refuse(checkNewRepresentative(await activeReps(tx, id), { side: input.side, name, chief: input.chief, memberId: input.memberId ?? null }));
    const row = await tx
      .insertInto('bargaining_representatives')
      .values({ round_id: id, side: input.side, name, chief: input.chief ? 1 : 0, member_id: input.memberId ?? null, status: 'active', withdrawn_reason: null, withdrawn_at: null, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'bargaining_representative.create', entity: 'bargaining_round', entityId: id, orgId: r.org_id, after: { ...input, name } });
    return { id: row.id };
  });
}

/** A change of representative: the old one is withdrawn with the reason, never deleted. */
export async function withdrawRepresentative(deps: Deps, caller: Caller, repId: number, reason: string) {
  return deps.db.transaction().execute(async (tx) => {
    const rep = await tx.selectFrom('bargaining_representatives').select(['round_id', 'status', 'name', 'side']).where('id', '=', repId).executeTakeFirst();
    if (!rep) throw notFound('bargaining_representative');
    const r = await reachable(tx, caller, rep.round_id).catch(() => {
      throw notFound('bargaining_representative');
    });
    refuse(checkMove('seat', r.status, await facts(tx, r.id)));
    if (rep.status !== 'active') throw conflict('bargaining_representative_withdrawn');
    await tx.updateTable('bargaining_representatives').set({ status: 'withdrawn', withdrawn_reason: reason, withdrawn_at: caller.actor.now }).where('id', '=', repId).execute();
    await audit(tx, caller.actor, { action: 'bargaining_representative.withdraw', entity: 'bargaining_round', entityId: r.id, orgId: r.org_id, before: { name: rep.name, side: rep.side }, after: { reason } });
    return { id: repId, status: 'withdrawn' as const };
  });
}

// ---- meetings and drafts ----

export async function addMeeting(deps: Deps, caller: Caller, id: number, input: z.infer<typeof s.meetingBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await reachable(tx, caller, id);
    refuse(checkMove('prepare', r.status, await facts(tx, id)));
    if (input.heldOn < r.proposed_on) refuseFields([{ field: 'heldOn', rule: 'bargaining_date_before', params: { date: r.proposed_on } }]);
    const row = await tx.insertInto('bargaining_meetings').values({ round_id: id, held_on: input.heldOn, mode: input.mode, place: input.place, minutes: input.minutes, created_by: caller.actor.userId, created_at: caller.actor.now }).returning('id').executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'bargaining_meeting.create', entity: 'bargaining_round', entityId: id, orgId: r.org_id, after: { heldOn: input.heldOn, mode: input.mode } });
    return { id: row.id };
  });
}

export async function addDraft(deps: Deps, caller: Caller, id: number, input: z.infer<typeof s.draftBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await reachable(tx, caller, id);
    refuse(checkMove('prepare', r.status, await facts(tx, id)));
    const last = await tx.selectFrom('bargaining_drafts').select((eb) => eb.fn.max('version').as('v')).where('round_id', '=', id).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    try {
      const row = await tx
        .insertInto('bargaining_drafts')
        .values({ round_id: id, version, clauses: JSON.stringify(input.clauses), term_years: input.termYears, note: input.note, created_by: caller.actor.userId, created_at: caller.actor.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'bargaining_draft.create', entity: 'bargaining_round', entityId: id, orgId: r.org_id, after: { version, termYears: input.termYears, clauses: input.clauses.length } });
      return { id: row.id, version };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict();
      throw err;
    }
  });
}

// ---- adoption, signing, filing, review ----

export async function recordAdoption(deps: Deps, caller: Caller, id: number, input: z.infer<typeof s.adoptionBody>) {
  const problems: FieldProblem[] = [];
  if (input.attending > input.representatives) problems.push({ field: 'attending', rule: 'bargaining_attending_above_total' });
  if (input.approving > input.attending) problems.push({ field: 'approving', rule: 'bargaining_approving_above_attending' });
  refuseFields(problems);
  return deps.db.transaction().execute(async (tx) => {
    const r = await reachable(tx, caller, id);
    refuse(checkMove('adopt', r.status, await facts(tx, id)));
    const heldOn = input.heldOn ?? today(deps);
    const draft = await tx.selectFrom('bargaining_drafts').select((eb) => eb.fn.max('version').as('v')).where('round_id', '=', id).executeTakeFirstOrThrow();
    const outcome = adoptionOutcome(input.representatives, input.attending, input.approving);
    await tx
      .insertInto('bargaining_adoptions')
      .values({ round_id: id, body: input.body, draft_version: Number(draft.v), representatives: input.representatives, attending: input.attending, approving: input.approving, adopted: outcome.adopted ? 1 : 0, held_on: heldOn, created_by: caller.actor.userId, created_at: caller.actor.now })
      .execute();
    if (outcome.adopted) await setStatus(tx, id, 'adopted', { adopted_on: heldOn });
    await audit(tx, caller.actor, { action: 'bargaining.adoption', entity: 'bargaining_round', entityId: id, orgId: r.org_id, after: { ...input, adopted: outcome.adopted } });
    return outcome;
  });
}

export async function sign(deps: Deps, caller: Caller, id: number, signedOn?: string) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await reachable(tx, caller, id);
    refuse(checkMove('sign', r.status, await facts(tx, id)));
    const on = signedOn ?? today(deps);
    if (r.adopted_on && on < r.adopted_on) refuseFields([{ field: 'signedOn', rule: 'bargaining_date_before', params: { date: r.adopted_on } }]);
    if (on > today(deps)) refuseFields([{ field: 'signedOn', rule: 'bargaining_date_future' }]);
    const due = filingDueOn(on);
    await setStatus(tx, id, 'signed', { signed_on: on, filing_due_on: due });
    await audit(tx, caller.actor, { action: 'bargaining.sign', entity: 'bargaining_round', entityId: id, orgId: r.org_id, after: { signedOn: on, filingDueOn: due } });
    return { filingDueOn: due };
  });
}

async function termOf(tx: Tx, id: number) {
  const d = await tx.selectFrom('bargaining_drafts').select('term_years').where('round_id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  return d.term_years;
}

/** Sets the day in force and the term, and queues the renewal job for the term's last 3 months. */
async function putInForce(deps: Deps, tx: Tx, id: number, effectiveOn: string, values: Record<string, unknown>, status: BargainingStatus) {
  const term = await termOf(tx, id);
  const expires = expiresOn(effectiveOn, term);
  const opens = renewalOpensOn(expires);
  await setStatus(tx, id, status, { ...values, effective_on: effectiveOn, term_years: term, expires_on: expires, renewal_opens_on: opens, renewal_opened_at: null });
  await deps.jobs.send('bargaining.renewal-open', { roundId: id, opensOn: opens }, { key: `${id}@${opens}`, runAt: atStartOf(opens), trx: tx as never });
  return { effectiveOn, expiresOn: expires, renewalOpensOn: opens };
}

export async function file(deps: Deps, caller: Caller, id: number, filedOn: string) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await reachable(tx, caller, id);
    refuse(checkMove('file', r.status, await facts(tx, id)));
    if (filedOn < r.signed_on!) refuseFields([{ field: 'filedOn', rule: 'bargaining_date_before', params: { date: r.signed_on! } }]);
    if (filedOn > today(deps)) refuseFields([{ field: 'filedOn', rule: 'bargaining_date_future' }]);
    const effective = effectiveOnWithoutObjection(filedOn);
    await putInForce(deps, tx, id, effective, { filed_on: filedOn }, 'filed');
    await audit(tx, caller.actor, { action: 'bargaining.file', entity: 'bargaining_round', entityId: id, orgId: r.org_id, after: { filedOn, filingDueOn: r.filing_due_on, late: filedOn > r.filing_due_on!, effectiveOn: effective } });
    return { effectiveOn: effective };
  });
}

/**
 * The labour authority's answer within its 15 days (art. 47): a confirmation puts the agreement in
 * force that day; an objection sends it back to the table, to be adopted, signed and filed again (art. 46).
 */
export async function review(deps: Deps, caller: Caller, id: number, input: z.infer<typeof s.reviewBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await reachable(tx, caller, id);
    const status = statusOn(r, today(deps));
    if (status === 'effective' || status === 'expired') refuse({ code: 'bargaining_review_closed' });
    refuse(checkMove('review', r.status, await facts(tx, id)));
    if (input.decidedOn < r.filed_on!) refuseFields([{ field: 'decidedOn', rule: 'bargaining_date_before', params: { date: r.filed_on! } }]);
    if (input.decidedOn >= r.effective_on!) refuse({ code: 'bargaining_review_closed' });
    if (input.outcome === 'confirmed') {
      await putInForce(deps, tx, id, input.decidedOn, { confirmed_on: input.decidedOn }, 'effective');
    } else {
      await setStatus(tx, id, 'negotiating', { objected_on: input.decidedOn, adopted_on: null, signed_on: null, filing_due_on: null, filed_on: null, effective_on: null, expires_on: null, renewal_opens_on: null, term_years: null });
      await tx.updateTable('bargaining_adoptions').set({ adopted: 0 }).where('round_id', '=', id).execute();
    }
    await audit(tx, caller.actor, { action: 'bargaining.review', entity: 'bargaining_round', entityId: id, orgId: r.org_id, after: input });
    return getRound(deps, caller, id, tx);
  });
}

/** The job: the renewal window of an agreement in force opened; its union's cadres get the to-do and a notice, once. */
export async function openRenewal(deps: Deps, roundId: number, opensOn: string) {
  await deps.db.transaction().execute(async (tx) => {
    const r = await tx.selectFrom('bargaining_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
    if (!r || r.renewal_opens_on !== opensOn || r.renewal_opened_at || !['filed', 'effective'].includes(r.status) || today(deps) < opensOn) return;
    const now = deps.clock().toISOString();
    await tx.updateTable('bargaining_rounds').set({ renewal_opened_at: now }).where('id', '=', roundId).execute();
    await notify(tx, deps, await cadresOf(tx, r.org_id), { kind: 'bargaining_renewal_open', params: { title: r.title, expiresOn: r.expires_on!, opensOn }, link: `/bargaining/${roundId}`, key: `bargaining-renewal:${roundId}@${opensOn}` });
    await audit(tx, { userId: null, ip: null, now }, { action: 'bargaining.renewal_open', entity: 'bargaining_round', entityId: roundId, orgId: r.org_id, after: { opensOn, expiresOn: r.expires_on } });
  });
}

// ---- reading ----

function filtered(db: Tx, user: Caller['user'], scope: Scope, q: { orgId?: number; kind?: string }) {
  let query = rounds(db, user).where(readableRounds(scope));
  if (q.orgId) query = query.where(inSubtree('bargaining_rounds.org_id', q.orgId));
  if (q.kind) query = query.where('bargaining_rounds.kind', '=', q.kind as never);
  return query;
}

/** The stored statuses a shown status comes from (filed shows as effective from its day, effective as expired after its term). */
function statusFilter(day: string, status: BargainingStatus) {
  switch (status) {
    case 'filed':
      return sql<boolean>`bargaining_rounds.status = 'filed' and bargaining_rounds.effective_on > ${day}`;
    case 'effective':
      return sql<boolean>`bargaining_rounds.status in ('filed', 'effective') and bargaining_rounds.effective_on <= ${day} and bargaining_rounds.expires_on >= ${day}`;
    case 'expired':
      return sql<boolean>`bargaining_rounds.status in ('filed', 'effective') and bargaining_rounds.expires_on < ${day}`;
    default:
      return sql<boolean>`bargaining_rounds.status = ${status}`;
  }
}

export async function listRounds(deps: Deps, caller: Caller, query: z.infer<typeof s.roundListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const day = today(deps);
  let q = filtered(deps.db, caller.user, caller.scope, query);
  if (query.status) q = q.where(statusFilter(day, query.status));
  const { rows, total } = await paginate(q, query, (x) => x.orderBy('bargaining_rounds.id', 'desc'));
  return { items: rows.map((r) => view(r, day)), total };
}

export async function exportRounds(deps: Deps, caller: Caller, query: z.infer<typeof s.roundExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  const day = today(deps);
  return exportList(deps, caller, {
    list: 'bargaining_rounds',
    title: t.rounds,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => {
      let q = filtered(deps.db, caller.user, scope, filters);
      if (filters.status) q = q.where(statusFilter(day, filters.status));
      return q;
    },
    keyset: 'bargaining_rounds.id',
    columns: [
      { header: t.title, value: (r) => r.title, width: 36 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.kind, value: (r, lang) => t[r.kind][lang], width: 16 },
      { header: t.enterprises, value: (r) => Number(r.enterprises ?? 0), width: 10 },
      { header: t.status, value: (r, lang) => t[statusOn(r, day)][lang], width: 10 },
      { header: t.proposedOn, value: (r) => r.proposed_on, width: 12 },
      { header: t.replyDueOn, value: (r) => r.reply_due_on, width: 12 },
      { header: t.signedOn, value: (r) => r.signed_on, width: 12 },
      { header: t.effectiveOn, value: (r) => r.effective_on, width: 12 },
      { header: t.expiresOn, value: (r) => r.expires_on, width: 12 },
    ],
  });
}

export async function getRound(deps: Deps, caller: Caller, id: number, tx: Tx = deps.db) {
  const r = await reachable(tx, caller, id);
  const day = today(deps);
  const [enterprises, reps, answers, meetings, drafts, adoptions] = await Promise.all([
    tx.selectFrom('bargaining_enterprises as be').innerJoin('enterprises as e', 'e.id', 'be.enterprise_id').select(['e.id', 'e.name']).where('be.round_id', '=', id).orderBy('e.id').execute(),
    tx
      .selectFrom('bargaining_representatives as r')
      .selectAll('r')
      .select((eb) => eb.selectFrom('bargaining_votes as v').select((v) => v.fn.countAll<number>().as('n')).whereRef('v.representative_id', '=', 'r.id').as('votes'))
      .where('r.round_id', '=', id)
      .orderBy('r.side', 'desc')
      .orderBy('r.chief', 'desc')
      .orderBy('r.id')
      .execute(),
    tx.selectFrom('bargaining_survey_answers').select(['priorities', 'expected_raise_percent']).where('round_id', '=', id).execute(),
    tx.selectFrom('bargaining_meetings').selectAll().where('round_id', '=', id).orderBy('held_on').orderBy('id').execute(),
    tx.selectFrom('bargaining_drafts').selectAll().where('round_id', '=', id).orderBy('version').execute(),
    tx.selectFrom('bargaining_adoptions').selectAll().where('round_id', '=', id).orderBy('id').execute(),
  ]);
  let previous: Clause[] = [];
  const draftViews = drafts.map((d) => {
    const clauses = parseJson<Clause[]>(d.clauses) ?? [];
    const changes = diffClauses(previous, clauses);
    previous = clauses;
    return { id: d.id, version: d.version, termYears: d.term_years, note: d.note, clauses, changes, createdAt: d.created_at };
  });
  const activeCount = reps.filter((x) => x.status === 'active').length;
  return {
    ...view(r, day),
    enterpriseList: enterprises,
    replyReason: r.reply_reason,
    escalated: r.escalated_at !== null,
    representatives: reps.map((x) => ({ id: x.id, side: x.side, name: x.name, chief: x.chief === 1, memberId: x.member_id, status: x.status, withdrawnReason: x.withdrawn_reason, votes: Number(x.votes ?? 0) })),
    survey: surveyResults(answers.map((a) => ({ priorities: parseJson<SurveyTopic[]>(a.priorities) ?? [], expectedRaisePercent: a.expected_raise_percent }))),
    meetings: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, mode: m.mode, place: m.place, minutes: m.minutes })),
    drafts: draftViews,
    adoptions: adoptions.map((a) => ({ id: a.id, body: a.body, draftVersion: a.draft_version, representatives: a.representatives, attending: a.attending, approving: a.approving, adopted: a.adopted === 1, heldOn: a.held_on })),
    timeline: timeline(r, day, {
      representatives: activeCount,
      survey: answers.length,
      meetings: meetings.length,
      drafts: drafts.length,
      firstMeeting: meetings[0]?.held_on ?? null,
      lastDraft: drafts.length ? drafts[drafts.length - 1].created_at.slice(0, 10) : null,
    }),
    statute: STATUTE,
    templates: clauseTemplates,
  };
}
