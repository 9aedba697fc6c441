import type { z } from 'zod';
import { sql } from 'kysely';
import { isUniqueViolation, parseJson, type Db, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refuse } from '../../platform/errors.ts';
import { inScope, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { today } from '../../platform/dates.ts';
import { exportTexts as t } from './messages.ts';
import { readableFiles, readableRechecks } from './policy.ts';
import { checkAid, nextCheckDue, tierOf, type HardshipCause, type Tier } from './rules.ts';
import { lineFor, lineView } from './settings.ts';
import { aidsOf } from './aid.ts';
import type { createFileBody, exitBody, fileExportQuery, fileListQuery, recheckBody } from './schema.ts';

/**
 * The register of households in hardship (困难职工档案): a file per member household, its tier
 * computed from the 低保 line in force, its income encrypted and its reads audited, re-checked
 * yearly (the job `hardship.recheck-due` lists what is due) and closed by 脱困 with a reason.
 */

const aidSum = sql<number>`(select coalesce(sum(a.amount_fen), 0) from hardship_aids a where a.file_id = hardship_files.id)`;

function files(db: Db | Tx, now: string) {
  return db
    .selectFrom('hardship_files')
    .innerJoin('orgs', 'orgs.id', 'hardship_files.org_id')
    .innerJoin('members', 'members.id', 'hardship_files.member_id')
    .select([
      'hardship_files.id',
      'hardship_files.org_id',
      'orgs.name as org_name',
      'hardship_files.member_id',
      'members.name as member_name',
      'hardship_files.household_size',
      'hardship_files.causes',
      'hardship_files.tier',
      'hardship_files.status',
      'hardship_files.checked_on',
      'hardship_files.next_check_due',
      aidSum.as('aid_fen'),
    ])
    .select(sql<number>`case when hardship_files.status = 'active' and hardship_files.next_check_due <= ${now} then 1 else 0 end`.as('recheck_due'));
}
type Row = Awaited<ReturnType<ReturnType<typeof files>['executeTakeFirstOrThrow']>>;

const listItem = (r: Row) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  memberId: r.member_id,
  memberName: r.member_name,
  householdSize: r.household_size,
  causes: parseJson<HardshipCause[]>(r.causes) ?? [],
  tier: r.tier,
  status: r.status,
  checkedOn: r.checked_on,
  nextCheckDue: r.next_check_due,
  recheckDue: Number(r.recheck_due) === 1,
  aidFen: Number(r.aid_fen),
});

/** For other modules (fundraising): a hardship file by id, with its org for their own scope check; undefined when there is none. */
export async function findHardshipFile(db: Db | Tx, id: number) {
  const f = await db.selectFrom('hardship_files').select(['id', 'org_id', 'member_id', 'status', 'tier']).where('id', '=', id).executeTakeFirst();
  return f ? { id: f.id, orgId: f.org_id, memberId: f.member_id, status: f.status, tier: f.tier } : undefined;
}

export async function createFile(deps: Deps, caller: Caller, input: z.infer<typeof createFileBody>) {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const member = await tx.selectFrom('members').select(['id', 'org_id']).where('id', '=', input.memberId).where('status', '!=', 'left').where(inScope('members.org_id', caller.scope)).executeTakeFirst();
      if (!member) throw notFound('member');
      if (await tx.selectFrom('hardship_files').select('id').where('open_key', '=', member.id).executeTakeFirst()) throw conflict('hardship_file_open');
      const on = today(deps);
      const tier = tierOf(await lineFor(tx, member.org_id, on), input);
      const { id } = await tx
        .insertInto('hardship_files')
        .values({
          org_id: member.org_id,
          member_id: member.id,
          open_key: member.id,
          household_size: input.householdSize,
          income_enc: deps.pii.encrypt(String(input.monthlyIncomeFen)),
          causes: JSON.stringify(input.causes),
          tier,
          status: 'active',
          exit_reason: null,
          exited_at: null,
          consent_at: caller.actor.now,
          checked_on: on,
          next_check_due: nextCheckDue(on),
          created_by: caller.actor.userId,
          created_at: caller.actor.now,
          updated_at: caller.actor.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // the income stays out of the audit log: it is in the file, encrypted
      await audit(tx, caller.actor, { action: 'hardship_file.create', entity: 'hardship_file', entityId: id, orgId: member.org_id, after: { memberId: member.id, householdSize: input.householdSize, causes: input.causes, tier } });
      return { id, tier };
    });
  } catch (err) {
    // two cadres filing the same household at once: the unique open_key lets one in
    if (isUniqueViolation(err)) throw conflict('hardship_file_open');
    throw err;
  }
}

