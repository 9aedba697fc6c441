import type { z } from 'zod';
import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, fieldError, notFound, refused } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit, type Actor } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { paginate } from '../../platform/paging.ts';
import { ownRecords, readableRecords } from './policy.ts';
import { ADVANCED_LEVEL, canChange, issuedInFuture, SKILL_LEVELS, type IssuerKind, type RecordSource, type SkillLevel } from './rules.ts';
import type { correctBody, createBody, listQuery } from './schema.ts';

/** Skill-level records: recording one (also for other modules), the list, a member's records, correcting, voiding, stats. */

export interface SkillLevelInput {
  memberId: number;
  occupation: string;
  level: SkillLevel | number;
  certificateNo: string;
  issuedOn: string;
  issuer: string;
  issuerKind?: IssuerKind;
  source: RecordSource;
}

/** The caller as recordSkillLevel takes it: a route's caller (scope checked) or a module's actor (which already checked its own). */
export type Recorder = Caller | Actor;
const isCaller = (who: Recorder): who is Caller => 'actor' in who;

/** The checks every record passes, whatever writes it: level 1–5, an issue date not ahead of today. */
function checkRecord(deps: Deps, input: Pick<SkillLevelInput, 'level' | 'issuedOn'>) {
  if (!SKILL_LEVELS.includes(input.level as SkillLevel)) throw fieldError('level', 'skill_row_level');
  if (issuedInFuture(input.issuedOn, today(deps))) throw fieldError('issuedOn', 'skill_issued_in_future');
}

/** The member a record may be written for: in scope for a caller; for a module's actor, any member. */
async function requireMember(tx: Tx, who: Recorder, memberId: number) {
  let q = tx.selectFrom('members').select(['members.id', 'members.org_id']).where('members.id', '=', memberId);
  if (isCaller(who)) q = q.where(readableRecords(who.scope));
  const member = await q.executeTakeFirst();
  if (!member) throw notFound('member');
  return member;
}

/** 409 when a valid record already carries the certificate number. */
async function requireFreeCertificate(tx: Tx, certificateNo: string) {
  const taken = await tx.selectFrom('skill_levels').select('id').where('certificate_no', '=', certificateNo).where('status', '=', 'valid').executeTakeFirst();
  if (taken) throw conflict('skill_certificate_taken');
}

/**
 * Inserts one skill-level record inside the caller's transaction, with every check: the member (in
 * the caller's scope when `who` is a route's caller), the level, the issue date, a certificate
 * number no valid record holds (409). Audited. The skill contests record their winners' levels
 * through this (`source: 'competition'`).
 */
export async function recordSkillLevel(tx: Tx, deps: Deps, who: Recorder, input: SkillLevelInput): Promise<{ id: number }> {
  checkRecord(deps, input);
  const member = await requireMember(tx, who, input.memberId);
  await requireFreeCertificate(tx, input.certificateNo);
  const actor = isCaller(who) ? who.actor : who;
  const row = {
    member_id: input.memberId,
    occupation: input.occupation,
    level: input.level as SkillLevel,
    certificate_no: input.certificateNo,
    issued_on: input.issuedOn,
    issuer: input.issuer,
    issuer_kind: input.issuerKind ?? 'agency',
    source: input.source,
    status: 'valid' as const,
    replaces_id: null,
    reason: null,
    closed_by: null,
    closed_at: null,
    created_by: actor.userId,
    created_at: actor.now,
  };
  const { id } = await tx.insertInto('skill_levels').values(row).returning('id').executeTakeFirstOrThrow();
  await audit(tx, actor, { action: 'skill_level.create', entity: 'skill_level', entityId: id, orgId: member.org_id, after: { ...input } });
  return { id };
}

/** POST /api/skill-levels: one record, by a cadre. A race on the certificate number ends in the same 409. */
export async function createRecord(deps: Deps, caller: Caller, input: z.infer<typeof createBody>) {
  try {
    return await deps.db.transaction().execute((tx) => recordSkillLevel(tx, deps, caller, { ...input, source: 'manual' }));
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('skill_certificate_taken');
    throw err;
  }
}

