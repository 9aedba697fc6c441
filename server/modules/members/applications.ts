import type { z } from 'zod';
import { isUniqueViolation, nextSequence, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, fieldError, notFound } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { endOfShanghaiDay, shanghaiDate, shanghaiMinute, today } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import { paginate, TOTAL_CAP } from '../../platform/paging.ts';
import { maskIdNumber, maskPhone } from '../../platform/pii.ts';
import { idBirthDate } from '../../platform/identity.ts';
import { cadresOf, notify } from '../notifications/index.ts';
import { orgName, requireEnterprise, requireMemberOrg } from './directory.ts';
import { decidableApplication, ownApplications, ownMember, readableApplications } from './policy.ts';
import { applicationActions, checkApplicationDecision, checkIdentity, educations, ethnicities, formatMemberNo, genderOf, newFormGroups, overdueCutoff, politicalStatuses } from './rules.ts';
import { exportTexts as t } from './messages.ts';
import { standardColumns, standardFieldColumns, standardFieldsView } from './roll.ts';
import type { applicationExportQuery, applicationListQuery, joinApplicationBody } from './schema.ts';
import type { StandardFields } from './tables.ts';
import { phoneTailHash } from './phones.ts';

/** Join applications: a worker applies online, a cadre of the union approves (a member is made) or rejects. */

function requireValidIdentity(idNumber: string, day: string) {
  const rule = checkIdentity(idNumber, day);
  if (rule) throw fieldError('idNumber', rule);
}

/** The member record of an ID number, whatever its status: one person has one record. */
function memberByIdHash(tx: Tx, idHash: string) {
  return tx.selectFrom('members').select(['id', 'status', 'user_id']).where('id_number_hash', '=', idHash).executeTakeFirst();
}

const notRecorded: StandardFields = { ethnicity: null, education: null, political_status: null, migrant_worker: null, new_form_group: null };

export async function createApplication(deps: Deps, caller: Caller, input: z.infer<typeof joinApplicationBody>) {
  requireValidIdentity(input.idNumber, today(deps));
  const standard = { ...notRecorded, ...standardFieldColumns(input) };
  const idHash = deps.pii.hash(input.idNumber);
  const user = caller.user!;
  try {
    return await deps.db.transaction().execute(async (tx) => {
      await requireMemberOrg(tx, input.orgId, 'orgId');
      if (input.enterpriseId) await requireEnterprise(tx, input.enterpriseId);
      const existing = await memberByIdHash(tx, idHash);
      if (existing && existing.status !== 'left') throw conflict('already_member');
      if (await tx.selectFrom('members').select('id').where(ownMember(user.id)).where('status', '!=', 'left').executeTakeFirst()) {
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
          ...standard,
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
        after: {
          name: input.name,
          idNumber: input.idNumber,
          phone: input.phone,
          orgId: input.orgId,
          enterpriseId: input.enterpriseId ?? null,
          employerName: input.employerName,
          ...standardFieldsView(standard),
        },
      });
      return { id, status: 'pending' as const };
    });
  } catch (err) {
    // Two submissions of the same ID number at once: the unique open_key lets exactly one in.
    if (isUniqueViolation(err)) throw conflict('application_pending');
    throw err;
  }
}

function applicationsQuery(tx: Tx) {
  return tx
    .selectFrom('join_applications')
    .innerJoin('orgs', 'orgs.id', 'join_applications.org_id')
    .leftJoin('enterprises', 'enterprises.id', 'join_applications.enterprise_id');
}

const applicationColumns = [
  'join_applications.id', 'join_applications.name', 'join_applications.id_number_enc', 'join_applications.phone_enc', 'join_applications.org_id',
  'orgs.name as org_name', 'join_applications.enterprise_id', 'enterprises.name as enterprise_name', 'join_applications.employer_name',
  'join_applications.status', 'join_applications.reason', 'join_applications.member_id', 'join_applications.created_at', 'join_applications.decided_at',
  ...standardColumns.map((c) => `join_applications.${c}` as const),
] as const;

function applicationRowView(deps: Deps, cutoffEnd: string) {
  return (r: StandardFields & {
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
    ...standardFieldsView(r),
  });
}

/** An application as a cadre's list and detail show it: with the decisions open to them. */
function applicationItemView(deps: Deps, cutoffEnd: string) {
  const view = applicationRowView(deps, cutoffEnd);
  return (r: Parameters<typeof view>[0] & { decides: number }) => ({ ...view(r), actions: applicationActions(r.status, r.decides === 1) });
}

/** The instant before which a still-pending application counts as overdue. */
export const overdueBefore = (deps: Deps) => endOfShanghaiDay(overdueCutoff(today(deps)));