async function fileInScope(tx: Tx | Db, scope: Scope, id: number) {
  const f = await tx.selectFrom('hardship_files').selectAll().where('id', '=', id).where(readableFiles(scope)).executeTakeFirst();
  if (!f) throw notFound('hardship_file');
  return f;
}

/** A file in full, with its income (decrypted), the line it was measured against and its aid ledger; the read is audited. */
export async function getFile(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const f = await fileInScope(tx, caller.scope, id);
    const row = await files(tx, today(deps)).where('hardship_files.id', '=', id).executeTakeFirstOrThrow();
    const income = Number(deps.pii.decrypt(f.income_enc));
    const line = await lineFor(tx, f.org_id, f.checked_on);
    const aids = await aidsOf(tx, id);
    await audit(tx, caller.actor, { action: 'hardship_file.read', entity: 'hardship_file', entityId: id, orgId: f.org_id });
    const { orgId: _o, ...lineFields } = lineView(f.org_id, line);
    return {
      ...listItem(row),
      monthlyIncomeFen: income,
      incomePerHeadFen: Math.floor(income / f.household_size),
      exitReason: f.exit_reason,
      line: { orgId: f.org_id, ...lineFields },
      aids,
      aidTotalFen: aids.reduce((s, a) => s + a.amountFen, 0),
    };
  });
}

/** The yearly re-check: the household's figures again, the tier computed again, the re-checks due marked done. */
export async function recheckFile(deps: Deps, caller: Caller, id: number, input: z.infer<typeof recheckBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const f = await fileInScope(tx, caller.scope, id);
    refuse(checkAid(f.status));
    const on = today(deps);
    const tier: Tier = tierOf(await lineFor(tx, f.org_id, on), input);
    await tx
      .updateTable('hardship_files')
      .set({ household_size: input.householdSize, income_enc: deps.pii.encrypt(String(input.monthlyIncomeFen)), causes: JSON.stringify(input.causes), tier, checked_on: on, next_check_due: nextCheckDue(on), updated_at: caller.actor.now })
      .where('id', '=', id)
      .execute();
    await tx.updateTable('hardship_rechecks').set({ status: 'done', done_at: caller.actor.now, done_by: caller.actor.userId }).where('file_id', '=', id).where('status', '=', 'due').execute();
    await audit(tx, caller.actor, { action: 'hardship_file.recheck', entity: 'hardship_file', entityId: id, orgId: f.org_id, before: { tier: f.tier }, after: { householdSize: input.householdSize, causes: input.causes, tier } });
    return { id, tier };
  });
}

/** 脱困: the file leaves the register with a reason; its ledger stays. */
export async function exitFile(deps: Deps, caller: Caller, id: number, input: z.infer<typeof exitBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const f = await fileInScope(tx, caller.scope, id);
    refuse(checkAid(f.status));
    await tx.updateTable('hardship_files').set({ status: 'exited', open_key: null, exit_reason: input.reason, exited_at: caller.actor.now, updated_at: caller.actor.now }).where('id', '=', id).execute();
    await tx.updateTable('hardship_rechecks').set({ status: 'done', done_at: caller.actor.now, done_by: caller.actor.userId }).where('file_id', '=', id).where('status', '=', 'due').execute();
    await audit(tx, caller.actor, { action: 'hardship_file.exit', entity: 'hardship_file', entityId: id, orgId: f.org_id, before: { status: 'active' }, after: { status: 'exited', reason: input.reason } });
    return { id, status: 'exited' as const };
  });
}

type Filters = Omit<z.infer<typeof fileListQuery>, 'page' | 'pageSize'>;

function filtered(deps: Deps, scope: Scope, query: Filters) {
  const on = today(deps);
  let q = files(deps.db, on).where(readableFiles(scope));
  if (query.orgId) q = q.where(sql<boolean>`hardship_files.org_id in (select descendant_id from org_closure where ancestor_id = ${query.orgId})`);
  if (query.tier) q = q.where('hardship_files.tier', '=', query.tier);
  if (query.status) q = q.where('hardship_files.status', '=', query.status);
  if (query.recheckDue) q = q.where('hardship_files.status', '=', 'active').where('hardship_files.next_check_due', '<=', on);
  return q;
}

export async function listFiles(deps: Deps, caller: Caller, query: z.infer<typeof fileListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filtered(deps, caller.scope, query), query, (q) => q.orderBy('hardship_files.id', 'desc'));
  return { items: rows.map(listItem), total };
}

