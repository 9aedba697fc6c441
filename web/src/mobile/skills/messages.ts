/** The portal's 我的技能等级 messages: the `skills` namespace (see module.tsx). */
export const skillsZh = {
  title: '我的技能等级',
  intro: '工会登记的职业技能等级证书',
  empty: '还没有登记的技能等级证书',
  emptyHint: '取得证书后，可请所在工会登记',
  level: { 1: '一级/高级技师', 2: '二级/技师', 3: '三级/高级工', 4: '四级/中级工', 5: '五级/初级工' },
  issuerKind: { enterprise: '企业自主评价', agency: '评价机构' },
  certificateNo: '证书编号',
  issuedOn: '发证日期',
  issuer: '评价机构',
  homeHighest: '最高等级',
  homeCount: '共 {{count}} 本证书',
};

export const skillsEn: typeof skillsZh = {
  title: 'My skill levels',
  intro: 'Vocational skill-level certificates on record with your union',
  empty: 'No skill-level certificates on record yet',
  emptyHint: 'Once you hold one, ask your union to record it',
  level: { 1: 'L1 senior technician', 2: 'L2 technician', 3: 'L3 senior worker', 4: 'L4 intermediate worker', 5: 'L5 junior worker' },
  issuerKind: { enterprise: 'Employer’s evaluation', agency: 'Evaluation organisation' },
  certificateNo: 'Certificate number',
  issuedOn: 'Issued on',
  issuer: 'Evaluating body',
  homeHighest: 'Highest level',
  homeCount: '{{count}} certificates',
};