type ApplicationFilters = Omit<z.infer<typeof applicationListQuery>, 'page' | 'pageSize'>;

/** The applications in `scope` as the list filters them (the list and its export run this one). */
function filteredApplications(tx: Tx, scope: Scope, query: ApplicationFilters, cutoffEnd: string) {
  let q = applicationsQuery(tx).where(readableApplications(scope));
  if (query.orgId) q = q.where(inSubtree('join_applications.org_id', query.orgId));
  if (query.status) q = q.where('join_applications.status', '=', query.status);
  if (query.overdue !== undefined) {
    q = query.overdue
      ? q.where('join_applications.status', '=', 'pending').where('join_applications.created_at', '<', cutoffEnd)
      : q.where((eb) => eb.or([eb('join_applications.status', '!=', 'pending'), eb('join_applications.created_at', '>=', cutoffEnd)]));
  }
  return q;
}

export async function listApplications(deps: Deps, caller: Caller, query: z.infer<typeof applicationListQuery>) {
  const cutoffEnd = overdueBefore(deps);
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const q = filteredApplications(deps.db, caller.scope, query, cutoffEnd);
  const { rows, ...counted } = await paginate(q, query, (q) => q.select(applicationColumns).select(decidableApplication(caller.user)).orderBy('join_applications.id', 'desc'), {
    countUpTo: TOTAL_CAP,
  });
  return { items: rows.map(applicationItemView(deps, cutoffEnd)), ...counted };
}

/** The applications as the list filters them, in Excel: ID numbers and phones masked unless full data is allowed. */
export async function exportApplications(deps: Deps, caller: Caller, query: z.infer<typeof applicationExportQuery>) {
  const cutoffEnd = overdueBefore(deps);
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'join_applications',
    title: t.joinApplications,
    orgId: query.orgId,
    filters,
    full,
    fullPermission: 'member.pii',
    rows: (scope) => filteredApplications(deps.db, scope, filters, cutoffEnd).select(applicationColumns),
    keyset: 'join_applications.id',
    columns: [
      { header: t.name, value: (r) => r.name, width: 12 },
      { header: t.idNumber, value: (r) => deps.pii.decrypt(r.id_number_enc), pii: 'idNumber', width: 24 },
      { header: t.phone, value: (r) => deps.pii.decrypt(r.phone_enc), pii: 'phone', width: 16 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.employer, value: (r) => r.enterprise_name ?? r.employer_name, width: 28 },
      { header: t.status, value: (r, lang) => t[r.status][lang], width: 10 },
      { header: t.overdue, value: (r, lang) => (r.status === 'pending' && r.created_at < cutoffEnd ? t.yes[lang] : ''), width: 8 },
      { header: t.reason, value: (r) => r.reason, width: 28 },
      { header: t.createdAt, value: (r) => shanghaiMinute(r.created_at), width: 18 },
      { header: t.decidedAt, value: (r) => r.decided_at && shanghaiMinute(r.decided_at), width: 18 },
      { header: t.ethnicity, value: (r) => r.ethnicity && ethnicities[r.ethnicity], width: 10 },
      { header: t.education, value: (r) => r.education && educations[r.education], width: 12 },
      { header: t.politicalStatus, value: (r) => r.political_status && politicalStatuses[r.political_status], width: 14 },
      { header: t.migrantWorker, value: (r, lang) => (r.migrant_worker === null ? null : r.migrant_worker ? t.yes[lang] : t.no[lang]), width: 12 },
      { header: t.newFormGroup, value: (r) => r.new_form_group && newFormGroups[r.new_form_group], width: 14 },
    ],
  });
}

export async function myApplications(deps: Deps, caller: Caller) {
  const rows = await applicationsQuery(deps.db).select(applicationColumns).where(ownApplications(caller.user!.id)).orderBy('join_applications.id', 'desc').execute();
  return { items: rows.map(applicationRowView(deps, overdueBefore(deps))), total: rows.length };
}

export async function getApplication(deps: Deps, caller: Caller, id: number) {
  const row = await applicationsQuery(deps.db)
    .select(applicationColumns)
    .select(decidableApplication(caller.user))
    .where('join_applications.id', '=', id)
    .where(readableApplications(caller.scope))
    .executeTakeFirst();
  if (!row) throw notFound('join_application');
  return applicationItemView(deps, overdueBefore(deps))(row);
}

