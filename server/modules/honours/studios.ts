import { sql } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, fieldError, notFound, refused } from '../../platform/errors.ts';
import { inScope, inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { exportTexts as t } from './messages.ts';
import { readableStudios } from './policy.ts';
import type { achievementBody, assessmentBody, createStudioBody, studioExportQuery, studioListQuery, studioMemberBody } from './schema.ts';

/** Innovation studios (劳模/工匠创新工作室): a leader, members, achievements, yearly assessments and levels. */

function studios(tx: Tx) {
  const count = (table: 'studio_members' | 'studio_achievements', kind?: 'patent' | 'improvement') =>
    sql<number>`(select count(*) from ${sql.table(table)} x where x.studio_id = innovation_studios.id${kind ? sql` and x.kind = ${kind}` : sql``})`;
  return tx
    .selectFrom('innovation_studios')
    .innerJoin('orgs', 'orgs.id', 'innovation_studios.org_id')
    .leftJoin('enterprises', 'enterprises.id', 'innovation_studios.enterprise_id')
    .selectAll('innovation_studios')
    .select(['orgs.name as org_name', 'enterprises.name as enterprise_name'])
    .select([
      count('studio_members').as('members'),
      count('studio_achievements', 'patent').as('patents'),
      count('studio_achievements', 'improvement').as('improvements'),
      sql<number>`(select coalesce(sum(x.savings_fen), 0) from studio_achievements x where x.studio_id = innovation_studios.id)`.as('savings'),
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof studios>['executeTakeFirstOrThrow']>>;
const view = (r: Row) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  name: r.name,
  kind: r.kind,
  leaderName: r.leader_name,
  foundedOn: r.founded_on,
  level: r.level,
  members: Number(r.members),
  patents: Number(r.patents),
  improvements: Number(r.improvements),
  savingsFen: Number(r.savings),
});

export async function createStudio(deps: Deps, caller: Caller, input: z.infer<typeof createStudioBody>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    let leader: string | undefined;
    if (input.leaderModelWorkerId) {
      leader = (await tx.selectFrom('model_workers').select('name').where('id', '=', input.leaderModelWorkerId).where(inScope('model_workers.org_id', caller.scope)).executeTakeFirst())?.name;
      if (!leader) throw notFound('model_worker');
    } else if (input.leaderCraftsmanId) {
      leader = (await tx.selectFrom('craftsmen').select('name').where('id', '=', input.leaderCraftsmanId).where(inScope('craftsmen.org_id', caller.scope)).executeTakeFirst())?.name;
      if (!leader) throw notFound('craftsman');
    }
    if (!leader) throw refused('studio_leader_required');
    if (input.enterpriseId) {
      const e = await tx.selectFrom('enterprises').select('id').where('id', '=', input.enterpriseId).where(inScope('enterprises.org_id', caller.scope)).executeTakeFirst();
      if (!e) throw fieldError('enterpriseId', 'not_blank');
    }
    const now = caller.actor.now;
    const { id } = await tx
      .insertInto('innovation_studios')
      .values({
        org_id: input.orgId,
        enterprise_id: input.enterpriseId ?? null,
        name: input.name,
        kind: input.kind,
        leader_name: leader,
        leader_model_worker_id: input.leaderModelWorkerId ?? null,
        leader_craftsman_id: input.leaderCraftsmanId ?? null,
        founded_on: input.foundedOn,
        level: null,
        created_by: caller.actor.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const members = [leader, ...input.members.filter((m) => m !== leader)];
    await tx.insertInto('studio_members').values(members.map((name) => ({ studio_id: id, name, member_id: null, created_at: now }))).execute();
    await audit(tx, caller.actor, { action: 'studio.create', entity: 'innovation_studio', entityId: id, orgId: input.orgId, after: input });
    return { id };
  });
}

type Filters = Omit<z.infer<typeof studioListQuery>, 'page' | 'pageSize'>;
function filtered(tx: Tx, scope: Scope, query: Filters) {
  let q = studios(tx).where(readableStudios(scope));
  if (query.orgId) q = q.where(inSubtree('innovation_studios.org_id', query.orgId));
  if (query.level) q = q.where('innovation_studios.level', '=', query.level);
  return q;
}

export async function listStudios(deps: Deps, caller: Caller, query: z.infer<typeof studioListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filtered(deps.db, caller.scope, query), query, (q) => q.orderBy('innovation_studios.id', 'desc'));
  return { items: rows.map(view), total };
}

export async function exportStudios(deps: Deps, caller: Caller, query: z.infer<typeof studioExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'innovation_studios',
    title: t.studios,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps.db, scope, filters),
    keyset: 'innovation_studios.id',
    columns: [
      { header: t.studio, value: (r) => r.name, width: 30 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.enterprise, value: (r) => r.enterprise_name, width: 28 },
      { header: t.leader, value: (r) => r.leader_name, width: 12 },
      { header: t.level, value: (r, lang) => t[r.level ?? 'none'][lang], width: 8 },
      { header: t.members, value: (r) => Number(r.members), width: 8 },
      { header: t.patents, value: (r) => Number(r.patents), width: 8 },
      { header: t.improvements, value: (r) => Number(r.improvements), width: 8 },
      { header: t.savings, value: (r) => Number(r.savings) / 100, width: 12 },
    ],
  });
}