export async function exportFiles(deps: Deps, caller: Caller, query: z.infer<typeof fileExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  type View = ReturnType<typeof listItem>;
  return exportList<Row, View>(deps, caller, {
    list: 'hardship_files',
    title: t.files,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps, scope, filters),
    keyset: 'hardship_files.id',
    prepare: async (rows) => rows.map(listItem),
    columns: [
      { header: t.name, value: (r) => r.memberName, width: 10 },
      { header: t.org, value: (r) => r.orgName, width: 28 },
      { header: t.tier, value: (r, lang) => t[r.tier][lang], width: 12 },
      { header: t.household, value: (r) => r.householdSize, width: 8 },
      { header: t.status, value: (r, lang) => t[r.status][lang], width: 10 },
      { header: t.nextCheck, value: (r) => r.nextCheckDue, width: 12 },
      { header: t.amount, value: (r) => r.aidFen / 100, width: 12 },
    ],
  });
}

/** The member's own household file, if any: tier, status and the aid received (no income). */
export async function myFile(deps: Deps, caller: Caller) {
  const f = await deps.db
    .selectFrom('hardship_files')
    .innerJoin('members', 'members.id', 'hardship_files.member_id')
    .innerJoin('orgs', 'orgs.id', 'hardship_files.org_id')
    .select(['hardship_files.id', 'orgs.name as org_name', 'hardship_files.tier', 'hardship_files.status', 'hardship_files.checked_on', 'hardship_files.next_check_due'])
    .where('members.user_id', '=', caller.user!.id)
    .orderBy('hardship_files.id', 'desc')
    .executeTakeFirst();
  if (!f) return { file: null };
  const aids = await aidsOf(deps.db, f.id);
  return {
    file: {
      id: f.id,
      orgName: f.org_name,
      tier: f.tier,
      status: f.status,
      checkedOn: f.checked_on,
      nextCheckDue: f.next_check_due,
      aids: aids.map((a) => ({ kind: a.kind, amountFen: a.amountFen, paidOn: a.paidOn, campaignName: a.campaignName })),
    },
  };
}

// ---- the yearly re-check ----

/**
 * The job `hardship.recheck-due` (daily): one re-check to-do per active file whose check is due,
 * keyed by file and due date, so a second run adds nothing.
 */
export async function createDueRechecks(deps: Deps): Promise<number> {
  const on = today(deps);
  return deps.db.transaction().execute(async (tx) => {
    const due = await tx.selectFrom('hardship_files').select(['id', 'org_id', 'next_check_due']).where('status', '=', 'active').where('next_check_due', '<=', on).execute();
    let made = 0;
    for (const f of due) {
      const r = await tx
        .insertInto('hardship_rechecks')
        .values({ file_id: f.id, org_id: f.org_id, due_on: f.next_check_due, status: 'due', done_at: null, done_by: null })
        .onConflict((oc) => oc.columns(['file_id', 'due_on']).doNothing())
        .executeTakeFirst();
      made += Number(r.numInsertedOrUpdatedRows ?? 0n);
    }
    return made;
  });
}

export async function countDueRechecks(deps: Deps, scope: Scope) {
  const on = today(deps);
  const row = await deps.db
    .selectFrom('hardship_rechecks')
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when hardship_rechecks.due_on < ${on} then 1 else 0 end)`.as('late')])
    .where('status', '=', 'due')
    .where(readableRechecks(scope))
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), overdue: Number(row.late ?? 0) };
}

// ---- statistics ----

/** Files on the register by tier and all aid paid to the households of an org's subtree. */
export async function hardshipStatsOf(deps: Deps, orgId: number) {
  const subtree = (col: string) => sql<boolean>`${sql.ref(col)} in (select descendant_id from org_closure where ancestor_id = ${orgId})`;
  const [tiers, aid] = await Promise.all([
    deps.db.selectFrom('hardship_files').select(['tier', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'active').where(subtree('hardship_files.org_id')).groupBy('tier').execute(),
    deps.db
      .selectFrom('hardship_aids')
      .innerJoin('hardship_files', 'hardship_files.id', 'hardship_aids.file_id')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('hardship_aids.amount_fen'), sql<number>`0`).as('fen'))
      .where(subtree('hardship_files.org_id'))
      .executeTakeFirstOrThrow(),
  ]);
  const n = (tier: Tier) => Number(tiers.find((r) => r.tier === tier)?.n ?? 0);
  return { files: tiers.reduce((s, r) => s + Number(r.n), 0), byTier: { deep: n('deep'), relative: n('relative'), accident: n('accident') }, aidFen: Number(aid.fen) };
}

export async function hardshipStats(deps: Deps, caller: Caller, orgId: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  return hardshipStatsOf(deps, orgId);
}
