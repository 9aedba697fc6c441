/** Names of the domain's fixed values (GLOSSARY.md), shared by the console and the member portal. */
export const commonZh = {
  product: '工会 · 智慧工会平台',
  orgKind: {
    federation: '总工会',
    joint_union: '联合工会',
    grassroots_union: '基层工会',
    branch: '分会',
  },
  level: { county: '县级总工会', street: '街道总工会' },
  levelShort: { county: '县级', street: '街道（乡镇）' },
  basis: { building: '楼宇', area: '区域', industry: '行业', town: '小镇' },
  jointUnion: '联合工会（{{basis}}）',
  role: { admin: '平台管理员', cadre: '工会干部', viewer: '只读查看', judge: '评委', member: '会员' },
  status: { active: '正常', closed: '已撤销' },
  language: { zh: '中文', en: 'English' },
};

export const commonEn: typeof commonZh = {
  product: 'Gonghui · Smart Trade Union',
  orgKind: {
    federation: 'Federation',
    joint_union: 'Joint union',
    grassroots_union: 'Grassroots union',
    branch: 'Branch',
  },
  level: { county: 'County federation', street: 'Street federation' },
  levelShort: { county: 'County', street: 'Street / town' },
  basis: { building: 'building', area: 'area', industry: 'industry', town: 'town' },
  jointUnion: 'Joint union ({{basis}})',
  role: { admin: 'Platform admin', cadre: 'Union cadre', viewer: 'Read-only', judge: 'Judge', member: 'Member' },
  status: { active: 'Active', closed: 'Closed' },
  language: { zh: '中文', en: 'English' },
};
