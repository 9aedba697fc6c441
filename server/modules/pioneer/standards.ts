import type { CriterionInput, Dimension, PioneerType, Weights } from './rules.ts';

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