async function pendingApplication(tx: Tx, scope: Scope, id: number) {
  const app = await tx.selectFrom('join_applications').selectAll().where('join_applications.id', '=', id).where(readableApplications(scope)).executeTakeFirst();
  if (!app) throw notFound('join_application');
  const decided = checkApplicationDecision(app.status);
  if (decided) throw conflict(decided);
  return app;
}

export async function approveApplication(deps: Deps, caller: Caller, id: number) {
  const day = today(deps);
  return deps.db.transaction().execute(async (tx) => {
    const app = await pendingApplication(tx, caller.scope, id);
    const existing = await memberByIdHash(tx, app.id_number_hash);
    if (existing && existing.status !== 'left') throw conflict('already_member');
    // The applicant's account gets the membership, so the portal shows it: a record of theirs that
    // has ended lets go of the account, and someone coming back takes their record to this account.
    // Only an account that holds another membership still running (claimed meanwhile) is left as it is.
    const linked = await tx.selectFrom('members').select(['id', 'status']).where(ownMember(app.user_id)).executeTakeFirst();
    const linkAccount = !linked || linked.status === 'left' || linked.id === existing?.id;
    if (linked && linkAccount && linked.id !== existing?.id) {
      await tx.updateTable('members').set({ user_id: null, updated_at: caller.actor.now }).where('id', '=', linked.id).execute();
    }
    const now = caller.actor.now;
    const idNumber = deps.pii.decrypt(app.id_number_enc);
    const fields = {
      name: app.name,
      phone_enc: app.phone_enc,
      phone_hash: app.phone_hash,
      phone_tail_hash: phoneTailHash(deps.pii, deps.pii.decrypt(app.phone_enc)),
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
      // What the application records replaces the old record's; what it leaves out is kept.
      const recorded = Object.fromEntries(standardColumns.filter((c) => app[c] !== null).map((c) => [c, app[c]]));
      await tx.updateTable('members').set({ ...fields, ...recorded, user_id: linkAccount ? app.user_id : existing.user_id }).where('id', '=', existing.id).execute();
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
          ethnicity: app.ethnicity,
          education: app.education,
          political_status: app.political_status,
          migrant_worker: app.migrant_worker,
          new_form_group: app.new_form_group,
          birth_date: idBirthDate(idNumber)!,
          gender: genderOf(idNumber),
          member_no: memberNo,
          user_id: linkAccount ? app.user_id : null,
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
    await notify(tx, deps, [app.user_id], { kind: 'application_approved', params: { org: await orgName(tx, app.org_id), memberNo }, link: '/m/card', key: `join_application:${id}`, sms: true });
    return { memberId, memberNo };
  });
}

export async function rejectApplication(deps: Deps, caller: Caller, id: number, reason: string) {
  return deps.db.transaction().execute(async (tx) => {
    const app = await pendingApplication(tx, caller.scope, id);
    await tx
      .updateTable('join_applications')
      .set({ status: 'rejected', reason, decided_by: caller.user!.id, decided_at: caller.actor.now, open_key: null })
      .where('id', '=', id)
      .execute();
    await audit(tx, caller.actor, { action: 'join_application.reject', entity: 'join_application', entityId: id, orgId: app.org_id, before: { status: 'pending' }, after: { status: 'rejected', reason } });
    await notify(tx, deps, [app.user_id], { kind: 'application_rejected', params: { org: await orgName(tx, app.org_id), reason }, link: '/m/join', key: `join_application:${id}`, sms: true });
    return { id, status: 'rejected' as const, reason };
  });
}

/**
 * Escalation of overdue applications (15 working days without a decision, rules.ts): each one is
 * brought to the cadres of its union's parent — the federation that oversees the union — once
 * (keyed by the application). Run hourly by the job `members.overdue_escalation`; cheap, since it
 * reads only pending applications past the cut-off.
 */
export async function escalateOverdue(deps: Deps): Promise<number> {
  const overdue = await deps.db
    .selectFrom('join_applications as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.name', 'a.created_at', 'o.id as org_id', 'o.name as org_name', 'o.parent_id'])
    .where('a.status', '=', 'pending')
    .where('a.created_at', '<', overdueBefore(deps))
    .orderBy('a.id')
    .execute();
  let sent = 0;
  for (const a of overdue) {
    await deps.db.transaction().execute(async (tx) => {
      const cadres = await cadresOf(tx, a.parent_id ?? a.org_id);
      const ids = await notify(tx, deps, cadres, {
        kind: 'join_overdue',
        params: { org: a.org_name, name: a.name, submittedOn: shanghaiDate(new Date(a.created_at)) },
        link: '/members/applications?status=pending&overdue=true',
        key: `join_application:${a.id}:overdue`,
      });
      sent += ids.length;
    });
  }
  return sent;
}
