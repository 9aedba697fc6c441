import type { z } from 'zod';
import type { Expression, SqlBool } from 'kysely';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refused } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import type { Scope } from '../../platform/access.ts';
import { shanghaiMinute } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import { notify } from '../notifications/index.ts';
import { exportTexts as t } from './messages.ts';
import { orgName, requireMemberOrg } from './directory.ts';
import { actableMembers, cancellableTransfer, cancellableTransfers, decidableTransfer, readableTransfers } from './policy.ts';
import { checkTransferDecision, checkTransferStart, transferActions } from './rules.ts';
import type { transferExportQuery, transferListQuery } from './schema.ts';

/**
 * Transfers (会员关系接转): the member or a cadre of the current union starts one, the receiving
 * union accepts or declines, the sending side may withdraw it. While one is pending the member is
 * `transferring`; the membership moves in the statement that ends it.
 */

function transfersQuery(tx: Tx) {
  return tx
    .selectFrom('transfers')
    .innerJoin('members', 'members.id', 'transfers.member_id')
    .innerJoin('orgs as f', 'f.id', 'transfers.from_org_id')
    .innerJoin('orgs as o', 'o.id', 'transfers.to_org_id');
}

const transferColumns = [
  'transfers.id', 'transfers.member_id', 'members.name as member_name', 'members.member_no', 'transfers.from_org_id', 'f.name as from_name',
  'transfers.to_org_id', 'o.name as to_name', 'transfers.status', 'transfers.reason', 'transfers.started_at', 'transfers.decided_at',
] as const;

const selectTransfers = (q: ReturnType<typeof transfersQuery>) => q.select(transferColumns);
type TransferRow = Awaited<ReturnType<ReturnType<typeof selectTransfers>['executeTakeFirstOrThrow']>>;

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

/** The transfer history of members the caller already reached (their detail, one's own e-card). */
export async function transfersOf(tx: Tx, memberIds: number[]) {
  if (memberIds.length === 0) return [];
  const rows = await selectTransfers(transfersQuery(tx)).where('transfers.member_id', 'in', memberIds).orderBy('transfers.id', 'desc').execute();
  return rows.map(transferRowView);
}

type TransferFilters = Omit<z.infer<typeof transferListQuery>, 'page' | 'pageSize'>;

/** The transfers in `scope` as the list filters them (the list and its export run this one). */
function filteredTransfers(tx: Tx, scope: Scope, query: TransferFilters) {
  let q = transfersQuery(tx).where(readableTransfers(scope, query.direction));
  if (query.status) q = q.where('transfers.status', '=', query.status);
  return q;
}

export async function listTransfers(deps: Deps, caller: Caller, query: z.infer<typeof transferListQuery>) {
  const { rows, total } = await paginate(filteredTransfers(deps.db, caller.scope, query), query, (q) =>
    selectTransfers(q).select([decidableTransfer(caller.user), cancellableTransfer(caller.user!)]).orderBy('transfers.id', 'desc'),
  );
  return { items: rows.map((r) => ({ ...transferRowView(r), actions: transferActions(r.status, { decides: r.decides === 1, cancels: r.cancels === 1 }) })), total };
}

/** The transfers as the list filters them, in Excel. */
export async function exportTransfers(deps: Deps, caller: Caller, query: z.infer<typeof transferExportQuery>) {
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'transfers',
    title: t.transfers,
    filters,
    full,
    fullPermission: 'member.pii',
    rows: (scope) => selectTransfers(filteredTransfers(deps.db, scope, filters)),
    keyset: 'transfers.id',
    columns: [
      { header: t.memberNo, value: (r) => r.member_no, text: true, width: 16 },
      { header: t.name, value: (r) => r.member_name, width: 12 },
      { header: t.fromOrg, value: (r) => r.from_name, width: 28 },
      { header: t.toOrg, value: (r) => r.to_name, width: 28 },
      { header: t.status, value: (r, lang) => t[r.status][lang], width: 10 },
      { header: t.reason, value: (r) => r.reason, width: 28 },
      { header: t.startedAt, value: (r) => shanghaiMinute(r.started_at), width: 18 },
      { header: t.decidedAt, value: (r) => r.decided_at && shanghaiMinute(r.decided_at), width: 18 },
    ],
  });
}

export async function startTransfer(deps: Deps, caller: Caller, memberId: number, toOrgId: number, reason: string | null) {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const member = await tx.selectFrom('members').selectAll().where('members.id', '=', memberId).where(actableMembers(caller.user!)).executeTakeFirst();
      if (!member) throw notFound('member');
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

/** Ends a pending transfer the caller may decide (`allowed`, from policy.ts); 404 outside it. */
async function closeTransfer(deps: Deps, caller: Caller, id: number, outcome: 'accepted' | 'rejected' | 'cancelled', reason: string | null, allowed: Expression<SqlBool>) {
  return deps.db.transaction().execute(async (tx) => {
    const t = await tx
      .selectFrom('transfers')
      .innerJoin('members', 'members.id', 'transfers.member_id')
      .selectAll('transfers')
      .where('transfers.id', '=', id)
      .where(allowed)
      .executeTakeFirst();
    if (!t) throw notFound('transfer');
    const decided = checkTransferDecision(t.status);
    if (decided) throw conflict(decided);
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
    if (outcome === 'accepted') {
      // The member hears of it on their account, and so does the cadre who started the move.
      const member = await tx.selectFrom('members').select(['name', 'user_id']).where('id', '=', t.member_id).executeTakeFirstOrThrow();
      const notice = { kind: 'transfer_accepted', params: { name: member.name, from: await orgName(tx, t.from_org_id), to: await orgName(tx, t.to_org_id) }, key: `transfer:${id}` } as const;
      if (member.user_id !== null) await notify(tx, deps, [member.user_id], { ...notice, link: '/m/card' });
      if (t.started_by !== null) await notify(tx, deps, [t.started_by], { ...notice, link: '/members/transfers' });
    }
    return { id, status: outcome, memberId: t.member_id };
  });
}

export const acceptTransfer = (deps: Deps, caller: Caller, id: number) => closeTransfer(deps, caller, id, 'accepted', null, readableTransfers(caller.scope, 'incoming'));
export const rejectTransfer = (deps: Deps, caller: Caller, id: number, reason: string) =>
  closeTransfer(deps, caller, id, 'rejected', reason, readableTransfers(caller.scope, 'incoming'));
export const cancelTransfer = (deps: Deps, caller: Caller, id: number) => closeTransfer(deps, caller, id, 'cancelled', null, cancellableTransfers(caller.user!));
