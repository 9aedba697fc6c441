import { shanghaiDate, endOfShanghaiDay } from '../../platform/dates.ts';
import crypto from 'node:crypto';
import type { z } from 'zod';
import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation, nextSequence, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, conflict, fieldError, notFound, refused } from '../../platform/errors.ts';
import { inScope, isScopeTop, requireOrgInScope, scopeFor, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { maskIdNumber, maskPhone } from '../../platform/pii.ts';
import { idBirthDate } from '../../platform/identity.ts';
import { checkPasswordPolicy, hashPassword } from '../../platform/passwords.ts';
import { createSession } from '../../platform/sessions.ts';
import { currentUserView } from '../accounts/service.ts';
import {
  canHoldMembers,
  checkIdentity,
  checkStatusChange,
  checkTransferStart,
  formatMemberNo,
  genderOf,
  overdueCutoff,
  SMS_CODE_TTL_MS,
  SMS_MAX_ATTEMPTS,
  SMS_RESEND_MS,
} from './rules.ts';
import type {
  applicationListQuery,
  claimBody,
  directoryQuery,
  joinApplicationBody,
  memberListQuery,
  signupBody,
  transferListQuery,
  updateMemberBody,
} from './schema.ts';


const today = (deps: Deps) => shanghaiDate(deps.clock());

// ---------- sign-up with an SMS code ----------

const codeHash = (deps: Deps, phone: string, code: string) => deps.pii.hash(`sms:${phone}:${code}`);

export async function sendSignupCode(deps: Deps, phone: string): Promise<void> {
  if (!deps.sms.usable()) throw new AppError(503, 'sms_unavailable');
  const phoneHash = deps.pii.hash(phone);
  const now = deps.clock();
  const recent = await deps.db
    .selectFrom('sms_codes')
    .select('id')
    .where('phone_hash', '=', phoneHash)
    .where('purpose', '=', 'signup')
    .where('created_at', '>', new Date(now.getTime() - SMS_RESEND_MS).toISOString())
    .executeTakeFirst();
  if (recent) throw new AppError(429, 'sms_too_frequent');
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  await deps.db
    .insertInto('sms_codes')
    .values({
      phone_hash: phoneHash,
      purpose: 'signup',
      code_hash: codeHash(deps, phone, code),
      attempts: 0,
      expires_at: new Date(now.getTime() + SMS_CODE_TTL_MS).toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  await deps.sms.send(phone, `【工会】您的注册验证码是 ${code}，10 分钟内有效。如非本人操作请忽略。`);
}

/** A worker's own account: phone + password, proven by an SMS code; logs them in. */
export async function signup(deps: Deps, caller: Caller, input: z.infer<typeof signupBody>) {
  const phoneHash = deps.pii.hash(input.phone);
  const now = caller.actor.now;
  const code = await deps.db
    .selectFrom('sms_codes')
    .selectAll()
    .where('phone_hash', '=', phoneHash)
    .where('purpose', '=', 'signup')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!code || code.attempts >= SMS_MAX_ATTEMPTS || code.code_hash !== codeHash(deps, input.phone, input.code)) {
    if (code) await deps.db.updateTable('sms_codes').set({ attempts: code.attempts + 1 }).where('id', '=', code.id).execute();
    throw fieldError('code', 'sms_code_invalid');
  }
  const username = `w${crypto.randomBytes(5).toString('hex')}`;
  checkPasswordPolicy(input.password, username);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('users').select('id').where('phone_hash', '=', phoneHash).executeTakeFirst()) throw conflict('phone_taken');
    const used = await tx.updateTable('sms_codes').set({ used_at: now }).where('id', '=', code.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw fieldError('code', 'sms_code_invalid');
    const displayName = input.displayName ?? `职工${input.phone.slice(-4)}`;
    const { id } = await tx
      .insertInto('users')
      .values({
        username,
        display_name: displayName,
        password_hash: passwordHash,
        phone_enc: deps.pii.encrypt(input.phone),
        phone_hash: phoneHash,
        home_org_id: null,
        disabled: 0,
        failed_logins: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { ...caller.actor, userId: id }, { action: 'user.signup', entity: 'user', entityId: id, orgId: null, after: { username, displayName, phone: input.phone } });
    const session = await createSession(tx, deps, id, caller.actor.ip);
    return { session, user: await currentUserView({ ...deps, db: tx as never }, { id, username, displayName, grants: [] }) };
  });
}

// ---------- join applications ----------

function identityErrors(idNumber: string, day: string) {
  const problem = checkIdentity(idNumber, day);
  if (problem === 'id_number_checksum') throw fieldError('idNumber', 'id_number_invalid');
  if (problem === 'id_number_too_young') throw fieldError('idNumber', 'id_number_too_young');
}

async function requireMemberOrg(tx: Tx, orgId: number, field: string) {
  const org = await tx.selectFrom('orgs').select(['id', 'kind', 'level', 'status', 'name']).where('id', '=', orgId).executeTakeFirst();
  if (!org || org.status !== 'active') throw fieldError(field, 'union_not_found');
  if (!canHoldMembers(org.kind, org.level)) {
    throw fieldError(field, 'org_cannot_hold_members');
  }
  return org;
}

async function requireEnterprise(tx: Tx, enterpriseId: number) {
  const e = await tx.selectFrom('enterprises').select(['id', 'name', 'status']).where('id', '=', enterpriseId).executeTakeFirst();
  if (!e || e.status !== 'active') throw fieldError('enterpriseId', 'enterprise_not_found');
  return e;
}

async function activeMemberByHash(tx: Tx, idHash: string) {
  return tx.selectFrom('members').select(['id', 'status', 'user_id']).where('id_number_hash', '=', idHash).executeTakeFirst();
}

export async function createApplication(deps: Deps, caller: Caller, input: z.infer<typeof joinApplicationBody>) {
  const day = today(deps);
  identityErrors(input.idNumber, day);
  const idHash = deps.pii.hash(input.idNumber);
  const user = caller.user!;
  try {
    return await deps.db.transaction().execute(async (tx) => {
      await requireMemberOrg(tx, input.orgId, 'orgId');
      if (input.enterpriseId) await requireEnterprise(tx, input.enterpriseId);
      const existing = await activeMemberByHash(tx, idHash);
      if (existing && existing.status !== 'left') throw conflict('already_member');
      if (await tx.selectFrom('members').select('id').where('user_id', '=', user.id).where('status', '!=', 'left').executeTakeFirst()) {
        throw conflict('account_has_member');
      }
      if (await tx.selectFrom('join_applications').select('id').where('open_key', '=', idHash).executeTakeFirst()) throw conflict('application_pending');
      const { id } = await tx
        .insertInto('join_applications')
        .values({
          user_id: user.id,
          name: input.name,
          id_number_enc: deps.pii.encrypt(input.idNumber),
          id_number_hash: idHash,
          phone_enc: deps.pii.encrypt(input.phone),
          phone_hash: deps.pii.hash(input.phone),
          org_id: input.orgId,
          enterprise_id: input.enterpriseId ?? null,
          employer_name: input.enterpriseId ? null : input.employerName,
          consent_at: caller.actor.now,
          status: 'pending',
          reason: null,
          decided_by: null,
          decided_at: null,
          member_id: null,
          open_key: idHash,
          created_at: caller.actor.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, {
        action: 'join_application.create',
        entity: 'join_application',
        entityId: id,
        orgId: input.orgId,
        after: { name: input.name, idNumber: input.idNumber, phone: input.phone, orgId: input.orgId, enterpriseId: input.enterpriseId ?? null, employerName: input.employerName },
      });
      return { id, status: 'pending' as const };
    });
  } catch (err) {
    // Two submissions of the same ID number at once: the unique open_key lets exactly one in.
    if (isUniqueViolation(err)) throw conflict('application_pending');
    throw err;
  }
}

function applications(tx: Tx) {
  return tx
    .selectFrom('join_applications as a')
    .innerJoin('orgs', 'orgs.id', 'a.org_id')
    .leftJoin('enterprises', 'enterprises.id', 'a.enterprise_id');
}

function applicationRowView(deps: Deps, cutoffEnd: string) {
  return (r: {
    id: number; name: string; id_number_enc: string; phone_enc: string; org_id: number; org_name: string; enterprise_id: number | null;
    enterprise_name: string | null; employer_name: string | null; status: 'pending' | 'approved' | 'rejected' | 'withdrawn'; reason: string | null;
    member_id: number | null; created_at: string; decided_at: string | null;
  }) => ({
    id: r.id,
    name: r.name,
    idNumber: maskIdNumber(deps.pii.decrypt(r.id_number_enc)),
    phone: maskPhone(deps.pii.decrypt(r.phone_enc)),
    orgId: r.org_id,
    orgName: r.org_name,
    enterpriseId: r.enterprise_id,
    employerName: r.enterprise_name ?? r.employer_name,
    status: r.status,
    reason: r.reason,
    memberId: r.member_id,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
    overdue: r.status === 'pending' && r.created_at < cutoffEnd,
  });
}

const applicationColumns = [
  'a.id', 'a.name', 'a.id_number_enc', 'a.phone_enc', 'a.org_id', 'orgs.name as org_name', 'a.enterprise_id', 'enterprises.name as enterprise_name',
  'a.employer_name', 'a.status', 'a.reason', 'a.member_id', 'a.created_at', 'a.decided_at',
] as const;

/** The instant before which a still-pending application counts as overdue. */
export const overdueBefore = (deps: Deps) => endOfShanghaiDay(overdueCutoff(today(deps)));

export async function listApplications(deps: Deps, caller: Caller, query: z.infer<typeof applicationListQuery>) {
  const cutoffEnd = overdueBefore(deps);
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  let q = applications(deps.db).where(inScope('a.org_id', caller.scope));
  if (query.orgId) q = q.where(inScope('a.org_id', { all: false, roots: [query.orgId!] }));
  if (query.status) q = q.where('a.status', '=', query.status);
  if (query.overdue !== undefined) {
    q = query.overdue
      ? q.where('a.status', '=', 'pending').where('a.created_at', '<', cutoffEnd)
      : q.where((eb) => eb.or([eb('a.status', '!=', 'pending'), eb('a.created_at', '>=', cutoffEnd)]));
  }
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q.select(applicationColumns).orderBy('a.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  return { items: rows.map(applicationRowView(deps, cutoffEnd)), total: Number(total) };
}

export async function myApplications(deps: Deps, caller: Caller) {
  const rows = await applications(deps.db).select(applicationColumns).where('a.user_id', '=', caller.user!.id).orderBy('a.id', 'desc').execute();
  return { items: rows.map(applicationRowView(deps, overdueBefore(deps))), total: rows.length };
}

export async function getApplication(deps: Deps, caller: Caller, id: number) {
  const row = await applications(deps.db).select(applicationColumns).where('a.id', '=', id).where(inScope('a.org_id', caller.scope)).executeTakeFirst();
  if (!row) throw notFound('join_application');
  return applicationRowView(deps, overdueBefore(deps))(row);
}

async function pendingApplicationInScope(tx: Tx, scope: Scope, id: number) {
  const app = await tx.selectFrom('join_applications').selectAll().where('id', '=', id).where(inScope('join_applications.org_id', scope)).executeTakeFirst();
  if (!app) throw notFound('join_application');
  if (app.status !== 'pending') throw conflict('application_decided');
  return app;
}

export async function approveApplication(deps: Deps, caller: Caller, id: number) {
  const day = today(deps);
  return deps.db.transaction().execute(async (tx) => {
    const app = await pendingApplicationInScope(tx, caller.scope, id);
    const existing = await activeMemberByHash(tx, app.id_number_hash);
    if (existing && existing.status !== 'left') throw conflict('already_member');
    const userFree = !(await tx.selectFrom('members').select('id').where('user_id', '=', app.user_id).executeTakeFirst());
    const now = caller.actor.now;
    const idNumber = deps.pii.decrypt(app.id_number_enc);
    const fields = {
      name: app.name,
      phone_enc: app.phone_enc,
      phone_hash: app.phone_hash,
      org_id: app.org_id,
      enterprise_id: app.enterprise_id,
      employer_name: app.employer_name,
      status: 'member' as const,
      retained_reason: null,
      joined_on: day,
      left_on: null,
      updated_at: now,
    };
    let memberId: number;
    let memberNo: string;
    if (existing) {
      // Someone who left comes back: same person, same record and member number.
      await tx.updateTable('members').set({ ...fields, user_id: existing.user_id ?? (userFree ? app.user_id : null) }).where('id', '=', existing.id).execute();
      const row = await tx.selectFrom('members').select(['id', 'member_no']).where('id', '=', existing.id).executeTakeFirstOrThrow();
      memberId = row.id;
      memberNo = row.member_no;
    } else {
      memberNo = formatMemberNo(day.slice(0, 4), await nextSequence(tx, 'member_no'));
      const row = await tx
        .insertInto('members')
        .values({
          ...fields,
          id_number_enc: app.id_number_enc,
          id_number_hash: app.id_number_hash,
          birth_date: idBirthDate(idNumber)!,
          gender: genderOf(idNumber),
          member_no: memberNo,
          user_id: userFree ? app.user_id : null,
          source: 'application',
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      memberId = row.id;
    }
    await tx
      .updateTable('join_applications')
      .set({ status: 'approved', decided_by: caller.user!.id, decided_at: now, member_id: memberId, open_key: null })
      .where('id', '=', id)
      .execute();
    await audit(tx, caller.actor, { action: 'join_application.approve', entity: 'join_application', entityId: id, orgId: app.org_id, before: { status: 'pending' }, after: { status: 'approved', memberId, memberNo } });
    return { memberId, memberNo };
  });
}

export async function rejectApplication(deps: Deps, caller: Caller, id: number, reason: string) {
  return deps.db.transaction().execute(async (tx) => {
    const app = await pendingApplicationInScope(tx, caller.scope, id);
    await tx
      .updateTable('join_applications')
      .set({ status: 'rejected', reason, decided_by: caller.user!.id, decided_at: caller.actor.now, open_key: null })
      .where('id', '=', id)
      .execute();
    await audit(tx, caller.actor, { action: 'join_application.reject', entity: 'join_application', entityId: id, orgId: app.org_id, before: { status: 'pending' }, after: { status: 'rejected', reason } });
    return { id, status: 'rejected' as const, reason };
  });
}

/** A worker whose record a cadre imported links their account to it by name and ID number. */
export async function claimMembership(deps: Deps, caller: Caller, input: z.infer<typeof claimBody>) {
  const user = caller.user!;
  return deps.db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('members').select('id').where('user_id', '=', user.id).executeTakeFirst()) throw conflict('account_has_member');
    const member = await tx.selectFrom('members').select(['id', 'name', 'user_id', 'member_no', 'org_id', 'status']).where('id_number_hash', '=', deps.pii.hash(input.idNumber)).executeTakeFirst();
    if (!member || member.name !== input.name || member.status === 'left') throw refused('claim_no_match');
    if (member.user_id !== null) throw conflict('claim_taken');
    await tx.updateTable('members').set({ user_id: user.id, updated_at: caller.actor.now }).where('id', '=', member.id).execute();
    await audit(tx, caller.actor, { action: 'member.claim', entity: 'member', entityId: member.id, orgId: member.org_id, after: { userId: user.id } });
    return { memberId: member.id, memberNo: member.member_no };
  });
}

// ---------- the roll ----------

function membersQuery(tx: Tx) {
  return tx.selectFrom('members').innerJoin('orgs', 'orgs.id', 'members.org_id').leftJoin('enterprises', 'enterprises.id', 'members.enterprise_id');
}

const memberColumns = [
  'members.id', 'members.name', 'members.id_number_enc', 'members.phone_enc', 'members.org_id', 'orgs.name as org_name', 'members.status',
  'members.member_no', 'members.joined_on', 'members.employer_name', 'enterprises.name as enterprise_name',
] as const;

function memberItemView(deps: Deps) {
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
  const conditions: Expression<SqlBool>[] = [inScope('members.org_id', scope)];
  if (query.orgId) conditions.push(inScope('members.org_id', { all: false, roots: [query.orgId!] }));
  if (query.status) conditions.push(eb('members.status', '=', query.status as 'member'));
  const term = query.q;
  if (term) {
    if (/^\d{17}[\dXx]$/.test(term)) conditions.push(eb('members.id_number_hash', '=', deps.pii.hash(term)));
    else if (/^1\d{10}$/.test(term)) conditions.push(eb('members.phone_hash', '=', deps.pii.hash(term)));
    else conditions.push(eb.or([eb('members.name', 'like', `%${term}%`), eb('members.member_no', '=', term)]));
  }
  return eb.and(conditions);
}

export function filteredMembers(deps: Deps, tx: Tx, scope: Scope, query: RollQuery) {
  return membersQuery(tx).where(rollFilter(deps, scope, query));
}

/**
 * One page of the roll, newest first. The total comes from rollTotal; the page's ids from the members
 * table alone, read from an index holding org_id and id (no join per counted row, no sort of whole
 * rows); only the page's rows are then joined and decrypted. On PostgreSQL the ids are gathered
 * first (MATERIALIZED) and then sorted: otherwise it walks the primary key backwards hoping to meet
 * the subtree's members soon, and a street whose members were imported early is reached only after
 * most of the roll (1M members: seconds per page). SQLite already plans it that way, and copying
 * the ids out first only slows it down. See bench/README.md.
 */
export async function listMembers(deps: Deps, caller: Caller, query: z.infer<typeof memberListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const filter = rollFilter(deps, caller.scope, query);
  const total = await rollTotal(deps, caller.scope, query, filter);
  const rows = await deps.db
    .with((cte) => (deps.engine === 'postgres' ? cte('roll').materialized() : cte('roll').notMaterialized()), (db) => db.selectFrom('members').select('members.id').where(filter))
    .selectFrom('members')
    .innerJoin('orgs', 'orgs.id', 'members.org_id')
    .leftJoin('enterprises', 'enterprises.id', 'members.enterprise_id')
    .select(memberColumns)
    .where('members.id', 'in', (eb) => eb.selectFrom('roll').select('roll.id').orderBy('roll.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize))
    .orderBy('members.id', 'desc')
    .execute();
  return { items: rows.map(memberItemView(deps)), total };
}

/**
 * The roll's size. Unfiltered (no search, no status) it is read from subtree_member_counts (kept by
 * triggers, migration 0006): the counts of the chosen org (already checked to lie in scope, so its
 * subtree is all in scope), or of the scope's tops, instead of counting a whole street's members on
 * every page.
 */
async function rollTotal(deps: Deps, scope: Scope, query: RollQuery, filter: Expression<SqlBool>): Promise<number> {
  if (query.q || query.status) {
    const [{ total }] = await deps.db.selectFrom('members').where(filter).select((eb) => eb.fn.countAll<number>().as('total')).execute();
    return Number(total);
  }
  const counts = deps.db.selectFrom('subtree_member_counts');
  const [{ total }] = await (query.orgId ? counts.where('org_id', '=', query.orgId) : counts.where('org_id', 'in', (eb) => eb.selectFrom('orgs').select('orgs.id').where(isScopeTop(scope))))
    .select((eb) => eb.fn.sum<number>('n').as('total'))
    .execute();
  return Number(total ?? 0);
}

async function transfersOf(tx: Tx, memberIds: number[]) {
  if (memberIds.length === 0) return [];
  const rows = await transfersQuery(tx).where('t.member_id', 'in', memberIds).orderBy('t.id', 'desc').execute();
  return rows.map(transferRowView);
}

async function memberInScope(tx: Tx, scope: Scope, id: number) {
  const row = await tx.selectFrom('members').selectAll().where('id', '=', id).where(inScope('members.org_id', scope)).executeTakeFirst();
  if (!row) throw notFound('member');
  return row;
}

export async function getMember(deps: Deps, caller: Caller, id: number) {
  await memberInScope(deps.db, caller.scope, id);
  const row = await membersQuery(deps.db)
    .select(memberColumns)
    .select(['members.gender', 'members.birth_date', 'members.enterprise_id', 'members.retained_reason', 'members.left_on', 'members.source', 'members.user_id'])
    .where('members.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    ...memberItemView(deps)(row),
    gender: row.gender,
    birthDate: row.birth_date,
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
    const row = await memberInScope(tx, caller.scope, id);
    await audit(tx, caller.actor, { action: 'member.pii_view', entity: 'member', entityId: id, orgId: row.org_id, after: { fields: ['idNumber', 'phone'] } });
    return { idNumber: deps.pii.decrypt(row.id_number_enc), phone: row.phone_enc ? deps.pii.decrypt(row.phone_enc) : null };
  });
}

export async function updateMember(deps: Deps, caller: Caller, id: number, input: z.infer<typeof updateMemberBody>) {
  await deps.db.transaction().execute(async (tx) => {
    const before = await memberInScope(tx, caller.scope, id);
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
      set.phone_enc = input.phone ? deps.pii.encrypt(input.phone) : null;
      set.phone_hash = input.phone ? deps.pii.hash(input.phone) : null;
    }
    if (input.enterpriseId !== undefined) {
      if (input.enterpriseId) await requireEnterprise(tx, input.enterpriseId);
      set.enterprise_id = input.enterpriseId;
      if (input.enterpriseId) set.employer_name = null;
    }
    if (input.employerName !== undefined) set.employer_name = input.employerName;
    await tx.updateTable('members').set(set).where('id', '=', id).execute();
    await audit(tx, caller.actor, {
      action: input.status ? `member.${input.status === 'member' ? 'restore' : input.status === 'retained' ? 'retain' : 'leave'}` : 'member.update',
      entity: 'member',
      entityId: id,
      orgId: before.org_id,
      before: { status: before.status, retainedReason: before.retained_reason, phone: before.phone_enc ? deps.pii.decrypt(before.phone_enc) : null, enterpriseId: before.enterprise_id },
      after: { ...input },
    });
  });
  return getMember(deps, caller, id);
}

export async function myMembership(deps: Deps, caller: Caller) {
  const row = await membersQuery(deps.db).select(memberColumns).where('members.user_id', '=', caller.user!.id).executeTakeFirst();
  if (!row) throw notFound('member');
  const item = memberItemView(deps)(row);
  return {
    memberId: item.id,
    memberNo: item.memberNo,
    name: item.name,
    idNumber: item.idNumber,
    orgId: item.orgId,
    orgName: item.orgName,
    status: item.status,
    joinedOn: item.joinedOn,
    employerName: item.employerName,
    cardCode: `GONGHUI:MEMBER:${item.memberNo}`,
    transfers: await transfersOf(deps.db, [item.id]),
  };
}

// ---------- transfers ----------

function transfersQuery(tx: Tx) {
  return tx
    .selectFrom('transfers as t')
    .innerJoin('members', 'members.id', 't.member_id')
    .innerJoin('orgs as f', 'f.id', 't.from_org_id')
    .innerJoin('orgs as o', 'o.id', 't.to_org_id')
    .select([
      't.id', 't.member_id', 'members.name as member_name', 'members.member_no', 't.from_org_id', 'f.name as from_name', 't.to_org_id', 'o.name as to_name',
      't.status', 't.reason', 't.started_at', 't.decided_at',
    ]);
}

type TransferRow = Awaited<ReturnType<ReturnType<typeof transfersQuery>['executeTakeFirstOrThrow']>>;
function transferRowView(r: TransferRow) {
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    memberNo: r.member_no,
    fromOrgId: r.from_org_id,
    fromOrgName: r.from_name,
    toOrgId: r.to_org_id,
    toOrgName: r.to_name,
    status: r.status,
    reason: r.reason,
    startedAt: r.started_at,
    decidedAt: r.decided_at,
  };
}

/** The member themself, or a cadre with member.write over the member's union. */
async function memberForActor(tx: Tx, caller: Caller, memberId: number) {
  const user = caller.user!;
  const scope = scopeFor(user.grants, 'member.write');
  const row = await tx
    .selectFrom('members')
    .selectAll()
    .where('id', '=', memberId)
    .where((eb) => eb.or([eb('members.user_id', '=', user.id), inScope('members.org_id', scope)]))
    .executeTakeFirst();
  if (!row) throw notFound('member');
  return row;
}

export async function startTransfer(deps: Deps, caller: Caller, memberId: number, toOrgId: number, reason: string | null) {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const member = await memberForActor(tx, caller, memberId);
      await requireMemberOrg(tx, toOrgId, 'toOrgId');
      const problem = checkTransferStart(member.status, member.org_id, toOrgId);
      if (problem) throw problem === 'transfer_pending' ? conflict(problem) : refused(problem);
      const { id } = await tx
        .insertInto('transfers')
        .values({
          member_id: memberId,
          from_org_id: member.org_id,
          to_org_id: toOrgId,
          prior_status: member.status as 'member' | 'retained',
          status: 'pending',
          reason,
          started_by: caller.user!.id,
          started_at: caller.actor.now,
          decided_by: null,
          decided_at: null,
          open_key: memberId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('members').set({ status: 'transferring', updated_at: caller.actor.now }).where('id', '=', memberId).execute();
      await audit(tx, caller.actor, { action: 'transfer.start', entity: 'transfer', entityId: id, orgId: member.org_id, after: { memberId, fromOrgId: member.org_id, toOrgId } });
      return { id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('transfer_pending');
    throw err;
  }
}

async function pendingTransfer(tx: Tx, id: number, where: 'to' | 'from', scope: Scope, userId?: number) {
  const t = await tx
    .selectFrom('transfers')
    .innerJoin('members', 'members.id', 'transfers.member_id')
    .selectAll('transfers')
    .select('members.user_id')
    .where('transfers.id', '=', id)
    .where((eb) => {
      const inOrg = inScope(where === 'to' ? 'transfers.to_org_id' : 'transfers.from_org_id', scope);
      return userId ? eb.or([inOrg, eb('members.user_id', '=', userId)]) : inOrg;
    })
    .executeTakeFirst();
  if (!t) throw notFound('transfer');
  if (t.status !== 'pending') throw conflict('transfer_decided');
  return t;
}

async function closeTransfer(deps: Deps, caller: Caller, id: number, outcome: 'accepted' | 'rejected' | 'cancelled', reason: string | null, scope: Scope, side: 'to' | 'from', userId?: number) {
  return deps.db.transaction().execute(async (tx) => {
    const t = await pendingTransfer(tx, id, side, scope, userId);
    const now = caller.actor.now;
    await tx
      .updateTable('transfers')
      .set({ status: outcome, reason: reason ?? t.reason, decided_by: caller.user!.id, decided_at: now, open_key: null })
      .where('id', '=', id)
      .execute();
    // The membership moves in the same statement that ends the transfer's hold: never two unions.
    await tx
      .updateTable('members')
      .set({ status: t.prior_status, org_id: outcome === 'accepted' ? t.to_org_id : t.from_org_id, updated_at: now })
      .where('id', '=', t.member_id)
      .execute();
    await audit(tx, caller.actor, {
      action: `transfer.${outcome === 'accepted' ? 'accept' : outcome === 'rejected' ? 'reject' : 'cancel'}`,
      entity: 'transfer',
      entityId: id,
      orgId: outcome === 'accepted' ? t.to_org_id : t.from_org_id,
      before: { status: 'pending', orgId: t.from_org_id },
      after: { status: outcome, orgId: outcome === 'accepted' ? t.to_org_id : t.from_org_id, reason },
    });
    return { id, status: outcome, memberId: t.member_id };
  });
}

export const acceptTransfer = (deps: Deps, caller: Caller, id: number) => closeTransfer(deps, caller, id, 'accepted', null, caller.scope, 'to');
export const rejectTransfer = (deps: Deps, caller: Caller, id: number, reason: string) => closeTransfer(deps, caller, id, 'rejected', reason, caller.scope, 'to');
export const cancelTransfer = (deps: Deps, caller: Caller, id: number) =>
  closeTransfer(deps, caller, id, 'cancelled', null, scopeFor(caller.user!.grants, 'member.write'), 'from', caller.user!.id);

export async function listTransfers(deps: Deps, caller: Caller, query: z.infer<typeof transferListQuery>) {
  let q = transfersQuery(deps.db).where(inScope(query.direction === 'incoming' ? 't.to_org_id' : 't.from_org_id', caller.scope));
  if (query.status) q = q.where('t.status', '=', query.status);
  const all = await q.orderBy('t.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  let countQ = deps.db.selectFrom('transfers as t').where(inScope(query.direction === 'incoming' ? 't.to_org_id' : 't.from_org_id', caller.scope));
  if (query.status) countQ = countQ.where('t.status', '=', query.status);
  const [{ total }] = await countQ.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  return { items: all.map(transferRowView), total: Number(total) };
}

/** The public union directory: where a worker can join or transfer to. Public fields only. */
export async function directory(deps: Deps, query: z.infer<typeof directoryQuery>) {
  let q = deps.db
    .selectFrom('orgs')
    .leftJoin('orgs as p', 'p.id', 'orgs.parent_id')
    .where('orgs.status', '=', 'active')
    .where((eb) => eb.or([eb('orgs.kind', '!=', 'federation'), eb('orgs.level', '=', 'street')]));
  if (query.q) q = q.where((eb) => eb.or([eb('orgs.name', 'like', `%${query.q}%`), eb('orgs.region', 'like', `%${query.q}%`), eb('p.name', 'like', `%${query.q}%`)]));
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .select(['orgs.id', 'orgs.name', 'orgs.kind', 'orgs.level', 'orgs.basis', 'orgs.region', 'p.name as parent_name'])
    .orderBy('orgs.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, level: r.level, basis: r.basis, region: r.region, parentName: r.parent_name })),
    total: Number(total),
  };
}
