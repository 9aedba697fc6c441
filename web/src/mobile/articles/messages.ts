/** The portal's 工会资讯 messages: the `articles` namespace (see module.tsx). */
export const articlesZh = {
  title: '工会资讯',
  all: '全部',
  empty: '这个栏目还没有文章',
  more: '加载更多',
  reads: '阅读 {{count}}',
  missing: '文章不存在或已撤回',
  attachments: '附件',
  home: { mine: '我的工会资讯' },
};

export const articlesEn: typeof articlesZh = {
  title: 'Union news',
  all: 'All',
  empty: 'No articles in this column yet',
  more: 'Load more',
  reads: '{{count}} reads',
  missing: 'This article does not exist or has been withdrawn',
  attachments: 'Attachments',
  home: { mine: 'News of my unions' },
};
