import path from 'node:path';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { nextSequence } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refuse, refused } from '../../platform/errors.ts';
import { inScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { maskName } from '../../platform/pii.ts';
import { receiveFile, type FileKind } from '../../platform/uploads.ts';
import { keepUpload, spoolDir } from '../../platform/files.ts';
import { today } from '../../platform/dates.ts';
import { notify } from '../notifications/index.ts';
import { creditLovePoints, donationPoints } from '../volunteers/index.ts';
import { findHardshipFile } from '../hardship/index.ts';
import { exportTexts as t } from './messages.ts';
import { readableEntries } from './policy.ts';
import { goodsOf, publicView, reachable } from './fundraisers.ts';
import { checkDonation, checkSpend, formatReceiptNo, PROOF_MAX_BYTES, publicName, type EntryKind } from './rules.ts';
import type { disbursementBody, donationBody, entryExportQuery, entryListQuery } from './schema.ts';

/**
 * The fundraiser's ledger (募捐台账), append-only: donations in, disbursements out. Each entry and
 * the fundraiser's sums change in one transaction; a disbursement takes money and goods by a
 * conditional UPDATE (`raised - spent >= wanted`), atomic on both engines, so two requests racing
 * for the last of the balance never both get it.
 */

const PROOF_KINDS: readonly FileKind[] = ['pdf', 'jpg', 'png'];
/** A proof's file store key (platform/files.ts; its row's storage_key is `<entry>/<uuid>`). */
const proofKey = (storageKey: string) => `fundraising/${storageKey}`;

type GoodsLine = { name: string; quantity: number };

/** The goods lines matched to the fundraiser's goals; an unknown name is a 422 naming it. */
async function matchGoods(tx: Tx, fundraiserId: number, lines: GoodsLine[]) {
  const goals = (await goodsOf(tx, [fundraiserId])).get(fundraiserId)!;
  return lines.map((l) => {
    const goal = goals.find((g) => g.name === l.name);
    if (!goal) throw refused('fundraiser_goods_unknown', { name: l.name });
    return { ...l, goodsId: goal.id };
  });
}

async function memberInScope(tx: Tx, scope: Scope, memberId: number) {
  const m = await tx.selectFrom('members').select(['id', 'user_id', 'org_id']).where('id', '=', memberId).where(inScope('members.org_id', scope)).executeTakeFirst();
  if (!m) throw notFound('member');
  return m;
}

/**
 * Takes a spend by a conditional update (`take`, refused by its WHERE when the balance is short);
 * when it was refused, `refusal` tells why from the balance now. A donation committed between the
 * two can make the balance suffice after all: then the spend is tried again.
 */
async function spendOrRefuse(take: () => Promise<{ numUpdatedRows: bigint }>, refusal: () => Promise<ReturnType<typeof checkSpend>>): Promise<void> {
  for (;;) {
    if (Number((await take()).numUpdatedRows) === 1) return;
    const r = await refusal();
    if (r) throw conflict(r.code, r.params);
  }
}

/** A recipient's hardship file (困难职工帮扶) must exist and lie in the caller's scope; 422 otherwise, saying nothing of files elsewhere. */
async function checkHardshipFile(tx: Tx, scope: Scope, id: number): Promise<void> {
  const file = await findHardshipFile(tx, id);
  const visible = file && (await tx.selectFrom('orgs').select('id').where('id', '=', file.orgId).where(inScope('orgs.id', scope)).executeTakeFirst());
  if (!visible) throw refused('fundraiser_hardship_file_unknown');
}

export async function donate(deps: Deps, caller: Caller, fundraiserId: number, input: z.infer<typeof donationBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const f = await reachable(tx, caller.scope, fundraiserId);
    const amount = input.amountFen ?? 0;
    const lines = await matchGoods(tx, fundraiserId, input.goods);
    refuse(checkDonation(amount, lines.reduce((s, l) => s + l.quantity, 0)));
    const member = input.memberId ? await memberInScope(tx, caller.scope, input.memberId) : null;
    const receiptNo = formatReceiptNo(today(deps).slice(0, 4), await nextSequence(tx, 'donation_receipt'));
    const { id } = await tx
      .insertInto('fundraiser_entries')
      .values({
        fundraiser_id: fundraiserId,
        org_id: f.org_id,
        kind: 'donation',
        amount_fen: amount,
        party_name: input.donorName,
        party_kind: member ? 'member' : input.donorKind,
        member_id: member?.id ?? null,
        show_name: input.showName ? 1 : 0,
        hardship_file_id: null,
        receipt_no: receiptNo,
        note: input.note,
        created_by: caller.actor.userId,
        created_at: caller.actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (amount > 0) await tx.updateTable('fundraisers').set((eb) => ({ raised_fen: eb('raised_fen', '+', amount) })).where('id', '=', fundraiserId).execute();
    for (const l of lines) {
      await tx.insertInto('fundraiser_entry_goods').values({ entry_id: id, goods_id: l.goodsId, quantity: l.quantity }).execute();
      await tx.updateTable('fundraiser_goods').set((eb) => ({ raised: eb('raised', '+', l.quantity) })).where('id', '=', l.goodsId).execute();
    }
    // a member's donation earns love points (volunteers' rules: by money and units, capped), once per entry
    const points = member ? donationPoints({ amountFen: amount, goodsUnits: lines.reduce((s, l) => s + l.quantity, 0) }) : 0;
    if (member && points > 0) {
      await creditLovePoints(tx, { memberId: member.id, points, reason: `爱心捐赠：${f.title}`, source: `donation:${id}`, at: caller.actor.now, by: caller.actor.userId });
    }
    if (member?.user_id) {
      await notify(tx, deps, [member.user_id], { kind: 'donation_received', params: { fundraiser: f.title, receiptNo }, link: '/m/fundraisers', key: `donation:${id}` });
    }
    await audit(tx, caller.actor, { action: 'donation.create', entity: 'fundraiser', entityId: fundraiserId, orgId: f.org_id, after: { entryId: id, receiptNo, ...input } });
    return { id, receiptNo };
  });
}

export async function disburse(deps: Deps, caller: Caller, fundraiserId: number, input: z.infer<typeof disbursementBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const f = await reachable(tx, caller.scope, fundraiserId);
    const amount = input.amountFen ?? 0;
    const lines = await matchGoods(tx, fundraiserId, input.goods);
    refuse(checkDonation(amount, lines.reduce((s, l) => s + l.quantity, 0)));
    const member = input.memberId ? await memberInScope(tx, caller.scope, input.memberId) : null;
    if (input.hardshipFileId != null) await checkHardshipFile(tx, caller.scope, input.hardshipFileId);
    if (amount > 0) {
      await spendOrRefuse(
        () => tx.updateTable('fundraisers').set((eb) => ({ spent_fen: eb('spent_fen', '+', amount) })).where('id', '=', fundraiserId).where(sql<boolean>`raised_fen - spent_fen >= ${amount}`).executeTakeFirst(),
        async () => {
          const now = await tx.selectFrom('fundraisers').select(['raised_fen', 'spent_fen']).where('id', '=', fundraiserId).executeTakeFirstOrThrow();
          return checkSpend(Number(now.raised_fen) - Number(now.spent_fen), amount, 'money');
        },
      );
    }
    for (const l of lines) {
      await spendOrRefuse(
        () => tx.updateTable('fundraiser_goods').set((eb) => ({ spent: eb('spent', '+', l.quantity) })).where('id', '=', l.goodsId).where(sql<boolean>`raised - spent >= ${l.quantity}`).executeTakeFirst(),
        async () => {
          const g = await tx.selectFrom('fundraiser_goods').select(['raised', 'spent']).where('id', '=', l.goodsId).executeTakeFirstOrThrow();
          return checkSpend(Number(g.raised) - Number(g.spent), l.quantity, l.name);
        },
      );
    }
    const { id } = await tx
      .insertInto('fundraiser_entries')
      .values({
        fundraiser_id: fundraiserId,
        org_id: f.org_id,
        kind: 'disbursement',
        amount_fen: amount,
        party_name: input.recipientName,
        party_kind: member ? 'member' : input.recipientKind,
        member_id: member?.id ?? null,
        show_name: 0,
        hardship_file_id: input.hardshipFileId ?? null,
        receipt_no: null,
        note: input.note,
        created_by: caller.actor.userId,
        created_at: caller.actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const l of lines) await tx.insertInto('fundraiser_entry_goods').values({ entry_id: id, goods_id: l.goodsId, quantity: l.quantity }).execute();
    await audit(tx, caller.actor, { action: 'disbursement.create', entity: 'fundraiser', entityId: fundraiserId, orgId: f.org_id, after: { entryId: id, ...input } });
    return { id };
  });
}

