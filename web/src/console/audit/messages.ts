/** The console's 审计日志 messages: the `audit` namespace (see module.tsx). */
export const auditZh = {
  filterOrg: '组织',
  filterAction: '操作',
  filterEntity: '对象',
  filterRange: '时间',
  empty: '没有符合条件的记录',
  field: { at: '时间', actor: '操作人', action: '操作', entity: '对象', org: '组织', ip: 'IP 地址' },
  before: '修改前',
  after: '修改后',
  none: '（无）',
  yes: '是',
  no: '否',
  system: '系统',
  entity: {
    org: '组织',
    enterprise: '企业',
    team: '班组',
    user: '用户',
    role_grant: '角色授权',
    member: '会员',
    join_application: '入会申请',
    transfer: '会员关系接转',
  },
  fieldName: '字段',
  allActions: '全部操作',
};

export const auditEn: typeof auditZh = {
  filterOrg: 'Organisation',
  filterAction: 'Action',
  filterEntity: 'Entity',
  filterRange: 'Time',
  empty: 'No matching entries',
  field: { at: 'Time', actor: 'By', action: 'Action', entity: 'Entity', org: 'Organisation', ip: 'IP address' },
  before: 'Before',
  after: 'After',
  none: '(none)',
  yes: 'Yes',
  no: 'No',
  system: 'System',
  entity: {
    org: 'Organisation',
    enterprise: 'Enterprise',
    team: 'Team',
    user: 'User',
    role_grant: 'Role grant',
    member: 'Member',
    join_application: 'Join application',
    transfer: 'Transfer',
  },
  fieldName: 'Field',
  allActions: 'All actions',
};

/** Label of the 审计日志 page (layout.menu.audit). */
export const auditMenuZh = { audit: '审计日志' };

export const auditMenuEn: typeof auditMenuZh = { audit: 'Audit log' };
