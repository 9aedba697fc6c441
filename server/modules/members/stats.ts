import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import type { Caller, Deps } from '../../platform/context.ts';
import { requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { labelText } from '../../platform/i18n.ts';
import { streamWorkbook, type SheetColumn } from '../../platform/spreadsheet.ts';
import { overviewSection } from '../../platform/overview.ts';
import { unionDueFoundedBy } from '../orgs/index.ts';
import { overdueBefore } from './applications.ts';
import { percent } from './rules.ts';
import * as s from './schema.ts';
import { readingDeps } from '../../platform/replica.ts';

/**
 * Coverage statistics over an org's whole subtree, each figure one indexed aggregate query:
 * the subtree comes from org_closure, never from rows loaded into memory. Member figures (by
 * status, the 12-month growth, each child's members, migrant and new-form workers) come from
 * subtree_member_counts (kept by triggers), a few hundred rows per org, so a county of a million
 * members costs its orgs, not its members.
 *
 * The two rates, in percent with one decimal (`percent`), for the scope and for each child:
 * - 建会率 (unionizationRate): enterprises with a union ÷ enterprises that should have one, i.e.
 *   those with a union plus those without one founded a year ago or earlier (orgs' needsUnion).
 * - 入会率 (membershipRate): members (not counting those who left) ÷ the employees (职工人数) of
 *   the subtree's enterprises, those whose number is known.
 */
export async function orgStats(deps: Deps, caller: Caller, orgId: number) {
  const reading = readingDeps(deps, caller);
  await requireOrgInScope(reading.db, caller.scope, orgId);
  return subtreeStats(reading, orgId);
}

/** orgStats of an org already checked in the caller's scope (the data screen's members section). */
async function subtreeStats(deps: Deps, orgId: number) {
  const db = deps.db;
  const subtree = db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId);

  // The subtree is the org itself plus each direct child's subtree (children of any status: an
  // inactive street's active unions still count), so one walk per figure, grouped by child, gives
  // both each child's figures and, summed with the org's own, the totals.
  const org = await db.selectFrom('orgs').select(['kind', 'status']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const dueBy = unionDueFoundedBy(today(deps));
  const own = await db
    .selectFrom('enterprises')
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(new_economy)`.as('new_economy'),
      sql<number>`sum(employees)`.as('employees'),
      sql<number>`sum(case when founded_on <= ${dueBy} then 1 else 0 end)`.as('due'),
    ])
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const allChildren = await db.selectFrom('orgs').select(['id', 'name', 'kind', 'level', 'basis', 'status']).where('parent_id', '=', orgId).orderBy('id').execute();
  const childIds = allChildren.map((c) => c.id);
  // Each child's orgs and enterprises from the subtree counters kept by triggers (migration
  // 0037): a few rows per child, whatever lies under it. "Needing a union" is every unionless
  // enterprise founded before the due month, plus the due month's own up to the due day.
  const dueMonth = dueBy.slice(0, 7);
  const [childOrgs, childEnterprises, dueMonthEnterprises] = childIds.length
    ? await Promise.all([
        db
          .selectFrom('subtree_org_counts')
          .select(['org_id as ancestor_id', 'kind', (eb) => eb.fn.sum<number>('n').as('n')])
          .where('org_id', 'in', childIds)
          .where('status', '=', 'active')
          .groupBy(['org_id', 'kind'])
          .execute(),
        db
          .selectFrom('subtree_enterprise_counts')
          .select([
            'org_id as ancestor_id',
            (eb) => eb.fn.sum<number>('n').as('n'),
            sql<number>`sum(case when unionless = 1 then n else 0 end)`.as('without_union'),
            (eb) => eb.fn.sum<number>('new_economy').as('new_economy'),
            (eb) => eb.fn.sum<number>('employees').as('employees'),
            sql<number>`sum(case when unionless = 1 and founded_month <> '' and founded_month < ${dueMonth} then n else 0 end)`.as('needing_union'),
          ])
          .where('org_id', 'in', childIds)
          .where('status', '=', 'active')
          .groupBy('org_id')
          .execute(),
        db
          .selectFrom('enterprises')
          .innerJoin('orgs', 'orgs.id', 'enterprises.org_id')
          .innerJoin('org_closure', 'org_closure.descendant_id', 'enterprises.org_id')
          .select(['org_closure.ancestor_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('enterprises.founded_on', '>=', `${dueMonth}-01`)
          .where('enterprises.founded_on', '<=', dueBy)
          .where('enterprises.status', '=', 'active')
          .where('orgs.kind', '=', 'federation')
          .where('org_closure.ancestor_id', 'in', childIds)
          .groupBy('org_closure.ancestor_id')
          .execute(),
      ])
    : [[], [], []];
  for (const row of childEnterprises) {
    const due = dueMonthEnterprises.find((d) => d.ancestor_id === row.ancestor_id);
    row.needing_union = Number(row.needing_union ?? 0) + Number(due?.n ?? 0);
  }
  const sum = <T,>(rows: T[], value: (r: T) => unknown) => rows.reduce((total, r) => total + Number(value(r) ?? 0), 0);
  const kindCount = (kind: string, ancestor?: number) =>
    (ancestor === undefined && org.status === 'active' && org.kind === kind ? 1 : 0) +
    sum(childOrgs.filter((r) => r.kind === kind && (ancestor === undefined || r.ancestor_id === ancestor)), (r) => r.n);
  const enterprise = {
    total: Number(own.n) + sum(childEnterprises, (r) => r.n),
    // The org's own enterprises have no union of their own when it is a federation.
    without_union: (org.kind === 'federation' ? Number(own.n) : 0) + sum(childEnterprises, (r) => r.without_union),
    new_economy: Number(own.new_economy ?? 0) + sum(childEnterprises, (r) => r.new_economy),
    employees: Number(own.employees ?? 0) + sum(childEnterprises, (r) => r.employees),
    needing_union: (org.kind === 'federation' ? Number(own.due ?? 0) : 0) + sum(childEnterprises, (r) => r.needing_union),
  };

  // The subtree's own counts, kept by triggers (migration 0006): a few hundred rows of one org.
  const counts = db.selectFrom('subtree_member_counts').where('org_id', '=', orgId);
  const byStatus = await counts
    .select(['status', (eb) => eb.fn.sum<number>('n').as('n'), (eb) => eb.fn.sum<number>('migrant_workers').as('migrant'), (eb) => eb.fn.sum<number>('new_form_workers').as('new_form')])
    .groupBy('status')
    .execute();
  const statusCount = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  const membersByStatus = { member: statusCount('member'), transferring: statusCount('transferring'), retained: statusCount('retained'), left: statusCount('left') };
  const members = membersByStatus.member + membersByStatus.transferring + membersByStatus.retained;
  const current = byStatus.filter((r) => r.status !== 'left');

  const cutoff = overdueBefore(deps);
  const apps = await db
    .selectFrom('join_applications')
    .select([(eb) => eb.fn.countAll<number>().as('pending'), sql<number>`sum(case when created_at < ${cutoff} then 1 else 0 end)`.as('overdue')])
    .where('org_id', 'in', subtree)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();

  const day = today(deps);
  const months: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - i, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  const growthRows = await counts
    .select(['joined_month as month', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('joined_month', '>=', months[0])
    .groupBy('joined_month')
    .execute();
  const growth = months.map((m) => ({ month: m, joined: Number(growthRows.find((r) => r.month === m)?.n ?? 0) }));

  const children = allChildren.filter((c) => c.status === 'active');
  const perChild = <T extends { ancestor_id: number }>(rows: T[], id: number) => rows.find((r) => r.ancestor_id === id);
  const childMembers = children.length
    ? await db
        .selectFrom('subtree_member_counts')
        .select([
          'org_id as ancestor_id',
          (eb) => eb.fn.sum<number>('n').as('n'),
          (eb) => eb.fn.sum<number>('migrant_workers').as('migrant'),
          (eb) => eb.fn.sum<number>('new_form_workers').as('new_form'),
        ])
        .where('org_id', 'in', children.map((c) => c.id))
        .where('status', '!=', 'left')
        .groupBy('org_id')
        .execute()
    : [];

  const withUnion = enterprise.total - enterprise.without_union;
  return {
    orgId,
    unions: kindCount('grassroots_union') + kindCount('joint_union'),
    singleUnions: kindCount('grassroots_union'),
    jointUnions: kindCount('joint_union'),
    branches: kindCount('branch'),
    enterprises: enterprise.total,
    enterprisesWithoutUnion: enterprise.without_union,
    enterprisesNeedingUnion: enterprise.needing_union,
    newEconomyEnterprises: enterprise.new_economy,
    unionizationRate: percent(withUnion, withUnion + enterprise.needing_union),
    employees: enterprise.employees,
    members,
    membershipRate: percent(members, enterprise.employees),
    migrantWorkers: sum(current, (r) => r.migrant),
    newFormWorkers: sum(current, (r) => r.new_form),
    membersByStatus,
    pendingApplications: Number(apps.pending ?? 0),
    overdueApplications: Number(apps.overdue ?? 0),
    growth,
    children: children.map((c) => {
      const e = perChild(childEnterprises, c.id);
      const m = perChild(childMembers, c.id);
      const total = Number(e?.n ?? 0);
      const without = Number(e?.without_union ?? 0);
      const needing = Number(e?.needing_union ?? 0);
      const employees = Number(e?.employees ?? 0);
      const memberCount = Number(m?.n ?? 0);
      return {
        orgId: c.id,
        name: c.name,
        kind: c.kind,
        level: c.level,
        basis: c.basis,
        unions: kindCount('grassroots_union', c.id) + kindCount('joint_union', c.id),
        enterprises: total,
        enterprisesWithoutUnion: without,
        enterprisesNeedingUnion: needing,
        unionizationRate: percent(total - without, total - without + needing),
        employees,
        members: memberCount,
        membershipRate: percent(memberCount, employees),
        migrantWorkers: Number(m?.migrant ?? 0),
        newFormWorkers: Number(m?.new_form ?? 0),
      };
    }),
  };
}

type Stats = Awaited<ReturnType<typeof subtreeStats>>;
type Figures = Pick<Stats, 'unions' | 'enterprises' | 'enterprisesWithoutUnion' | 'enterprisesNeedingUnion' | 'unionizationRate' | 'employees' | 'members' | 'membershipRate' | 'migrantWorkers' | 'newFormWorkers'>;

/** The coverage table as the console shows it and the export writes it: a row per child, then the scope's total. */
export const coverageColumns: SheetColumn[] = [
  { header: '组织', field: 'name', width: 30 },
  { header: '类型', field: 'kind', width: 14 },
  { header: '工会数', field: 'unions', width: 10 },
  { header: '企业数', field: 'enterprises', width: 10 },
  { header: '未建会企业', field: 'enterprisesWithoutUnion', width: 12 },
  { header: '应建未建企业', field: 'enterprisesNeedingUnion', width: 14 },
  { header: '建会率（%）', field: 'unionizationRate', width: 12 },
  { header: '职工人数', field: 'employees', width: 12 },
  { header: '会员数', field: 'members', width: 10 },
  { header: '入会率（%）', field: 'membershipRate', width: 12 },
  { header: '农民工会员', field: 'migrantWorkers', width: 12 },
  { header: '新就业形态会员', field: 'newFormWorkers', width: 16 },
];

const kindLabel = (o: { kind: string; level: string | null }) => labelText(o.kind === 'federation' && o.level ? o.level : o.kind, 'zh');
const figures = (f: Figures) => ({
  unions: f.unions,
  enterprises: f.enterprises,
  enterprisesWithoutUnion: f.enterprisesWithoutUnion,
  enterprisesNeedingUnion: f.enterprisesNeedingUnion,
  unionizationRate: f.unionizationRate,
  employees: f.employees,
  members: f.members,
  membershipRate: f.membershipRate,
  migrantWorkers: f.migrantWorkers,
  newFormWorkers: f.newFormWorkers,
});

/**
 * The coverage table of an org's subtree as a workbook, from the same figures as the page
 * (orgStats), named after the org and the day; every export is audited.
 */
export async function exportCoverage(deps: Deps, caller: Caller, orgId: number, out: Writable) {
  const stats = await orgStats(deps, caller, orgId);
  const org = await deps.db.selectFrom('orgs').select(['name', 'kind', 'level']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const day = today(deps);
  await deps.db.transaction().execute((tx) =>
    audit(tx, caller.actor, { action: 'coverage.export', entity: 'org', entityId: orgId, orgId, after: { day, children: stats.children.length } }),
  );
  const write = async () => {
    const sheet = await streamWorkbook(out, '覆盖统计', coverageColumns);
    for (const c of stats.children) sheet.add({ name: c.name, kind: kindLabel(c), ...figures(c) });
    sheet.add({ name: `${org.name}（合计）`, kind: kindLabel(org), ...figures(stats) });
    await sheet.finish();
  };
  return { name: `覆盖统计_${org.name}_${day}.xlsx`, write };
}

/** How many of the largest children the data screen ranks. */
const TOP_CHILDREN = 10;

/**
 * The data screen's members section: the same figures as the coverage page (subtreeStats, so the
 * wall and the page never disagree), the joins of this year from the 12-month growth, and the
 * children with the most members.
 */
export const membersOverview = overviewSection({
  permission: 'member.read',
  schema: s.membersOverview,
  async read(deps, orgId) {
    const stats = await subtreeStats(deps, orgId);
    const year = today(deps).slice(0, 4);
    return {
      total: stats.members,
      joinedThisYear: stats.growth.filter((g) => g.month.startsWith(year)).reduce((sum, g) => sum + g.joined, 0),
      byStatus: stats.membersByStatus,
      migrantWorkers: stats.migrantWorkers,
      newFormWorkers: stats.newFormWorkers,
      growth: stats.growth,
      coverage: {
        unions: stats.unions,
        enterprises: stats.enterprises,
        enterprisesWithUnion: stats.enterprises - stats.enterprisesWithoutUnion,
        enterprisesNeedingUnion: stats.enterprisesNeedingUnion,
        unionizationRate: stats.unionizationRate,
        employees: stats.employees,
        membershipRate: stats.membershipRate,
      },
      topChildren: [...stats.children]
        .sort((a, b) => b.members - a.members || a.orgId - b.orgId)
        .slice(0, TOP_CHILDREN)
        .map((c) => ({ orgId: c.orgId, name: c.name, members: c.members, unionizationRate: c.unionizationRate, membershipRate: c.membershipRate })),
    };
  },
});