// ---- reading the ledger ----

function entries(tx: Tx) {
  return tx.selectFrom('fundraiser_entries').selectAll('fundraiser_entries');
}
type EntryRow = Awaited<ReturnType<ReturnType<typeof entries>['executeTakeFirstOrThrow']>>;

async function linesOf(tx: Tx, entryIds: number[]) {
  const by = new Map<number, { name: string; unit: string; quantity: number }[]>(entryIds.map((id) => [id, []]));
  if (entryIds.length === 0) return by;
  const rows = await tx
    .selectFrom('fundraiser_entry_goods as l')
    .innerJoin('fundraiser_goods as g', 'g.id', 'l.goods_id')
    .select(['l.entry_id', 'g.name', 'g.unit', 'l.quantity'])
    .where('l.entry_id', 'in', entryIds)
    .orderBy('l.id')
    .execute();
  for (const r of rows) by.get(r.entry_id)!.push({ name: r.name, unit: r.unit, quantity: Number(r.quantity) });
  return by;
}

async function proofsOf(tx: Tx, entryIds: number[]) {
  const by = new Map<number, { id: number; fileName: string; contentType: string; size: number; createdAt: string }[]>(entryIds.map((id) => [id, []]));
  if (entryIds.length === 0) return by;
  const rows = await tx.selectFrom('fundraiser_proofs').selectAll().where('entry_id', 'in', entryIds).orderBy('id').execute();
  for (const p of rows) by.get(p.entry_id)!.push({ id: p.id, fileName: p.file_name, contentType: p.content_type, size: Number(p.size), createdAt: p.created_at });
  return by;
}