async function reachable(tx: Tx, scope: Scope, id: number) {
  const row = await studios(tx).where('innovation_studios.id', '=', id).where(readableStudios(scope)).executeTakeFirst();
  if (!row) throw notFound('innovation_studio');
  return row;
}

export async function getStudio(deps: Deps, caller: Caller, id: number) {
  const s = await reachable(deps.db, caller.scope, id);
  const [members, achievements, assessments] = await Promise.all([
    deps.db.selectFrom('studio_members').select(['id', 'name', 'member_id']).where('studio_id', '=', id).orderBy('id').execute(),
    deps.db.selectFrom('studio_achievements').selectAll().where('studio_id', '=', id).orderBy('year', 'desc').orderBy('id', 'desc').execute(),
    deps.db.selectFrom('studio_assessments').selectAll().where('studio_id', '=', id).orderBy('year', 'desc').execute(),
  ]);
  return {
    ...view(s),
    memberList: members.map((m) => ({ id: m.id, name: m.name, memberId: m.member_id })),
    achievements: achievements.map((a) => ({ id: a.id, kind: a.kind, title: a.title, year: a.year, patentNo: a.patent_no, savingsFen: Number(a.savings_fen) })),
    assessments: assessments.map((a) => ({ id: a.id, year: a.year, level: a.level, passed: a.passed === 1, note: a.note })),
  };
}

export async function addMember(deps: Deps, caller: Caller, id: number, input: z.infer<typeof studioMemberBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const s = await reachable(tx, caller.scope, id);
    let name = input.name ?? null;
    if (input.memberId) {
      name = (await tx.selectFrom('members').select('name').where('id', '=', input.memberId).where(inScope('members.org_id', caller.scope)).executeTakeFirst())?.name ?? null;
      if (!name) throw notFound('member');
    }
    if (!name) throw fieldError('name', 'not_blank');
    const row = await tx.insertInto('studio_members').values({ studio_id: id, name, member_id: input.memberId ?? null, created_at: caller.actor.now }).returning('id').executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'studio_member.create', entity: 'innovation_studio', entityId: id, orgId: s.org_id, after: { name, memberId: input.memberId ?? null } });
    return { id: row.id };
  });
}

export async function addAchievement(deps: Deps, caller: Caller, id: number, input: z.infer<typeof achievementBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const s = await reachable(tx, caller.scope, id);
    const row = await tx
      .insertInto('studio_achievements')
      .values({ studio_id: id, kind: input.kind, title: input.title, year: input.year, patent_no: input.patentNo, savings_fen: input.savingsFen, created_by: caller.actor.userId, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'studio_achievement.create', entity: 'innovation_studio', entityId: id, orgId: s.org_id, after: input });
    return { id: row.id };
  });
}

/** The yearly assessment: passed, the studio holds the assessed level (county/city/province/national 级). */
export async function assess(deps: Deps, caller: Caller, id: number, input: z.infer<typeof assessmentBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const s = await reachable(tx, caller.scope, id);
    try {
      const row = await tx
        .insertInto('studio_assessments')
        .values({ studio_id: id, year: input.year, level: input.level, passed: input.passed ? 1 : 0, note: input.note, assessed_by: caller.actor.userId, assessed_at: caller.actor.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const latest = await tx.selectFrom('studio_assessments').select(['level', 'passed']).where('studio_id', '=', id).orderBy('year', 'desc').executeTakeFirstOrThrow();
      await tx.updateTable('innovation_studios').set({ level: latest.passed === 1 ? latest.level : null }).where('id', '=', id).execute();
      await audit(tx, caller.actor, { action: 'studio_assessment.create', entity: 'innovation_studio', entityId: id, orgId: s.org_id, after: input });
      return { id: row.id };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('studio_assessed', { year: input.year });
      throw err;
    }
  });
}

/** Studios of an org's subtree: count by level, achievements and savings. */
export async function studioStats(deps: Deps, caller: Caller, orgId: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  const byLevel = await deps.db
    .selectFrom('innovation_studios')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inSubtree('innovation_studios.org_id', orgId))
    .groupBy('level')
    .execute();
  const a = await deps.db
    .selectFrom('studio_achievements')
    .innerJoin('innovation_studios', 'innovation_studios.id', 'studio_achievements.studio_id')
    .select([
      sql<number>`coalesce(sum(case when studio_achievements.kind = 'patent' then 1 else 0 end), 0)`.as('patents'),
      sql<number>`coalesce(sum(case when studio_achievements.kind = 'improvement' then 1 else 0 end), 0)`.as('improvements'),
      sql<number>`coalesce(sum(studio_achievements.savings_fen), 0)`.as('savings'),
    ])
    .where(inSubtree('innovation_studios.org_id', orgId))
    .executeTakeFirstOrThrow();
  const levels = { national: 0, province: 0, city: 0, county: 0, none: 0 };
  for (const r of byLevel) levels[r.level ?? 'none'] += Number(r.n);
  return { total: Object.values(levels).reduce((x, y) => x + y, 0), byLevel: levels, patents: Number(a.patents), improvements: Number(a.improvements), savingsFen: Number(a.savings) };
}
