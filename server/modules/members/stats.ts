import { sql } from 'kysely';
import type { Caller, Deps } from '../../platform/context.ts';
import { requireOrgInScope } from '../../platform/access.ts';
import { today } from '../../platform/dates.ts';
import { overdueBefore } from './applications.ts';

/**
 * Coverage statistics over an org's whole subtree, each figure one indexed aggregate query:
 * the subtree comes from org_closure, never from rows loaded into memory. Member figures (by
 * status, the 12-month growth, each child's members) come from subtree_member_counts (kept by
 * triggers), a few hundred rows per org, so a county of a million members costs its orgs, not its
 * members.
 */
export async function orgStats(deps: Deps, caller: Caller, orgId: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  const db = deps.db;
  const subtree = db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId);

  // The subtree is the org itself plus each direct child's subtree (children of any status: an
  // inactive street's active unions still count), so one walk per figure, grouped by child, gives
  // both each child's figures and, summed with the org's own, the totals.
  const org = await db.selectFrom('orgs').select(['kind', 'status']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const own = await db
    .selectFrom('enterprises')
    .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(new_economy)`.as('new_economy')])
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const allChildren = await db.selectFrom('orgs').select(['id', 'name', 'kind', 'status']).where('parent_id', '=', orgId).orderBy('id').execute();
  const childIds = allChildren.map((c) => c.id);
  const [childOrgs, childEnterprises] = childIds.length
    ? await Promise.all([
        db
          .selectFrom('org_closure')
          .innerJoin('orgs', 'orgs.id', 'org_closure.descendant_id')
          // Active orgs counted in the sum, not filtered in WHERE: SQLite would otherwise scan all
          // orgs through the partial index on active orgs (0007) and probe the closure per org (~10×).
          .select(['org_closure.ancestor_id', 'orgs.kind', sql<number>`sum(case when orgs.status = 'active' then 1 else 0 end)`.as('n')])
          .where('org_closure.ancestor_id', 'in', childIds)
          .groupBy(['org_closure.ancestor_id', 'orgs.kind'])
          .execute(),
        db
          .selectFrom('org_closure')
          .innerJoin('enterprises', 'enterprises.org_id', 'org_closure.descendant_id')
          .innerJoin('orgs', 'orgs.id', 'enterprises.org_id')
          .select([
            'org_closure.ancestor_id',
            (eb) => eb.fn.countAll<number>().as('n'),
            sql<number>`sum(case when orgs.kind = 'federation' then 1 else 0 end)`.as('without_union'),
            sql<number>`sum(enterprises.new_economy)`.as('new_economy'),
          ])
          .where('org_closure.ancestor_id', 'in', childIds)
          .where('enterprises.status', '=', 'active')
          .groupBy('org_closure.ancestor_id')
          .execute(),
      ])
    : [[], []];
  const sum = <T,>(rows: T[], value: (r: T) => unknown) => rows.reduce((total, r) => total + Number(value(r) ?? 0), 0);
  const kindCount = (kind: string, ancestor?: number) =>
    (ancestor === undefined && org.status === 'active' && org.kind === kind ? 1 : 0) +
    sum(childOrgs.filter((r) => r.kind === kind && (ancestor === undefined || r.ancestor_id === ancestor)), (r) => r.n);
  const enterprise = {
    total: Number(own.n) + sum(childEnterprises, (r) => r.n),
    // The org's own enterprises have no union of their own when it is a federation.
    without_union: (org.kind === 'federation' ? Number(own.n) : 0) + sum(childEnterprises, (r) => r.without_union),
    new_economy: Number(own.new_economy ?? 0) + sum(childEnterprises, (r) => r.new_economy),
  };

  // The subtree's own counts, kept by triggers (migration 0006): a few hundred rows of one org.
  const counts = db.selectFrom('subtree_member_counts').where('org_id', '=', orgId);
  const byStatus = await counts.select(['status', (eb) => eb.fn.sum<number>('n').as('n')]).groupBy('status').execute();
  const statusCount = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  const membersByStatus = { member: statusCount('member'), transferring: statusCount('transferring'), retained: statusCount('retained'), left: statusCount('left') };

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
        .select(['org_id as ancestor_id', (eb) => eb.fn.sum<number>('n').as('n')])
        .where('org_id', 'in', children.map((c) => c.id))
        .where('status', '!=', 'left')
        .groupBy('org_id')
        .execute()
    : [];

  return {
    orgId,
    unions: kindCount('grassroots_union') + kindCount('joint_union'),
    singleUnions: kindCount('grassroots_union'),
    jointUnions: kindCount('joint_union'),
    branches: kindCount('branch'),
    enterprises: Number(enterprise.total ?? 0),
    enterprisesWithoutUnion: Number(enterprise.without_union ?? 0),
    newEconomyEnterprises: Number(enterprise.new_economy ?? 0),
    members: membersByStatus.member + membersByStatus.transferring + membersByStatus.retained,
    membersByStatus,
    pendingApplications: Number(apps.pending ?? 0),
    overdueApplications: Number(apps.overdue ?? 0),
    growth,
    children: children.map((c) => ({
      orgId: c.id,
      name: c.name,
      kind: c.kind,
      unions: kindCount('grassroots_union', c.id) + kindCount('joint_union', c.id),
      enterprises: Number(perChild(childEnterprises, c.id)?.n ?? 0),
      enterprisesWithoutUnion: Number(perChild(childEnterprises, c.id)?.without_union ?? 0),
      members: Number(perChild(childMembers, c.id)?.n ?? 0),
    })),
  };
}
