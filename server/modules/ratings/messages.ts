import type { Catalog, ModuleTexts, Texts } from '../../platform/i18n.ts';

/** The ratings module's texts in Chinese and English (see contests/messages.ts for the kinds). */
export const messages = {
  rating_weights_sum: { zh: '各维度权重之和须为 100，现为 {sum}', en: 'The weights must sum to 100; they sum to {sum}' },
  rating_dimension_twice: { zh: '同一考核维度只能出现一次', en: 'Each dimension appears once' },
  rating_band_grade: { zh: '分档等级与评定类别不符', en: 'A band’s grade does not fit this kind of rating' },
  rating_wrong_step: { zh: '评定当前处于“{status}”阶段，不能进行此操作', en: 'The rating is at step "{status}"; this is not possible now' },
  rating_below_bands: { zh: '复核得分未达到任何等级，不能公示', en: 'The reviewed score reaches no grade; it cannot go to publicity' },
  rating_publicity_running: { zh: '公示期至 {lastDay} 结束，之后方可命名', en: 'Publicity runs until {lastDay}; naming comes after it' },
  rating_not_reviewer: { zh: '评定由上级工会复核，本级不能复核自己', en: 'The union above reviews a rating; a union cannot review its own' },
} as const satisfies Texts;

export const rules = {
  rating_score_range: { zh: '须为该维度的分值 0–{max}，且每个维度只评一次', en: 'Must be 0–{max} for this dimension, each dimension once' },
  rating_dimension_missing: { zh: '缺少维度：{dimensions}', en: 'Missing dimensions: {dimensions}' },
} as const satisfies Texts;

export const labels = {
  rating: { zh: '星级评定', en: 'rating' },
  rating_scorecard: { zh: '评分标准', en: 'scorecard' },
} satisfies Texts;

export const fields = {
  selfScores: { zh: '自评得分', en: 'Self-assessment' },
  scores: { zh: '评分', en: 'Scores' },
  evidence: { zh: '佐证材料', en: 'Evidence' },
  starRating: { zh: '星级工会评分标准', en: 'Star rating scorecard' },
  workersHomeRating: { zh: '职工之家评分标准', en: 'Workers’ Home scorecard' },
} satisfies Texts;

export const exportTexts = {
  ratings: { zh: '星级评定', en: 'Ratings' },
  org: { zh: '工会', en: 'Union' },
  kind: { zh: '类别', en: 'Kind' },
  level: { zh: '级别', en: 'Level' },
  year: { zh: '年度', en: 'Year' },
  status: { zh: '状态', en: 'Status' },
  score: { zh: '得分', en: 'Score' },
  grade: { zh: '等级', en: 'Grade' },
  validUntil: { zh: '有效期至', en: 'Valid until' },
  star_rating: { zh: '星级工会', en: 'Star rating' },
  workers_home_rating: { zh: '职工之家', en: 'Workers’ Home' },
  county: { zh: '县级', en: 'County' },
  city: { zh: '市级', en: 'City' },
  province: { zh: '省级', en: 'Provincial' },
  national: { zh: '全国', en: 'National' },
  self_assessed: { zh: '已自评', en: 'Self-assessed' },
  reviewed: { zh: '已复核', en: 'Reviewed' },
  publicity: { zh: '公示中', en: 'In publicity' },
  named: { zh: '已命名', en: 'Named' },
  not_named: { zh: '未命名', en: 'Not named' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  model: { zh: '模范职工之家', en: 'Model Workers’ Home' },
  advanced: { zh: '先进职工之家', en: 'Advanced Workers’ Home' },
  stars: { zh: '星', en: ' stars' },
} satisfies Texts;

/** Labels of the actions this module writes to the audit log. */
export const actions = {
  'rating_scorecard.update': { zh: '修改评分标准', en: 'Change scorecard' },
  'rating.create': { zh: '提交自评', en: 'Submit self-assessment' },
  'rating.review': { zh: '上级复核', en: 'Review rating' },
  'rating.publicize': { zh: '评定结果公示', en: 'Publicize rating' },
  'rating.name': { zh: '命名', en: 'Name rating' },
  'rating.recheck': { zh: '复查', en: 'Re-check rating' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, actions };
