import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { sql } from 'kysely';
import { nextSequence, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { fieldError, notFound, refuse, refused } from '../../platform/errors.ts';
import { inChainOf, requireOrgInScope, writeScope, holds, inScope, type Scope } from '../../platform/access.ts';
import { audit, type Actor } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { receiveFile, type FileKind } from '../../platform/uploads.ts';
import { keepUpload, spoolDir } from '../../platform/files.ts';
import { shanghaiMinute } from '../../platform/dates.ts';
import { cadresOf, notify } from '../notifications/index.ts';
import { membershipOf } from '../members/index.ts';
import { exportTexts as t } from './messages.ts';
import { handledBy, ownCases, readableCases } from './policy.ts';
import { acceptDeadline, caseStatuses, checkMove, isOverdue, rightsCategories, checkRating, currentDeadline, formatCaseNo, isInternal, movesFrom, progressDeadline, routeCase, slaOf, type CaseMove, type CaseStatus } from './rules.ts';
import { rightsSettingsFor } from './settings.ts';
import type { caseExportQuery, caseListQuery, closeBody, createCaseBody, intakeBody, ratingBody, stepBody } from './schema.ts';

/**
 * Rights cases: intake (the worker's phone, a cadre's walk-in or 12351 call), routing to a union,
 * acceptance within the configured working days, steps, closing with an outcome, the worker's
 * rating, and the hourly escalation of overdue cases. The narrative, amounts, notes and
 * attachments are encrypted (`deps.pii`) and every read of them is audited.
 */

export const ATTACHMENT_MAX_BYTES = 10 * 2 ** 20;
export const ATTACHMENT_KINDS: readonly FileKind[] = ['pdf', 'jpg', 'png', 'docx'];
/** An attachment's file store key (platform/files.ts; its row's storage_key is `<case>/<uuid>`). */
const attachmentKey = (storageKey: string) => `rights/${storageKey}`;

const statusLabel = (s: CaseStatus) => ({ zh: t[s].zh, en: t[s].en });
const decryptNumber = (deps: Deps, v: string | null) => (v === null ? null : Number(deps.pii.decrypt(v)));
const encryptNumber = (deps: Deps, v: number | null | undefined) => (v === null || v === undefined ? null : deps.pii.encrypt(String(v)));

// ---- intake ----

type CaseInput = z.infer<typeof createCaseBody>;

async function enterpriseOrg(tx: Tx, enterpriseId: number | null | undefined) {
  if (!enterpriseId) return null;
  const e = await tx.selectFrom('enterprises').select(['org_id', 'name']).where('id', '=', enterpriseId).where('status', '=', 'active').executeTakeFirst();
  if (!e) throw fieldError('enterpriseId', 'rights_unknown_choice');
  return e;
}

async function insertCase(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  values: { orgId: number; channel: 'portal' | 'walk_in' | 'hotline'; userId: number | null; memberId: number | null; applicantName: string; phone: string | null; employerName: string | null; input: CaseInput },
) {
  const { settings } = await rightsSettingsFor(tx, values.orgId);
  const seq = await nextSequence(tx, 'rights_case_no');
  const caseNo = formatCaseNo(actor.now.slice(0, 4), seq);
  const { input } = values;
  const { id } = await tx
    .insertInto('rights_cases')
    .values({
      case_no: caseNo,
      org_id: values.orgId,
      channel: values.channel,
      category: input.category,
      user_id: values.userId,
      member_id: values.memberId,
      applicant_name: values.applicantName,
      phone_enc: values.phone ? deps.pii.encrypt(values.phone) : null,
      enterprise_id: input.enterpriseId ?? null,
      employer_name: values.employerName,
      narrative_enc: deps.pii.encrypt(input.narrative),
      amount_enc: encryptNumber(deps, input.amountFen),
      status: 'submitted',
      decline_reason: null,
      assignee_id: null,
      accept_due: acceptDeadline(actor.now, settings.acceptWorkingDays),
      progress_due: null,
      escalated_due: null,
      escalated_org_id: null,
      outcome: null,
      recovered_enc: null,
      rating: null,
      rating_comment: null,
      consent_at: actor.now,
      created_by: actor.userId,
      created_at: actor.now,
      updated_at: actor.now,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // the narrative and amount stay out of the audit log: they are in the case, encrypted
  await audit(tx, actor, { action: 'rights_case.create', entity: 'rights_case', entityId: id, orgId: values.orgId, after: { caseNo, channel: values.channel, category: input.category, orgId: values.orgId } });
  const cadres = await cadresOf(tx, values.orgId);
  await notify(tx, deps, cadres, { kind: 'rights_case_update', params: { caseNo, status: statusLabel('submitted') }, link: `/rights/cases?q=${caseNo}`, key: `rights_case:${id}:submitted` });
  return { id, caseNo, status: 'submitted' as const };
}

/** A worker asks for help from the phone: routed to their member record's union, else the employer's, else the street they chose. */
export async function fileCase(deps: Deps, caller: Caller, input: CaseInput) {
  const user = caller.user!;
  return deps.db.transaction().execute(async (tx) => {
    const membership = await membershipOf(tx, user.id);
    const enterprise = await enterpriseOrg(tx, input.enterpriseId);
    if (!enterprise && !input.employerName) throw fieldError('employerName', 'rights_employer_required');
    let chosen: number | null = null;
    if (input.orgId) {
      const org = await tx.selectFrom('orgs').select('id').where('id', '=', input.orgId).where('status', '=', 'active').executeTakeFirst();
      if (!org) throw fieldError('orgId', 'rights_unknown_choice');
      chosen = org.id;
    }
    const orgId = routeCase({ memberOrgId: membership?.org_id ?? null, enterpriseOrgId: enterprise?.org_id ?? null, chosenOrgId: chosen });
    if (orgId === null) throw refused('rights_case_no_union');
    const member = membership ? await tx.selectFrom('members').select('name').where('id', '=', membership.id).executeTakeFirst() : undefined;
    return insertCase(tx, deps, caller.actor, {
      orgId,
      channel: 'portal',
      userId: user.id,
      memberId: membership?.id ?? null,
      applicantName: member?.name ?? user.displayName,
      phone: null,
      employerName: enterprise?.name ?? input.employerName ?? null,
      input,
    });
  });
}

/** A cadre records a walk-in or a 12351 call; the case goes to a union of their scope. */
export async function intakeCase(deps: Deps, caller: Caller, input: z.infer<typeof intakeBody>) {
  return deps.db.transaction().execute(async (tx) => {
    let memberOrg: number | null = null;
    if (input.memberId) {
      const m = await tx.selectFrom('members').select('org_id').where('id', '=', input.memberId).where(inScope('members.org_id', caller.scope)).executeTakeFirst();
      if (!m) throw notFound('member');
      memberOrg = m.org_id;
    }
    const enterprise = await enterpriseOrg(tx, input.enterpriseId);
    if (!enterprise && !input.employerName) throw fieldError('employerName', 'rights_employer_required');
    const orgId = routeCase({ memberOrgId: memberOrg, enterpriseOrgId: enterprise?.org_id ?? null, chosenOrgId: input.orgId ?? null });
    if (orgId === null) throw refused('rights_case_no_union');
    await requireOrgInScope(tx, caller.scope, orgId);
    return insertCase(tx, deps, caller.actor, {
      orgId,
      channel: input.channel,
      userId: null,
      memberId: input.memberId ?? null,
      applicantName: input.applicantName,
      phone: input.phone ?? null,
      employerName: enterprise?.name ?? input.employerName ?? null,
      input,
    });
  });
}

// ---- lists ----

function cases(tx: Tx) {
  return tx
    .selectFrom('rights_cases')
    .innerJoin('orgs', 'orgs.id', 'rights_cases.org_id')
    .leftJoin('users as assignee', 'assignee.id', 'rights_cases.assignee_id')
    .select([
      'rights_cases.id',
      'rights_cases.case_no',
      'rights_cases.org_id',
      'orgs.name as org_name',
      'rights_cases.channel',
      'rights_cases.category',
      'rights_cases.applicant_name',
      'rights_cases.employer_name',
      'rights_cases.status',
      'rights_cases.assignee_id',
      'assignee.display_name as assignee_name',
      'rights_cases.accept_due',
      'rights_cases.progress_due',
      'rights_cases.escalated_due',
      'rights_cases.rating',
      'rights_cases.created_at',
      'rights_cases.updated_at',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof cases>['executeTakeFirstOrThrow']>>;

function listItem(r: Row, now: string) {
  return {
    id: r.id,
    caseNo: r.case_no,
    orgId: r.org_id,
    orgName: r.org_name,
    channel: r.channel,
    category: r.category,
    applicantName: r.applicant_name,
    employer: r.employer_name,
    status: r.status,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    due: currentDeadline(r),
    sla: slaOf(r, now),
    escalated: r.escalated_due !== null,
    rating: r.rating,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The SQL of "its running deadline has passed". */
const overdueAt = (now: string) =>
  sql<boolean>`((rights_cases.status = 'submitted' and rights_cases.accept_due < ${now}) or (rights_cases.status in ('accepted', 'in_progress') and rights_cases.progress_due < ${now}))`;

type Filters = Omit<z.infer<typeof caseListQuery>, 'page' | 'pageSize'>;

function filtered(deps: Deps, scope: Scope, query: Filters) {
  let q = cases(deps.db).where(readableCases(scope));
  if (query.orgId) q = q.where(sql<boolean>`rights_cases.org_id in (select descendant_id from org_closure where ancestor_id = ${query.orgId})`);
  if (query.status) q = q.where('rights_cases.status', '=', query.status);
  if (query.category) q = q.where('rights_cases.category', '=', query.category);
  if (query.channel) q = q.where('rights_cases.channel', '=', query.channel);
  if (query.overdue) q = q.where(overdueAt(deps.clock().toISOString()));
  if (query.q) q = q.where('rights_cases.case_no', '=', query.q.toUpperCase());
  return q;
}

export async function listCases(deps: Deps, caller: Caller, query: z.infer<typeof caseListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filtered(deps, caller.scope, query), query, (q) => q.orderBy('rights_cases.id', 'desc'));
  const now = deps.clock().toISOString();
  return { items: rows.map((r) => listItem(r, now)), total };
}

export async function exportCases(deps: Deps, caller: Caller, query: z.infer<typeof caseExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  const now = deps.clock().toISOString();
  type View = ReturnType<typeof listItem>;
  return exportList<Row, View>(deps, caller, {
    list: 'rights_cases',
    title: t.cases,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps, scope, filters),
    keyset: 'rights_cases.id',
    prepare: async (rows) => rows.map((r) => listItem(r, now)),
    columns: [
      { header: t.caseNo, value: (r) => r.caseNo, width: 16 },
      { header: t.org, value: (r) => r.orgName, width: 28 },
      { header: t.applicant, value: (r) => r.applicantName, width: 10 },
      { header: t.channel, value: (r, lang) => t[r.channel][lang], width: 10 },
      { header: t.category, value: (r, lang) => t[r.category][lang], width: 12 },
      { header: t.employer, value: (r) => r.employer, width: 28 },
      { header: t.status, value: (r, lang) => t[r.status][lang], width: 10 },
      { header: t.sla, value: (r, lang) => t[r.sla][lang], width: 10 },
      { header: t.due, value: (r) => (r.due ? shanghaiMinute(r.due) : null), width: 18 },
      { header: t.rating, value: (r) => r.rating, width: 8 },
      { header: t.createdAt, value: (r) => shanghaiMinute(r.createdAt), width: 18 },
    ],
  });
}

/** The cases assigned to the caller (a lawyer or mediator), newest first. */
export async function assignedCases(deps: Deps, caller: Caller) {
  const rows = await cases(deps.db).where('rights_cases.assignee_id', '=', caller.user!.id).orderBy('rights_cases.id', 'desc').limit(200).execute();
  const now = deps.clock().toISOString();
  return { items: rows.map((r) => listItem(r, now)), total: rows.length };
}

// ---- the worker's own ----

export async function myCases(deps: Deps, caller: Caller) {
  const rows = await deps.db
    .selectFrom('rights_cases')
    .select(['id', 'case_no', 'category', 'status', 'updated_at'])
    .where(ownCases(caller.user!.id))
    .orderBy('id', 'desc')
    .execute();
  return { items: rows.map((r) => ({ id: r.id, caseNo: r.case_no, category: r.category, status: r.status, updatedAt: r.updated_at })) };
}

export async function myCase(deps: Deps, caller: Caller, id: number) {
  const c = await deps.db
    .selectFrom('rights_cases')
    .innerJoin('orgs', 'orgs.id', 'rights_cases.org_id')
    .selectAll('rights_cases')
    .select('orgs.name as org_name')
    .where('rights_cases.id', '=', id)
    .where(ownCases(caller.user!.id))
    .executeTakeFirst();
  if (!c) throw notFound('rights_case');
  const steps = await deps.db.selectFrom('rights_case_steps').select(['id', 'kind', 'note_enc', 'created_at']).where('case_id', '=', id).where('kind', '!=', 'internal_note').orderBy('id').execute();
  return {
    id: c.id,
    caseNo: c.case_no,
    category: c.category,
    status: c.status,
    updatedAt: c.updated_at,
    orgName: c.org_name,
    createdAt: c.created_at,
    declineReason: c.decline_reason,
    outcome: c.outcome,
    recoveredFen: decryptNumber(deps, c.recovered_enc),
    rating: c.rating,
    ratingComment: c.rating_comment,
    steps: steps.map((s) => ({ id: s.id, kind: s.kind, note: deps.pii.decrypt(s.note_enc), createdAt: s.created_at })),
    canRate: c.status === 'closed' && c.rating === null,
  };
}

export async function rateCase(deps: Deps, caller: Caller, id: number, input: z.infer<typeof ratingBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const c = await tx.selectFrom('rights_cases').select(['id', 'org_id', 'status', 'rating']).where('id', '=', id).where(ownCases(caller.user!.id)).executeTakeFirst();
    if (!c) throw notFound('rights_case');
    refuse(checkRating(c.status, c.rating !== null));
    // one rating: the update only lands while none is recorded, whatever races it
    const done = await tx.updateTable('rights_cases').set({ rating: input.score, rating_comment: input.comment, updated_at: caller.actor.now }).where('id', '=', id).where('rating', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw refused('rights_case_rated');
    await audit(tx, caller.actor, { action: 'rights_case.rate', entity: 'rights_case', entityId: id, orgId: c.org_id, after: { score: input.score } });
    return { id, score: input.score };
  });
}

// ---- handling ----

async function handledCase(tx: Tx, caller: Caller, id: number) {
  const c = await tx.selectFrom('rights_cases').selectAll().where('id', '=', id).where(handledBy(caller.user)).executeTakeFirst();
  if (!c) throw notFound('rights_case');
  return c;
}

/** The full case, to a cadre handling its union or its lawyer: narrative and amounts decrypted, the read audited. */
export async function getCase(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const c = await handledCase(tx, caller, id);
    const row = await cases(tx).where('rights_cases.id', '=', id).executeTakeFirstOrThrow();
    const steps = await tx
      .selectFrom('rights_case_steps as s')
      .leftJoin('users as u', 'u.id', 's.created_by')
      .select(['s.id', 's.kind', 's.note_enc', 's.created_at', 'u.display_name'])
      .where('s.case_id', '=', id)
      .orderBy('s.id')
      .execute();
    const files = await tx.selectFrom('rights_case_attachments').select(['id', 'name_enc', 'content_type', 'size', 'created_at']).where('case_id', '=', id).orderBy('id').execute();
    await audit(tx, caller.actor, { action: 'rights_case.read', entity: 'rights_case', entityId: id, orgId: c.org_id });
    const cadre = (await tx.selectFrom('rights_cases').select(holds(inScope('rights_cases.org_id', writeScope(caller.user, 'rights.write'))).as('w')).where('id', '=', id).executeTakeFirstOrThrow()).w === 1;
    // a lawyer records steps and closes; accepting, declining and assigning are the union's
    const actions = movesFrom(c.status).filter((m) => cadre || m === 'step' || m === 'close');
    return {
      ...listItem(row, caller.actor.now),
      narrative: deps.pii.decrypt(c.narrative_enc),
      amountFen: decryptNumber(deps, c.amount_enc),
      phone: c.phone_enc ? deps.pii.decrypt(c.phone_enc) : null,
      memberId: c.member_id,
      declineReason: c.decline_reason,
      outcome: c.outcome,
      recoveredFen: decryptNumber(deps, c.recovered_enc),
      ratingComment: c.rating_comment,
      steps: steps.map((s) => ({ id: s.id, kind: s.kind, note: deps.pii.decrypt(s.note_enc), createdAt: s.created_at, internal: isInternal(s.kind), byName: s.display_name })),
      attachments: files.map((f) => ({ id: f.id, fileName: deps.pii.decrypt(f.name_enc), contentType: f.content_type, size: f.size, createdAt: f.created_at })),
      actions,
    };
  });
}

/** One move on a case: checked against its status, the change and its audit entry in one transaction, the worker told. */
async function move(deps: Deps, caller: Caller, id: number, which: CaseMove, change: (tx: Tx, c: Awaited<ReturnType<typeof handledCase>>) => Promise<{ status: CaseStatus; set: Record<string, unknown>; after: Record<string, unknown> }>, byCadreOnly = false) {
  return deps.db.transaction().execute(async (tx) => {
    const c = byCadreOnly
      ? await tx.selectFrom('rights_cases').selectAll().where('id', '=', id).where(readableCases(caller.scope)).executeTakeFirst()
      : await handledCase(tx, caller, id);
    if (!c) throw notFound('rights_case');
    refuse(checkMove(c.status, which));
    const { status, set, after } = await change(tx, c);
    // guarded by the status read above: of two racing moves one lands, the other is refused
    const done = await tx
      .updateTable('rights_cases')
      .set({ ...set, status, updated_at: caller.actor.now })
      .where('id', '=', id)
      .where('status', '=', c.status)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw refused('rights_case_wrong_status', { status: c.status });
    await audit(tx, caller.actor, { action: `rights_case.${which}` as 'rights_case.accept', entity: 'rights_case', entityId: id, orgId: c.org_id, before: { status: c.status }, after: { status, ...after } });
    if (c.user_id !== null && status !== c.status) {
      await notify(tx, deps, [c.user_id], { kind: 'rights_case_update', params: { caseNo: c.case_no, status: statusLabel(status) }, link: `/m/rights/${id}`, key: `rights_case:${id}:${status}`, sms: status === 'closed' || status === 'declined' });
    }
    return { id, status };
  });
}

export async function acceptCase(deps: Deps, caller: Caller, id: number) {
  return move(deps, caller, id, 'accept', async (tx, c) => {
    const { settings } = await rightsSettingsFor(tx, c.org_id);
    return { status: 'accepted', set: { progress_due: progressDeadline(caller.actor.now, settings.progressDays) }, after: {} };
  }, true);
}

export async function declineCase(deps: Deps, caller: Caller, id: number, reason: string) {
  return move(deps, caller, id, 'decline', async () => ({ status: 'declined', set: { decline_reason: reason }, after: { reason } }), true);
}

/** A step reports progress: the case is in progress and its progress deadline starts again. */
export async function addStep(deps: Deps, caller: Caller, id: number, input: z.infer<typeof stepBody>) {
  let stepId = 0;
  await move(deps, caller, id, 'step', async (tx, c) => {
    const { settings } = await rightsSettingsFor(tx, c.org_id);
    const row = await tx
      .insertInto('rights_case_steps')
      .values({ case_id: id, kind: input.kind, note_enc: deps.pii.encrypt(input.note), created_by: caller.actor.userId, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    stepId = row.id;
    // an internal note is no progress the worker sees: the deadline keeps running
    const set = isInternal(input.kind) ? {} : { progress_due: progressDeadline(caller.actor.now, settings.progressDays) };
    return { status: 'in_progress', set, after: { step: row.id, kind: input.kind } };
  });
  return { id: stepId };
}

export async function closeCase(deps: Deps, caller: Caller, id: number, input: z.infer<typeof closeBody>) {
  if (input.outcome === 'resolved' && (input.recoveredFen === null || input.recoveredFen === undefined)) throw fieldError('recoveredFen', 'recovered_required');
  return move(deps, caller, id, 'close', async () => ({
    status: 'closed',
    set: { outcome: input.outcome, recovered_enc: encryptNumber(deps, input.outcome === 'resolved' ? input.recoveredFen : null), closed_at: caller.actor.now, progress_due: null },
    after: { outcome: input.outcome },
  }));
}

/** Assign a lawyer or mediator: a user holding the legal_aid role on the case's union or above it. */
export async function assignCase(deps: Deps, caller: Caller, id: number, userId: number) {
  return move(deps, caller, id, 'assign', async (tx, c) => {
    const grant = await tx.selectFrom('role_grants').select('id').where('user_id', '=', userId).where('role', '=', 'legal_aid').where(inChainOf('role_grants.org_id', c.org_id)).executeTakeFirst();
    if (!grant) throw refused('rights_assignee_not_legal_aid');
    await notify(tx, deps, [userId], { kind: 'rights_case_assigned', params: { caseNo: c.case_no }, link: `/rights/cases/${id}`, key: `rights_case:${id}:assigned:${userId}` });
    return { status: c.status, set: { assignee_id: userId }, after: { assigneeId: userId } };
  }, true);
}

// ---- attachments ----

/** Who may add to and read a case's files: the worker who filed it, and whoever handles it. */
async function attachableCase(deps: Deps, caller: Caller, caseId: number) {
  const c = await deps.db
    .selectFrom('rights_cases')
    .select(['id', 'org_id'])
    .where('id', '=', caseId)
    .where((eb) => eb.or([ownCases(caller.user!.id), handledBy(caller.user)]))
    .executeTakeFirst();
  if (!c) throw notFound('rights_case');
  return c;
}

/** An attachment, kept encrypted: the spooled file is replaced by its ciphertext before it is stored. */
export async function uploadAttachment(deps: Deps, caller: Caller, caseId: number, parts: AsyncIterableIterator<any>) {
  const c = await attachableCase(deps, caller, caseId);
  const { stored } = await receiveFile(parts, spoolDir(deps.config.dataDir), { maxBytes: ATTACHMENT_MAX_BYTES, allowed: ATTACHMENT_KINDS });
  const file = stored!;
  const storageKey = `${caseId}/${path.basename(file.file)}`;
  try {
    fs.writeFileSync(file.file, deps.pii.encrypt(fs.readFileSync(file.file).toString('base64')));
  } catch (err) {
    fs.rmSync(file.file, { force: true });
    throw err;
  }
  return keepUpload(deps, file.file, attachmentKey(storageKey), async (tx) => {
    const row = await tx
      .insertInto('rights_case_attachments')
      .values({ case_id: caseId, name_enc: deps.pii.encrypt(file.name), content_type: file.type, size: file.size, storage_key: storageKey, created_by: caller.actor.userId, created_at: caller.actor.now })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'rights_case_attachment.upload', entity: 'rights_case_attachment', entityId: row.id, orgId: c.org_id, after: { caseId, size: file.size, contentType: file.type } });
    return { id: row.id, fileName: file.name, contentType: file.type, size: file.size, createdAt: row.created_at };
  });
}

export async function attachmentFile(deps: Deps, caller: Caller, attachmentId: number) {
  const a = await deps.db.selectFrom('rights_case_attachments').selectAll().where('id', '=', attachmentId).executeTakeFirst();
  if (!a) throw notFound('rights_case_attachment');
  const c = await attachableCase(deps, caller, a.case_id).catch(() => {
    throw notFound('rights_case_attachment');
  });
  const sealed = await deps.files.read(attachmentKey(a.storage_key));
  if (!sealed) throw notFound('rights_case_attachment');
  const body = Buffer.from(deps.pii.decrypt(sealed.toString('utf8')), 'base64');
  await deps.db.transaction().execute((tx) => audit(tx, caller.actor, { action: 'rights_case_attachment.read', entity: 'rights_case_attachment', entityId: a.id, orgId: c.org_id }));
  return { body, fileName: deps.pii.decrypt(a.name_enc), contentType: a.content_type };
}

// ---- deadlines ----

/**
 * Escalation of overdue cases (the hourly job `rights.overdue-escalation`): a case past its running
 * deadline is brought to the cadres of its union's parent federation, once per deadline (a step
 * that sets a new deadline may escalate again later). Idempotent: the case records the deadline it
 * escalated, and the notice is keyed by it.
 */
export async function escalateOverdue(deps: Deps): Promise<number> {
  const now = deps.clock().toISOString();
  const overdue = await deps.db
    .selectFrom('rights_cases')
    .innerJoin('orgs as o', 'o.id', 'rights_cases.org_id')
    .select(['rights_cases.id', 'rights_cases.case_no', 'rights_cases.status', 'rights_cases.accept_due', 'rights_cases.progress_due', 'rights_cases.escalated_due', 'o.id as org_id', 'o.name as org_name', 'o.parent_id'])
    .where(overdueAt(now))
    .orderBy('rights_cases.id')
    .execute();
  let escalated = 0;
  for (const c of overdue) {
    const due = currentDeadline(c)!;
    if (c.escalated_due === due) continue;
    await deps.db.transaction().execute(async (tx) => {
      const to = c.parent_id ?? c.org_id;
      const done = await tx
        .updateTable('rights_cases')
        .set({ escalated_due: due, escalated_org_id: to })
        .where('id', '=', c.id)
        .where((eb) => eb.or([eb('escalated_due', 'is', null), eb('escalated_due', '!=', due)]))
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return;
      await notify(tx, deps, await cadresOf(tx, to), {
        kind: 'rights_case_overdue',
        params: { org: c.org_name, caseNo: c.case_no, due: shanghaiMinute(due) },
        link: '/rights/cases?overdue=true',
        key: `rights_case:${c.id}:overdue:${due}`,
      });
      await audit(tx, { userId: null, ip: null, now }, { action: 'rights_case.escalate', entity: 'rights_case', entityId: c.id, orgId: c.org_id, after: { due, escalatedTo: to } });
      escalated++;
    });
  }
  return escalated;
}

/** Open cases in a scope, and of them the overdue (the workbench). */
export async function countOpen(deps: Deps, scope: Scope) {
  const now = deps.clock().toISOString();
  const row = await deps.db
    .selectFrom('rights_cases')
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when ${overdueAt(now)} then 1 else 0 end)`.as('late')])
    .where('status', 'in', ['submitted', 'accepted', 'in_progress'])
    .where(readableCases(scope))
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), overdue: Number(row.late ?? 0) };
}

export async function countAssigned(deps: Deps, userId: number) {
  const now = deps.clock().toISOString();
  const row = await deps.db
    .selectFrom('rights_cases')
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when ${overdueAt(now)} then 1 else 0 end)`.as('late')])
    .where('status', 'in', ['accepted', 'in_progress'])
    .where('assignee_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), overdue: Number(row.late ?? 0) };
}

// ---- statistics ----

/** Counts by category and status, the overdue, the amount recovered (decrypted, summed) and the mean rating over an org's subtree. */
export async function rightsStatsOf(deps: Deps, orgId: number) {
  const now = deps.clock().toISOString();
  const rows = await deps.db
    .selectFrom('rights_cases')
    .select(['category', 'status', 'rating', 'recovered_enc', 'accept_due', 'progress_due'])
    .where(sql<boolean>`rights_cases.org_id in (select descendant_id from org_closure where ancestor_id = ${orgId})`)
    .execute();
  const byCategory = Object.fromEntries(rightsCategories.map((c) => [c, 0])) as Record<(typeof rightsCategories)[number], number>;
  const byStatus = Object.fromEntries(caseStatuses.map((s) => [s, 0])) as Record<(typeof caseStatuses)[number], number>;
  let overdue = 0;
  let recoveredFen = 0;
  let ratingSum = 0;
  let ratings = 0;
  for (const r of rows) {
    byCategory[r.category]++;
    byStatus[r.status]++;
    if (isOverdue(r, now)) overdue++;
    if (r.recovered_enc) recoveredFen += Number(deps.pii.decrypt(r.recovered_enc));
    if (r.rating !== null) {
      ratingSum += r.rating;
      ratings++;
    }
  }
  return { orgId, total: rows.length, byCategory, byStatus, overdue, recoveredFen, meanRating: ratings ? Math.round((ratingSum / ratings) * 100) / 100 : null, ratings };
}

export async function rightsStats(deps: Deps, caller: Caller, orgId: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  return rightsStatsOf(deps, orgId);
}
