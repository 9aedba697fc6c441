/** The portal's 评审打分 messages: the `pioneer` namespace (see module.tsx). */
export const pioneerZh = {
  judging: {
    title: '评审打分',
    empty: '暂无分配给您的评审任务',
    deadline: '评审截止 {{date}}',
    progress: '已评 {{given}} / {{total}} 项',
    complete: '已完成',
    todo: '待打分',
    closed: '评审未开放',
    open: '打分',
  },
  scoring: {
    summary: '创建工作总结',
    noSummary: '未填写',
    evidence: '佐证材料',
    noEvidence: '无',
    weight: '权重 {{weight}}',
    maxPoints: '满分 {{points}} 分',
    total: '预计总分',
    totalNote: '各维度得分率乘以权重后相加，满分 100',
    submit: '提交评分',
    missing: '还有 {{count}} 项未打分：{{items}}',
    saved: '评分已提交',
    readOnly: '活动当前不在评审阶段，评分只能查看',
  },
};

export const pioneerEn: typeof pioneerZh = {
  judging: {
    title: 'Judging',
    empty: 'No assignments for you',
    deadline: 'Scoring closes {{date}}',
    progress: '{{given}} / {{total}} marked',
    complete: 'Complete',
    todo: 'To score',
    closed: 'Scoring not open',
    open: 'Score',
  },
  scoring: {
    summary: 'Summary',
    noSummary: 'None given',
    evidence: 'Evidence',
    noEvidence: 'None',
    weight: 'weight {{weight}}',
    maxPoints: 'out of {{points}}',
    total: 'Expected total',
    totalNote: 'Each dimension’s share of its points times its weight, out of 100',
    submit: 'Submit scores',
    missing: '{{count}} criteria not marked yet: {{items}}',
    saved: 'Scores submitted',
    readOnly: 'The campaign is not in scoring; the scores are read-only',
  },
};
