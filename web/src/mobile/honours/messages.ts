/** The portal's 工匠评审 messages: the `honours` namespace (see module.tsx). */
export const honoursZh = {
  marking: {
    title: '工匠评审',
    empty: '暂无需要您打分的工匠候选人',
    note: '每位候选人打 0–100 分；与您同一企业的候选人须回避，系统会拒绝。公示前可修改。',
    mark: '分数',
    save: '保存',
    saved: '已保存 {{name}} 的分数',
    marked: '已打分',
    todo: '待打分',
  },
};

export const honoursEn: typeof honoursZh = {
  marking: {
    title: 'Craftsman marking',
    empty: 'No candidates for you to mark',
    note: 'Mark each candidate 0–100; candidates of your own enterprise are refused (conflict of interest). Marks may change until publicity.',
    mark: 'Mark',
    save: 'Save',
    saved: 'Saved the mark of {{name}}',
    marked: 'Marked',
    todo: 'To mark',
  },
};