const entryView = (e: EntryRow, lines: Map<number, { name: string; unit: string; quantity: number }[]>, proofs: Awaited<ReturnType<typeof proofsOf>>) => ({
  id: e.id,
  kind: e.kind,
  amountFen: Number(e.amount_fen),
  partyName: e.party_name,
  partyKind: e.party_kind,
  memberId: e.member_id,
  showName: e.show_name === 1,
  hardshipFileId: e.hardship_file_id,
  receiptNo: e.receipt_no,
  note: e.note,
  goods: lines.get(e.id)!,
  proofs: proofs.get(e.id)!,
  createdAt: e.created_at,
});

type EntryFilters = Omit<z.infer<typeof entryListQuery>, 'page' | 'pageSize'>;
function filteredEntries(tx: Tx, scope: Scope, fundraiserId: number, query: EntryFilters) {
  let q = entries(tx).where('fundraiser_entries.fundraiser_id', '=', fundraiserId).where(readableEntries(scope));
  if (query.kind) q = q.where('fundraiser_entries.kind', '=', query.kind);
  return q;
}

export async function listEntries(deps: Deps, caller: Caller, fundraiserId: number, query: z.infer<typeof entryListQuery>) {
  await reachable(deps.db, caller.scope, fundraiserId);
  const { rows, total } = await paginate(filteredEntries(deps.db, caller.scope, fundraiserId, query), query, (q) => q.orderBy('fundraiser_entries.id', 'desc'));
  const ids = rows.map((r) => r.id);
  const [lines, proofs] = await Promise.all([linesOf(deps.db, ids), proofsOf(deps.db, ids)]);
  return { items: rows.map((r) => entryView(r, lines, proofs)), total };
}

export async function exportEntries(deps: Deps, caller: Caller, fundraiserId: number, query: z.infer<typeof entryExportQuery>) {
  const f = await reachable(deps.db, caller.scope, fundraiserId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'fundraiser_entries',
    title: t.entries,
    orgId: f.org_id,
    filters: { fundraiserId, ...filters },
    full,
    rows: (scope) => filteredEntries(deps.db, scope, fundraiserId, filters),
    keyset: 'fundraiser_entries.id',
    prepare: async (rows) => {
      const lines = await linesOf(deps.db, rows.map((r) => r.id));
      return rows.map((r) => ({ ...r, lines: lines.get(r.id)! }));
    },
    columns: [
      { header: t.time, value: (r) => r.created_at, width: 22 },
      { header: t.kind, value: (r, lang) => t[r.kind][lang], width: 8 },
      { header: t.party, value: (r) => r.party_name, width: 20 },
      { header: t.partyKind, value: (r, lang) => t[r.party_kind][lang], width: 12 },
      { header: t.amount, value: (r) => Number(r.amount_fen) / 100, width: 12 },
      { header: t.goods, value: (r) => r.lines.map((l) => `${l.name} ${l.quantity}${l.unit}`).join('；'), width: 24 },
      { header: t.receiptNo, value: (r) => r.receipt_no, width: 16 },
      { header: t.note, value: (r) => r.note, width: 30 },
    ],
  });
}

