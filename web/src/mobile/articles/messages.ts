/** The portal's 工会资讯 messages: the `articles` namespace (see module.tsx). */
export const articlesZh = {
  title: '工会资讯',
  all: '全部',
  column: { news: '工会动态', notice: '通知公告', policy: '政策法规', rights_guide: '维权指南' },
  empty: '这个栏目还没有文章',
  more: '加载更多',
  reads: '阅读 {{count}}',
  missing: '文章不存在或已撤回',
  home: { mine: '我的工会资讯' },
};

export const articlesEn: typeof articlesZh = {
  title: 'Union news',
  all: 'All',
  column: { news: 'Union news', notice: 'Notices', policy: 'Policies and laws', rights_guide: 'Rights guide' },
  empty: 'No articles in this column yet',
  more: 'Load more',
  reads: '{{count}} reads',
  missing: 'This article does not exist or has been withdrawn',
  home: { mine: 'News of my unions' },
};

export const articlesTilesZh = { news: articlesZh.title };
export const articlesTilesEn: typeof articlesTilesZh = { news: articlesEn.title };
