import type { Kysely, Migration } from 'kysely';
import { withId } from './helpers.ts';

/**
 * Workers' Pioneer (工人先锋号): versioned assessment standards, campaigns with their candidates,
 * self-assessment evidence, judges' marks, objections, titles and what keeps them honest
 * (recommendations upward, inspections, revocations, rewards), and incidents recorded against
 * enterprises. The five built-in standards are seeded as the platform-wide version 1 (org_id null),
 * from the literals frozen at the end of this file.
 * `open_key` columns hold a value only while a row is open, so a unique index allows one open
 * recommendation per title on both engines.
 */
export const pioneer: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('pioneer_standards'))
      .addColumn('org_id', 'integer', (c) => c.references('orgs.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('weights', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_standards_org_type_idx').on('pioneer_standards').columns(['org_id', 'type', 'version']).execute();

    await withId(db, db.schema.createTable('pioneer_criteria'))
      .addColumn('standard_id', 'integer', (c) => c.notNull().references('pioneer_standards.id'))
      .addColumn('dimension', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('max_points', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_criteria_standard_idx').on('pioneer_criteria').columns(['standard_id', 'position']).execute();

    await withId(db, db.schema.createTable('pioneer_campaigns'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('registration_deadline', 'text', (c) => c.notNull())
      .addColumn('assessment_deadline', 'text', (c) => c.notNull())
      .addColumn('scoring_deadline', 'text', (c) => c.notNull())
      .addColumn('publicity_days', 'integer', (c) => c.notNull())
      .addColumn('publicity_start', 'text')
      .addColumn('publicity_end', 'text')
      .addColumn('quota', 'integer', (c) => c.notNull())
      .addColumn('scoring_method', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('named_on', 'text')
      .addColumn('document_no', 'text')
      .addColumn('cancel_reason', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_campaigns_org_idx').on('pioneer_campaigns').columns(['org_id', 'year']).execute();

    await db.schema
      .createTable('pioneer_campaign_standards')
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('pioneer_campaigns.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('standard_id', 'integer', (c) => c.notNull().references('pioneer_standards.id'))
      .addPrimaryKeyConstraint('pioneer_campaign_standards_pk', ['campaign_id', 'type'])
      .execute();

    await withId(db, db.schema.createTable('pioneer_candidates'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('pioneer_campaigns.id'))
      .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('worker_count', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('self_summary', 'text')
      .addColumn('self_scores', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('score', 'integer')
      .addColumn('rank', 'integer')
      .addColumn('award', 'text')
      .addColumn('registered_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('pioneer_candidates_team_unique', ['campaign_id', 'team_id'])
      .execute();
    await db.schema.createIndex('pioneer_candidates_org_idx').on('pioneer_candidates').columns(['org_id', 'campaign_id']).execute();

    await withId(db, db.schema.createTable('pioneer_evidence'))
      .addColumn('candidate_id', 'integer', (c) => c.notNull().references('pioneer_candidates.id'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull().unique())
      .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_evidence_candidate_idx').on('pioneer_evidence').column('candidate_id').execute();

    await withId(db, db.schema.createTable('pioneer_assignments'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('pioneer_campaigns.id'))
      .addColumn('candidate_id', 'integer', (c) => c.notNull().references('pioneer_candidates.id'))
      .addColumn('judge_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('assigned_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('pioneer_assignments_unique', ['candidate_id', 'judge_id'])
      .execute();
    await db.schema.createIndex('pioneer_assignments_judge_idx').on('pioneer_assignments').columns(['judge_id', 'campaign_id']).execute();

    await db.schema
      .createTable('pioneer_scores')
      .addColumn('assignment_id', 'integer', (c) => c.notNull().references('pioneer_assignments.id'))
      .addColumn('criterion_id', 'integer', (c) => c.notNull().references('pioneer_criteria.id'))
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('scored_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('pioneer_scores_pk', ['assignment_id', 'criterion_id'])
      .execute();

    await withId(db, db.schema.createTable('pioneer_objections'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('pioneer_campaigns.id'))
      .addColumn('candidate_id', 'integer', (c) => c.notNull().references('pioneer_candidates.id'))
      .addColumn('lodged_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text')
      .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
      .addColumn('resolved_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_objections_campaign_idx').on('pioneer_objections').columns(['campaign_id', 'status']).execute();

    await withId(db, db.schema.createTable('pioneer_titles'))
      .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('named_on', 'text')
      .addColumn('document_no', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('campaign_id', 'integer', (c) => c.references('pioneer_campaigns.id'))
      .addColumn('candidate_id', 'integer', (c) => c.references('pioneer_candidates.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('revoked_on', 'text')
      .addColumn('revocation_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_titles_org_idx').on('pioneer_titles').columns(['org_id', 'status']).execute();
    await db.schema.createIndex('pioneer_titles_team_idx').on('pioneer_titles').column('team_id').execute();
    await db.schema.createIndex('pioneer_titles_enterprise_idx').on('pioneer_titles').columns(['enterprise_id', 'status']).execute();

    await withId(db, db.schema.createTable('pioneer_recommendations'))
      .addColumn('title_id', 'integer', (c) => c.notNull().references('pioneer_titles.id'))
      .addColumn('to_level', 'text', (c) => c.notNull())
      .addColumn('recommended_on', 'text', (c) => c.notNull())
      .addColumn('recommended_by', 'integer', (c) => c.references('users.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text')
      .addColumn('document_no', 'text')
      .addColumn('result_title_id', 'integer', (c) => c.references('pioneer_titles.id'))
      .addColumn('open_key', 'integer', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_recommendations_title_idx').on('pioneer_recommendations').column('title_id').execute();

    await withId(db, db.schema.createTable('pioneer_inspections'))
      .addColumn('title_id', 'integer', (c) => c.notNull().references('pioneer_titles.id'))
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('result', 'text')
      .addColumn('notes', 'text')
      .addColumn('inspected_on', 'text')
      .addColumn('inspected_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_inspections_title_idx').on('pioneer_inspections').column('title_id').execute();

    await withId(db, db.schema.createTable('enterprise_incidents'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('enterprise_incidents_enterprise_idx').on('enterprise_incidents').columns(['enterprise_id', 'occurred_on']).execute();

    await withId(db, db.schema.createTable('pioneer_revocations'))
      .addColumn('title_id', 'integer', (c) => c.notNull().references('pioneer_titles.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('incident_id', 'integer', (c) => c.references('enterprise_incidents.id'))
      .addColumn('proposed_on', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text')
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_revocations_title_idx').on('pioneer_revocations').columns(['title_id', 'status']).execute();

    await withId(db, db.schema.createTable('pioneer_rewards'))
      .addColumn('title_id', 'integer', (c) => c.notNull().references('pioneer_titles.id'))
      .addColumn('awarded_on', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'integer')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pioneer_rewards_title_idx').on('pioneer_rewards').column('title_id').execute();

    const now = new Date().toISOString();
    for (const s of STANDARDS_0003) {
      const { id } = await db
        .insertInto('pioneer_standards')
        .values({ org_id: null, type: s.type, version: 1, name: s.name, weights: JSON.stringify(s.weights), created_by: null, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('pioneer_criteria')
        .values(s.criteria.map((c, i) => ({ standard_id: id, dimension: c.dimension, position: i + 1, title: c.title, description: c.description, max_points: c.maxPoints })))
        .execute();
    }
  },
};

/**
 * The five built-in standards exactly as this migration has always seeded them, frozen as literals
 * (copied from the values of server/modules/pioneer/standards.ts when it shipped): a migration must
 * seed the same rows forever, however the module's defaults change later. Never edit them; change
 * the standards in a new migration.
 */
interface FrozenStandard {
  type: string;
  name: string;
  /** Serialised with JSON.stringify in this key order. */
  weights: { infrastructure: number; organization: number; workforce: number; management: number; effectiveness: number };
  criteria: { dimension: string; title: string; description: string; maxPoints: number }[];
}

const STANDARDS_0003: readonly FrozenStandard[] = [
  {
    type: 'modern_management',
    name: '现代管理型工人先锋号考核标准',
    weights: { infrastructure: 15, organization: 15, workforce: 20, management: 20, effectiveness: 30 },
    criteria: [
      { dimension: 'infrastructure', title: '现代管理意识', description: '树立现代管理意识，管理理念、目标和职责明确并公开', maxPoints: 10 },
      { dimension: 'infrastructure', title: '管理制度完备', description: '具有严格的管理制度，制度上墙、执行有记录', maxPoints: 10 },
      { dimension: 'organization', title: '班组组织健全', description: '有创建领导小组和班组长负责制，党、工、团组织作用发挥明显', maxPoints: 10 },
      { dimension: 'organization', title: '创建计划落实', description: '有年度创建计划、目标和台账，按计划推进并定期总结', maxPoints: 10 },
      { dimension: 'workforce', title: '职工素质提升', description: '开展岗位练兵、技能培训和技术比武，职工持证上岗率高', maxPoints: 10 },
      { dimension: 'workforce', title: '团队精神风貌', description: '职工爱岗敬业、团结协作，一流团队要求在创建中体现', maxPoints: 10 },
      { dimension: 'management', title: '科学的方法', description: '运用科学管理方法和信息化手段，流程规范、数据可追溯', maxPoints: 10 },
      { dimension: 'management', title: '民主的决策', description: '重大事项民主决策，班务公开，职工参与管理', maxPoints: 10 },
      { dimension: 'effectiveness', title: '先进的措施', description: '管理措施先进，持续改进，效率和效益明显提升', maxPoints: 10 },
      { dimension: 'effectiveness', title: '管理示范作用', description: '管理经验在本单位或行业推广，形成一流工作、一流业绩', maxPoints: 10 },
    ],
  },
  {
    type: 'tech_innovation',
    name: '科技创新型工人先锋号考核标准',
    weights: { infrastructure: 15, organization: 15, workforce: 20, management: 20, effectiveness: 30 },
    criteria: [
      { dimension: 'infrastructure', title: '科技体系完善', description: '具有完善的科技研发体系、创新平台和经费保障', maxPoints: 10 },
      { dimension: 'infrastructure', title: '创新阵地建设', description: '建有创新工作室或技术攻关小组，设备和场地满足需要', maxPoints: 10 },
      { dimension: 'organization', title: '班组组织健全', description: '有创建领导小组和班组长负责制，党、工、团组织作用发挥明显', maxPoints: 10 },
      { dimension: 'organization', title: '创建计划落实', description: '有年度创建计划、目标和台账，按计划推进并定期总结', maxPoints: 10 },
      { dimension: 'workforce', title: '职工素质提升', description: '开展岗位练兵、技能培训和技术比武，职工持证上岗率高', maxPoints: 10 },
      { dimension: 'workforce', title: '团队精神风貌', description: '职工爱岗敬业、团结协作，一流团队要求在创建中体现', maxPoints: 10 },
      { dimension: 'management', title: '创新发展战略', description: '有明确的创新发展战略和项目管理制度', maxPoints: 10 },
      { dimension: 'management', title: '成果转化机制', description: '建立合理化建议、技术革新成果评审和激励机制', maxPoints: 10 },
      { dimension: 'effectiveness', title: '领先的科技产品', description: '具有领先的科技产品或工艺，技术水平在行业内领先', maxPoints: 10 },
      { dimension: 'effectiveness', title: '自主知识产权', description: '拥有具备自主知识产权的核心技术，专利、标准等成果显著', maxPoints: 10 },
    ],
  },
  {
    type: 'safe_production',
    name: '安全生产型工人先锋号考核标准',
    weights: { infrastructure: 15, organization: 15, workforce: 20, management: 20, effectiveness: 30 },
    criteria: [
      { dimension: 'infrastructure', title: '安全生产制度', description: '建立并执行安全生产责任制和操作规程', maxPoints: 10 },
      { dimension: 'infrastructure', title: '安全生产台账', description: '安全生产台账健全，隐患排查和整改记录完整', maxPoints: 10 },
      { dimension: 'organization', title: '班组组织健全', description: '有创建领导小组和班组长负责制，党、工、团组织作用发挥明显', maxPoints: 10 },
      { dimension: 'organization', title: '创建计划落实', description: '有年度创建计划、目标和台账，按计划推进并定期总结', maxPoints: 10 },
      { dimension: 'workforce', title: '职工素质提升', description: '开展岗位练兵、技能培训和技术比武，职工持证上岗率高', maxPoints: 10 },
      { dimension: 'workforce', title: '团队精神风貌', description: '职工爱岗敬业、团结协作，一流团队要求在创建中体现', maxPoints: 10 },
      { dimension: 'management', title: '安全培训教育', description: '加强安全生产培训教育，人人掌握岗位安全知识和应急处置', maxPoints: 10 },
      { dimension: 'management', title: '"安康杯"竞赛', description: '积极开展"安康杯"竞赛等群众性安全活动', maxPoints: 10 },
      { dimension: 'effectiveness', title: '无违章无隐患', description: '做到无违章作业、无安全隐患', maxPoints: 10 },
      { dimension: 'effectiveness', title: '无事故', description: '考核期内无生产安全事故和职业病危害事件', maxPoints: 10 },
    ],
  },
  {
    type: 'quality_service',
    name: '优质服务型工人先锋号考核标准',
    weights: { infrastructure: 15, organization: 15, workforce: 20, management: 20, effectiveness: 30 },
    criteria: [
      { dimension: 'infrastructure', title: '服务承诺公开', description: '服务标准、承诺和监督渠道向社会公开', maxPoints: 10 },
      { dimension: 'infrastructure', title: '服务设施规范', description: '服务场所、设施和标识规范便民', maxPoints: 10 },
      { dimension: 'organization', title: '班组组织健全', description: '有创建领导小组和班组长负责制，党、工、团组织作用发挥明显', maxPoints: 10 },
      { dimension: 'organization', title: '创建计划落实', description: '有年度创建计划、目标和台账，按计划推进并定期总结', maxPoints: 10 },
      { dimension: 'workforce', title: '职工素质提升', description: '开展岗位练兵、技能培训和技术比武，职工持证上岗率高', maxPoints: 10 },
      { dimension: 'workforce', title: '团队精神风貌', description: '职工爱岗敬业、团结协作，一流团队要求在创建中体现', maxPoints: 10 },
      { dimension: 'management', title: '服务态度', description: '态度和蔼、热情周到，文明用语、规范服务', maxPoints: 10 },
      { dimension: 'management', title: '服务效率', description: '办事快捷准确，投诉处理及时，有服务质量考核', maxPoints: 10 },
      { dimension: 'effectiveness', title: '服务对象满意', description: '服务对象满意率高，有测评或回访记录', maxPoints: 10 },
      { dimension: 'effectiveness', title: '社会评价良好', description: '社会评价良好，获得表扬、锦旗或媒体正面报道', maxPoints: 10 },
    ],
  },
  {
    type: 'model_education',
    name: '模范教育型工人先锋号考核标准',
    weights: { infrastructure: 15, organization: 15, workforce: 20, management: 20, effectiveness: 30 },
    criteria: [
      { dimension: 'infrastructure', title: '教育规则科学', description: '教育教学规则科学，课程和考核标准健全', maxPoints: 10 },
      { dimension: 'infrastructure', title: '教育计划实用', description: '教育计划切合岗位实际，内容实用、安排合理', maxPoints: 10 },
      { dimension: 'organization', title: '班组组织健全', description: '有创建领导小组和班组长负责制，党、工、团组织作用发挥明显', maxPoints: 10 },
      { dimension: 'organization', title: '创建计划落实', description: '有年度创建计划、目标和台账，按计划推进并定期总结', maxPoints: 10 },
      { dimension: 'workforce', title: '职工素质提升', description: '开展岗位练兵、技能培训和技术比武，职工持证上岗率高', maxPoints: 10 },
      { dimension: 'workforce', title: '团队精神风貌', description: '职工爱岗敬业、团结协作，一流团队要求在创建中体现', maxPoints: 10 },
      { dimension: 'management', title: '授者为人师表', description: '授课者师德良好、业务精湛，为人师表', maxPoints: 10 },
      { dimension: 'management', title: '教学过程管理', description: '教学过程有记录、有评估，持续改进', maxPoints: 10 },
      { dimension: 'effectiveness', title: '教育成果明显', description: '教育培训成果明显，可量化、可展示', maxPoints: 10 },
      { dimension: 'effectiveness', title: '被授者成绩出色', description: '学员技能提升、竞赛获奖或晋级成绩出色', maxPoints: 10 },
    ],
  },
];