export function recordsQuery(tx: Tx) {
  return tx.selectFrom('skill_levels').innerJoin('members', 'members.id', 'skill_levels.member_id').innerJoin('orgs', 'orgs.id', 'members.org_id');
}

export const recordColumns = [
  'skill_levels.id', 'skill_levels.member_id', 'members.name as member_name', 'members.member_no', 'members.org_id', 'orgs.name as org_name',
  'skill_levels.occupation', 'skill_levels.level', 'skill_levels.certificate_no', 'skill_levels.issued_on', 'skill_levels.issuer',
  'skill_levels.issuer_kind', 'skill_levels.source', 'skill_levels.status', 'skill_levels.replaces_id', 'skill_levels.reason', 'skill_levels.created_at',
] as const;

export interface RecordRow {
  id: number; member_id: number; member_name: string; member_no: string; org_id: number; org_name: string; occupation: string; level: number;
  certificate_no: string; issued_on: string; issuer: string; issuer_kind: IssuerKind; source: RecordSource; status: 'valid' | 'voided' | 'corrected';
  replaces_id: number | null; reason: string | null; created_at: string;
}

export const recordView = (r: RecordRow) => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.member_name,
  memberNo: r.member_no,
  orgId: r.org_id,
  orgName: r.org_name,
  occupation: r.occupation,
  level: r.level,
  certificateNo: r.certificate_no,
  issuedOn: r.issued_on,
  issuer: r.issuer,
  issuerKind: r.issuer_kind,
  source: r.source,
  status: r.status,
  replacesId: r.replaces_id,
  reason: r.reason,
  createdAt: r.created_at,
});

type ListFilters = Omit<z.infer<typeof listQuery>, 'page' | 'pageSize'>;

/** The list's filter: scope, org, search (name part, member number, certificate number), occupation, level, valid only unless history. */
function listFilter(scope: Scope, query: ListFilters): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'skill_levels' | 'members'>();
  const conditions: Expression<SqlBool>[] = [readableRecords(scope)];
  if (query.orgId) conditions.push(inSubtree('members.org_id', query.orgId));
  if (!query.history) conditions.push(eb('skill_levels.status', '=', 'valid'));
  if (query.level) conditions.push(eb('skill_levels.level', '=', query.level as SkillLevel));
  if (query.occupation) conditions.push(eb('skill_levels.occupation', 'like', `%${query.occupation}%`));
  if (query.q) {
    conditions.push(eb.or([eb('members.name', 'like', `%${query.q}%`), eb('members.member_no', '=', query.q), eb('skill_levels.certificate_no', '=', query.q)]));
  }
  return eb.and(conditions);
}

/** The records in scope as the list filters them: what the list pages and the export walks. */
export const filteredRecords = (tx: Tx, scope: Scope, query: ListFilters) => recordsQuery(tx).where(listFilter(scope, query));

export async function listRecords(deps: Deps, caller: Caller, query: z.infer<typeof listQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filteredRecords(deps.db, caller.scope, query), query, (q) => q.select(recordColumns).orderBy('skill_levels.id', 'desc'));
  return { items: rows.map((r) => recordView(r as RecordRow)), total };
}

/** A member's records, history included, newest first: 404 when the member is out of scope. */
export async function memberRecords(deps: Deps, caller: Caller, memberId: number) {
  const member = await deps.db.selectFrom('members').select('members.id').where('members.id', '=', memberId).where(readableRecords(caller.scope)).executeTakeFirst();
  if (!member) throw notFound('member');
  const rows = await recordsQuery(deps.db).select(recordColumns).where('skill_levels.member_id', '=', memberId).orderBy('skill_levels.id', 'desc').execute();
  return { items: rows.map((r) => recordView(r as RecordRow)), total: rows.length };
}

/** One's own valid records (the portal's 我的技能等级), highest level first. */
export async function myRecords(deps: Deps, caller: Caller) {
  const rows = await recordsQuery(deps.db)
    .select(recordColumns)
    .where(ownRecords(caller.user!.id))
    .where('skill_levels.status', '=', 'valid')
    .orderBy('skill_levels.level')
    .orderBy('skill_levels.issued_on', 'desc')
    .execute();
  return rows.map((r) => {
    const v = recordView(r as RecordRow);
    return { id: v.id, occupation: v.occupation, level: v.level, certificateNo: v.certificateNo, issuedOn: v.issuedOn, issuer: v.issuer, issuerKind: v.issuerKind };
  });
}