/** A donation's receipt, for printing. */
export async function receipt(deps: Deps, caller: Caller, entryId: number) {
  const e = await entries(deps.db).where('fundraiser_entries.id', '=', entryId).where(readableEntries(caller.scope)).executeTakeFirst();
  if (!e) throw notFound('fundraiser_entry');
  if (e.kind !== 'donation' || !e.receipt_no) throw refused('fundraiser_not_donation');
  const f = await reachable(deps.db, caller.scope, e.fundraiser_id);
  const lines = await linesOf(deps.db, [e.id]);
  return { id: e.id, receiptNo: e.receipt_no, fundraiserTitle: f.title, orgName: f.org_name, donorName: e.party_name, amountFen: Number(e.amount_fen), goods: lines.get(e.id)!, createdAt: e.created_at };
}

// ---- proofs of disbursements ----

export async function uploadProof(deps: Deps, caller: Caller, entryId: number, parts: AsyncIterableIterator<any>) {
  const e = await entries(deps.db).where('fundraiser_entries.id', '=', entryId).where(readableEntries(caller.scope)).executeTakeFirst();
  if (!e) throw notFound('fundraiser_entry');
  if (e.kind !== 'disbursement') throw refused('fundraiser_not_disbursement');
  const { stored } = await receiveFile(parts, spoolDir(deps.config.dataDir), { maxBytes: PROOF_MAX_BYTES, allowed: PROOF_KINDS });
  const file = stored!;
  const storageKey = `${entryId}/${path.basename(file.file)}`;
  return keepUpload(deps, file.file, proofKey(storageKey), async (tx) => {
    const row = await tx
      .insertInto('fundraiser_proofs')
      .values({ entry_id: entryId, file_name: file.name, content_type: file.type, size: file.size, sha256: file.sha256, storage_key: storageKey, uploaded_by: caller.actor.userId, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'fundraiser_proof.upload', entity: 'fundraiser', entityId: e.fundraiser_id, orgId: e.org_id, after: { entryId, proofId: row.id, fileName: file.name, sha256: file.sha256 } });
    return { id: row.id, fileName: file.name, contentType: file.type, size: file.size, createdAt: caller.actor.now };
  });
}

export async function proofFile(deps: Deps, caller: Caller, proofId: number) {
  const p = await deps.db
    .selectFrom('fundraiser_proofs')
    .innerJoin('fundraiser_entries', 'fundraiser_entries.id', 'fundraiser_proofs.entry_id')
    .select(['fundraiser_proofs.file_name', 'fundraiser_proofs.content_type', 'fundraiser_proofs.storage_key'])
    .where('fundraiser_proofs.id', '=', proofId)
    .where(readableEntries(caller.scope))
    .executeTakeFirst();
  const body = p && (await deps.files.open(proofKey(p.storage_key)));
  if (!p || !body) throw notFound('fundraiser_proof');
  return { body, fileName: p.file_name, contentType: p.content_type };
}

/** Disbursements without a proof yet, in scope (a to-do). */
export async function countMissingProofs(deps: Deps, scope: Scope): Promise<number> {
  const r = await deps.db
    .selectFrom('fundraiser_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'disbursement')
    .where(readableEntries(scope))
    .where(sql<boolean>`not exists (select 1 from fundraiser_proofs p where p.entry_id = fundraiser_entries.id)`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- the public ledger ----

/** Raised, spent, balance and every entry, with no donor named unless they agreed and no recipient named. */
export async function publicLedger(deps: Deps, fundraiserId: number) {
  const f = await deps.db
    .selectFrom('fundraisers')
    .innerJoin('orgs', 'orgs.id', 'fundraisers.org_id')
    .selectAll('fundraisers')
    .select(['orgs.name as org_name', sql<number>`0`.as('donations')])
    .where('fundraisers.id', '=', fundraiserId)
    .executeTakeFirst();
  if (!f) throw notFound('fundraiser');
  const rows = await entries(deps.db).where('fundraiser_id', '=', fundraiserId).orderBy('id', 'desc').limit(1000).execute();
  const ids = rows.map((r) => r.id);
  const [goods, lines, proofs] = await Promise.all([goodsOf(deps.db, [fundraiserId]), linesOf(deps.db, ids), proofsOf(deps.db, ids)]);
  return {
    ...publicView(f, goods.get(fundraiserId)!),
    entries: rows.map((e) => ({
      id: e.id,
      kind: e.kind as EntryKind,
      amountFen: Number(e.amount_fen),
      name: publicName(e.party_name, e.kind, e.show_name === 1, maskName),
      receiptNo: e.receipt_no,
      goods: lines.get(e.id)!,
      hasProof: proofs.get(e.id)!.length > 0,
      createdAt: e.created_at,
    })),
  };
}

