/** The console's 工作台 texts: the `workbench` namespace (the to-do labels come from each module's `todos`). */
export const workbenchZh = {
  greeting: '{{name}}，您好',
  scope: '管辖范围：{{orgs}}',
  todos: '待办事项',
  noTodos: '当前没有待办事项',
  overdue: '超期 {{count}}',
  handle: '去处理',
  nothing: '已处理完',
  notices: '最新通知',
  viewAll: '查看全部',
  figures: '关键数据',
  figure: { members: '会员总数', unions: '基层和联合工会', enterprises: '企业', enterprisesWithoutUnion: '未建会企业' },
  figuresOf: '{{org}} 全辖范围',
};

export const workbenchEn: typeof workbenchZh = {
  greeting: 'Hello, {{name}}',
  scope: 'Your scope: {{orgs}}',
  todos: 'To-dos',
  noTodos: 'Nothing waits for you',
  overdue: '{{count}} overdue',
  handle: 'Open',
  nothing: 'All done',
  notices: 'Latest notifications',
  viewAll: 'View all',
  figures: 'Key figures',
  figure: { members: 'Members', unions: 'Grassroots and joint unions', enterprises: 'Enterprises', enterprisesWithoutUnion: 'Enterprises without a union' },
  figuresOf: '{{org}} and everything under it',
};

export const workbenchMenuZh = { workbench: '工作台' };
export const workbenchMenuEn: typeof workbenchMenuZh = { workbench: 'Workbench' };
