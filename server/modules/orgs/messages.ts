import type { Catalog, ModuleTexts, Texts } from '../../platform/i18n.ts';

/**
 * The orgs module's texts in Chinese and English: its problem codes (`messages`), the messages of
 * its field rules (`rules`), labels of its entities and values used inside messages (`labels`)
 * and the names of its request fields (`fields`). Registered with the platform's i18n through the
 * module definition; the declarations below make its codes known to `AppError` and `fieldError`.
 */
export const messages = {
  uscc_taken: { zh: '该统一社会信用代码已登记', en: 'An enterprise with this credit code already exists' },
  org_parent_kind: { zh: '{kind}不能设在{parentKind}之下', en: 'A {kind} cannot be placed under a {parentKind}' },
  org_root_kind: { zh: '只有县级总工会可以作为顶级组织', en: 'Only a county federation can be a top-level organisation' },
  org_parent_closed: { zh: '上级组织已撤销，不能在其下操作', en: 'The parent organisation is closed' },
  org_move_into_self: { zh: '不能把组织移动到它自己或它的下级组织之下', en: 'An organisation cannot be moved under itself or its own subtree' },
  org_move_root: { zh: '顶级组织不能移动', en: 'A top-level organisation cannot be moved' },
  org_has_open_children: { zh: '该组织还有 {count} 个未撤销的下级组织，请先撤销或移走', en: 'This organisation still has {count} open sub-organisations; close or move them first' },
  org_has_enterprises: { zh: '该组织还覆盖 {count} 家企业，请先将企业转到其他组织', en: 'This organisation still covers {count} enterprises; move them to another organisation first' },
  org_name_taken: { zh: '同一上级下已有同名组织', en: 'An organisation with this name already exists under the same parent' },
  team_name_taken: { zh: '该企业下已有同名班组', en: 'A team with this name already exists in this enterprise' },
  org_closed: { zh: '该组织已撤销', en: 'This organisation is closed' },
  team_closed: { zh: '该班组已撤销', en: 'This team is closed' },
  enterprise_closed: { zh: '该企业已注销', en: 'This enterprise is closed' },
} as const satisfies Texts;

export const rules = {
  level_required: { zh: '总工会须选择级别（县级、街道或乡镇）', en: 'A federation needs a level (county, street or town)' },
  basis_required: { zh: '联合工会须选择联合方式（楼宇、区域、行业、小镇）', en: 'A joint union needs a basis (building, area, industry, town)' },
} as const satisfies Texts;

export const labels = {
  org: { zh: '组织', en: 'organisation' },
  enterprise: { zh: '企业', en: 'enterprise' },
  team: { zh: '班组', en: 'team' },
  federation: { zh: '总工会', en: 'federation' },
  joint_union: { zh: '联合工会', en: 'joint union' },
  grassroots_union: { zh: '基层工会', en: 'grassroots union' },
  branch: { zh: '分会', en: 'branch' },
  county: { zh: '县级总工会', en: 'county federation' },
  street: { zh: '街道总工会', en: 'street federation' },
  town: { zh: '乡镇总工会', en: 'town federation' },
} satisfies Texts;

/** The Excel exports' list names, column headers and values (platform/exports.ts); kinds and levels are `labels`. */
export const exportTexts = {
  orgs: { zh: '工会组织', en: 'Organisations' },
  enterprises: { zh: '企业', en: 'Enterprises' },
  name: { zh: '名称', en: 'Name' },
  kind: { zh: '类型', en: 'Kind' },
  level: { zh: '级别', en: 'Level' },
  basis: { zh: '联合方式', en: 'Basis' },
  parent: { zh: '上级组织', en: 'Parent organisation' },
  region: { zh: '所在地', en: 'Place' },
  status: { zh: '状态', en: 'Status' },
  childCount: { zh: '下级组织数', en: 'Sub-organisations' },
  enterpriseCount: { zh: '覆盖企业数', en: 'Enterprises covered' },
  createdAt: { zh: '创建时间', en: 'Created at' },
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  industry: { zh: '行业', en: 'Industry' },
  foundedOn: { zh: '成立日期', en: 'Founding date' },
  newEconomy: { zh: '两新组织', en: 'New-economy organisation' },
  coveringOrg: { zh: '所属组织', en: 'Covered by' },
  hasUnion: { zh: '已建会', en: 'Has a union' },
  needsUnion: { zh: '应建会', en: 'Should set up a union' },
  teamCount: { zh: '班组数', en: 'Teams' },
  yes: { zh: '是', en: 'Yes' },
  active: { zh: '正常', en: 'Active' },
  closed: { zh: '已撤销', en: 'Closed' },
  building: { zh: '楼宇', en: 'building' },
  area: { zh: '区域', en: 'area' },
  town: { zh: '小镇', en: 'town' },
  industryBasis: { zh: '行业', en: 'industry' },
} satisfies Texts;

export const fields = {
  level: { zh: '级别', en: 'Level' },
  basis: { zh: '联合方式', en: 'Basis' },
  parentId: { zh: '上级组织', en: 'Parent organisation' },
  region: { zh: '所在地', en: 'Place' },
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  industry: { zh: '行业', en: 'Industry' },
  foundedOn: { zh: '成立日期', en: 'Founding date' },
  employees: { zh: '职工人数', en: 'Employees' },
  newEconomy: { zh: '两新组织', en: 'New-economy organisation' },
  enterpriseId: { zh: '所属企业', en: 'Enterprise' },
  teamName: { zh: '班组名称', en: 'Team name' },
} satisfies Texts;

/** Labels of the actions this module writes to the audit log: the log shows and filters by them. */
export const actions = {
  'org.create': { zh: '新建组织', en: 'Create organisation' },
  'org.update': { zh: '修改组织', en: 'Change organisation' },
  'org.move': { zh: '移动组织', en: 'Move organisation' },
  'org.close': { zh: '撤销组织', en: 'Close organisation' },
  'enterprise.create': { zh: '登记企业', en: 'Register enterprise' },
  'enterprise.update': { zh: '修改企业', en: 'Change enterprise' },
  'enterprise.close': { zh: '注销企业', en: 'Close enterprise' },
  'team.create': { zh: '新建班组', en: 'Create team' },
  'team.update': { zh: '修改班组', en: 'Change team' },
  'team.close': { zh: '撤销班组', en: 'Close team' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, actions };