async function requireRecord(tx: Tx, scope: Scope, id: number) {
  const row = await recordsQuery(tx).select(recordColumns).where('skill_levels.id', '=', id).where(readableRecords(scope)).executeTakeFirst();
  if (!row) throw notFound('skill_level');
  return row as RecordRow;
}

export async function getRecord(deps: Deps, caller: Caller, id: number) {
  return recordView(await requireRecord(deps.db, caller.scope, id));
}

/** Closes a valid record (voided or corrected) with a reason; a closed one is history and refused. */
async function closeRecord(tx: Tx, caller: Caller, id: number, status: 'voided' | 'corrected', reason: string) {
  const before = await requireRecord(tx, caller.scope, id);
  if (!canChange(before.status)) throw refused('skill_record_closed');
  await tx
    .updateTable('skill_levels')
    .set({ status, reason, closed_by: caller.actor.userId, closed_at: caller.actor.now })
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .execute();
  return before;
}

/** Voids a record with a reason: it stays, marked 已作废, out of the stats. Audited. */
export async function voidRecord(deps: Deps, caller: Caller, id: number, reason: string) {
  await deps.db.transaction().execute(async (tx) => {
    const before = await closeRecord(tx, caller, id, 'voided', reason);
    await audit(tx, caller.actor, { action: 'skill_level.void', entity: 'skill_level', entityId: id, orgId: before.org_id, before: recordView(before), after: { status: 'voided', reason } });
  });
  return getRecord(deps, caller, id);
}

/**
 * Corrects a record: the old one is kept as 已更正 with the reason, and a new valid record with the
 * corrected fields points back at it (the same certificate number may be given again). Audited.
 */
export async function correctRecord(deps: Deps, caller: Caller, id: number, input: z.infer<typeof correctBody>) {
  const { reason, ...fields } = input;
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const before = await closeRecord(tx, caller, id, 'corrected', reason);
      checkRecord(deps, fields);
      await requireFreeCertificate(tx, fields.certificateNo);
      const { id: newId } = await tx
        .insertInto('skill_levels')
        .values({
          member_id: before.member_id,
          occupation: fields.occupation,
          level: fields.level as SkillLevel,
          certificate_no: fields.certificateNo,
          issued_on: fields.issuedOn,
          issuer: fields.issuer,
          issuer_kind: fields.issuerKind,
          source: before.source,
          status: 'valid',
          replaces_id: id,
          reason: null,
          closed_by: null,
          closed_at: null,
          created_by: caller.actor.userId,
          created_at: caller.actor.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'skill_level.correct', entity: 'skill_level', entityId: id, orgId: before.org_id, before: recordView(before), after: { id: newId, reason, ...fields } });
      return { id: newId };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('skill_certificate_taken');
    throw err;
  }
}

/**
 * Skill levels over an org's subtree: valid records of the members of its unions, per level, and
 * how many are 高级工 or above (levels 1–3). Counts records (certificates), as the enterprise's
 * evaluation reports count passes: a member with two occupations counts twice. Read from
 * subtree_skill_counts (kept by triggers, migration 0038): the subtree's five rows, whatever its size.
 */
export async function skillStats(deps: Deps, caller: Caller, orgId: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  const rows = await deps.db.selectFrom('subtree_skill_counts').select(['level', 'n']).where('org_id', '=', orgId).execute();
  const byLevel = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<SkillLevel, number>;
  for (const r of rows) byLevel[r.level] = Number(r.n);
  const total = SKILL_LEVELS.reduce((sum, l) => sum + byLevel[l], 0);
  const advancedOrAbove = SKILL_LEVELS.filter((l) => l <= ADVANCED_LEVEL).reduce((sum, l) => sum + byLevel[l], 0);
  return { total, byLevel, advancedOrAbove };
}
