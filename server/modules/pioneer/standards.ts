import type { z } from 'zod';
import { parseJson, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { checkStandard, refuseFields, type CriterionInput, type Dimension, type PioneerType, type Weights } from './rules.ts';
import { readableStandards, type Reader } from './policy.ts';
import type { createStandardBody } from './schema.ts';

/**
 * Assessment standards (考核评估标准): the five built-in ones below; the standards a campaign would
 * freeze now, one version, a federation's own new version; and what campaigns and judging read of
 * them (the versions current for a federation, the versions a campaign froze).
 */

/**
 * The five built-in assessment standards (五型考核评估标准), written from 嘉善县总工会's
 * description of each type. Every standard scores the five dimensions; each criterion is worth 10
 * points and the dimensions are weighted 15/15/20/20/30 (results count most). Migration 0003
 * stores them as version 1 of the platform-wide defaults; a federation edits a standard by saving
 * a new version of its own, and each campaign freezes the versions it opened with.
 */
export const DEFAULT_WEIGHTS: Weights = { infrastructure: 15, organization: 15, workforce: 20, management: 20, effectiveness: 30 };

type Pair = [title: string, description: string];
const c = (dimension: Dimension, [title, description]: Pair): CriterionInput => ({ dimension, title, description, maxPoints: 10 });

/** What every type shares in organisation and workforce building. */
const shared = {
  organization: [
    ['班组组织健全', '有创建领导小组和班组长负责制，党、工、团组织作用发挥明显'],
    ['创建计划落实', '有年度创建计划、目标和台账，按计划推进并定期总结'],
  ] as Pair[],
  workforce: [
    ['职工素质提升', '开展岗位练兵、技能培训和技术比武，职工持证上岗率高'],
    ['团队精神风貌', '职工爱岗敬业、团结协作，一流团队要求在创建中体现'],
  ] as Pair[],
};

const specific: Record<PioneerType, { name: string; infrastructure: Pair[]; management: Pair[]; effectiveness: Pair[] }> = {
  modern_management: {
    name: '现代管理型工人先锋号考核标准',
    infrastructure: [
      ['现代管理意识', '树立现代管理意识，管理理念、目标和职责明确并公开'],
      ['管理制度完备', '具有严格的管理制度，制度上墙、执行有记录'],
    ],
    management: [
      ['科学的方法', '运用科学管理方法和信息化手段，流程规范、数据可追溯'],
      ['民主的决策', '重大事项民主决策，班务公开，职工参与管理'],
    ],
    effectiveness: [
      ['先进的措施', '管理措施先进，持续改进，效率和效益明显提升'],
      ['管理示范作用', '管理经验在本单位或行业推广，形成一流工作、一流业绩'],
    ],
  },
  tech_innovation: {
    name: '科技创新型工人先锋号考核标准',
    infrastructure: [
      ['科技体系完善', '具有完善的科技研发体系、创新平台和经费保障'],
      ['创新阵地建设', '建有创新工作室或技术攻关小组，设备和场地满足需要'],
    ],
    management: [
      ['创新发展战略', '有明确的创新发展战略和项目管理制度'],
      ['成果转化机制', '建立合理化建议、技术革新成果评审和激励机制'],
    ],
    effectiveness: [
      ['领先的科技产品', '具有领先的科技产品或工艺，技术水平在行业内领先'],
      ['自主知识产权', '拥有具备自主知识产权的核心技术，专利、标准等成果显著'],
    ],
  },
  safe_production: {
    name: '安全生产型工人先锋号考核标准',
    infrastructure: [
      ['安全生产制度', '建立并执行安全生产责任制和操作规程'],
      ['安全生产台账', '安全生产台账健全，隐患排查和整改记录完整'],
    ],
    management: [
      ['安全培训教育', '加强安全生产培训教育，人人掌握岗位安全知识和应急处置'],
      ['"安康杯"竞赛', '积极开展"安康杯"竞赛等群众性安全活动'],
    ],
    effectiveness: [
      ['无违章无隐患', '做到无违章作业、无安全隐患'],
      ['无事故', '考核期内无生产安全事故和职业病危害事件'],
    ],
  },
  quality_service: {
    name: '优质服务型工人先锋号考核标准',
    infrastructure: [
      ['服务承诺公开', '服务标准、承诺和监督渠道向社会公开'],
      ['服务设施规范', '服务场所、设施和标识规范便民'],
    ],
    management: [
      ['服务态度', '态度和蔼、热情周到，文明用语、规范服务'],
      ['服务效率', '办事快捷准确，投诉处理及时，有服务质量考核'],
    ],
    effectiveness: [
      ['服务对象满意', '服务对象满意率高，有测评或回访记录'],
      ['社会评价良好', '社会评价良好，获得表扬、锦旗或媒体正面报道'],
    ],
  },
  model_education: {
    name: '模范教育型工人先锋号考核标准',
    infrastructure: [
      ['教育规则科学', '教育教学规则科学，课程和考核标准健全'],
      ['教育计划实用', '教育计划切合岗位实际，内容实用、安排合理'],
    ],
    management: [
      ['授者为人师表', '授课者师德良好、业务精湛，为人师表'],
      ['教学过程管理', '教学过程有记录、有评估，持续改进'],
    ],
    effectiveness: [
      ['教育成果明显', '教育培训成果明显，可量化、可展示'],
      ['被授者成绩出色', '学员技能提升、竞赛获奖或晋级成绩出色'],
    ],
  },
};

export const DEFAULT_STANDARDS: { type: PioneerType; name: string; weights: Weights; criteria: CriterionInput[] }[] = (
  Object.keys(specific) as PioneerType[]
).map((type) => {
  const s = specific[type];
  return {
    type,
    name: s.name,
    weights: DEFAULT_WEIGHTS,
    criteria: [
      ...s.infrastructure.map((p) => c('infrastructure', p)),
      ...shared.organization.map((p) => c('organization', p)),
      ...shared.workforce.map((p) => c('workforce', p)),
      ...s.management.map((p) => c('management', p)),
      ...s.effectiveness.map((p) => c('effectiveness', p)),
    ],
  };
});

// ---------- the standards in use ----------

/** Standards with their criteria, by id. */
async function standardRows(tx: Tx, ids: number[]) {
  if (ids.length === 0) return [];
  const [standards, criteria] = await Promise.all([
    tx.selectFrom('pioneer_standards').selectAll().where('id', 'in', ids).orderBy('type').orderBy('id').execute(),
    tx.selectFrom('pioneer_criteria').selectAll().where('standard_id', 'in', ids).orderBy('standard_id').orderBy('position').execute(),
  ]);
  return standards.map((s) => ({
    id: s.id,
    orgId: s.org_id,
    type: s.type,
    version: s.version,
    name: s.name,
    weights: parseJson<Weights>(s.weights)!,
    createdAt: s.created_at,
    criteria: criteria
      .filter((c) => c.standard_id === s.id)
      .map((c) => ({ id: c.id, dimension: c.dimension, position: c.position, title: c.title, description: c.description, maxPoints: c.max_points })),
  }));
}

export type Standard = Awaited<ReturnType<typeof standardRows>>[number];

/** Per type, the newest version a campaign of `orgId` would freeze now: its own, else the built-in one. */
export async function currentStandardIds(tx: Tx, orgId: number | null): Promise<Map<PioneerType, number>> {
  const rows = await tx
    .selectFrom('pioneer_standards')
    .select(['id', 'type', 'org_id', 'version'])
    .where((eb) => (orgId === null ? eb('org_id', 'is', null) : eb.or([eb('org_id', 'is', null), eb('org_id', '=', orgId)])))
    .orderBy('version')
    .orderBy('id')
    .execute();
  const chosen = new Map<PioneerType, { id: number; own: boolean }>();
  for (const r of rows) {
    const own = r.org_id !== null;
    const prev = chosen.get(r.type);
    if (!prev || own || !prev.own) chosen.set(r.type, { id: r.id, own });
  }
  return new Map([...chosen].map(([type, v]) => [type, v.id]));
}

/** Per campaign, the standard of each type it froze when it opened: criteria and weights. */
export async function frozenStandardsOf(tx: Tx, campaignIds: number[]): Promise<Map<number, Map<PioneerType, Standard>>> {
  const links = campaignIds.length
    ? await tx.selectFrom('pioneer_campaign_standards').select(['campaign_id', 'type', 'standard_id']).where('campaign_id', 'in', campaignIds).execute()
    : [];
  const standards = new Map((await standardRows(tx, [...new Set(links.map((l) => l.standard_id))])).map((s) => [s.id, s]));
  const byCampaign = new Map<number, Map<PioneerType, Standard>>(campaignIds.map((id) => [id, new Map()]));
  for (const l of links) byCampaign.get(l.campaign_id)!.set(l.type, standards.get(l.standard_id)!);
  return byCampaign;
}

/** One campaign's frozen standard of one type. */
export async function frozenStandard(tx: Tx, campaignId: number, type: PioneerType): Promise<Standard> {
  return (await frozenStandardsOf(tx, [campaignId])).get(campaignId)!.get(type)!;
}

/** Only an active county federation opens campaigns and sets standards; `field` names it in the refusal. */
export async function requireFederation(tx: Tx, reader: Reader, orgId: number, field: string) {
  await requireOrgInScope(tx, reader.scope, orgId);
  const org = await tx.selectFrom('orgs').select(['kind', 'level', 'status', 'name']).where('id', '=', orgId).executeTakeFirstOrThrow();
  if (org.kind !== 'federation' || org.level !== 'county' || org.status !== 'active') throw fieldError(field, 'pioneer_federation_required');
  return org;
}

export async function listStandards(deps: Deps, caller: Caller, orgId: number | undefined) {
  if (orgId !== undefined) await requireOrgInScope(deps.db, caller.scope, orgId);
  const ids = await currentStandardIds(deps.db, orgId ?? null);
  const items = await standardRows(deps.db, [...ids.values()]);
  return { items, total: items.length };
}

export async function getStandard(deps: Deps, caller: Caller, standardId: number) {
  const row = await deps.db.selectFrom('pioneer_standards as s').select('s.id').where('s.id', '=', standardId).where(readableStandards(caller)).executeTakeFirst();
  if (!row) throw notFound('pioneer_standard');
  return (await standardRows(deps.db, [standardId]))[0];
}

/** A federation's new version of one type's standard, for campaigns it opens from now on. */
export async function createStandard(deps: Deps, caller: Caller, input: z.infer<typeof createStandardBody>) {
  refuseFields(checkStandard(input.weights, input.criteria));
  return deps.db.transaction().execute(async (tx) => {
    await requireFederation(tx, caller, input.orgId, 'orgId');
    const last = await tx
      .selectFrom('pioneer_standards')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('org_id', '=', input.orgId)
      .where('type', '=', input.type)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const { id } = await tx
      .insertInto('pioneer_standards')
      .values({ org_id: input.orgId, type: input.type, version, name: input.name, weights: JSON.stringify(input.weights), created_by: caller.user!.id, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('pioneer_criteria')
      .values(input.criteria.map((c, i) => ({ standard_id: id, dimension: c.dimension, position: i + 1, title: c.title, description: c.description, max_points: c.maxPoints })))
      .execute();
    const [view] = await standardRows(tx, [id]);
    await audit(tx, caller.actor, { action: 'pioneer_standard.create', entity: 'pioneer_standard', entityId: id, orgId: input.orgId, after: view });
    return view;
  });
}
