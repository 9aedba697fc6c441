import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { articlesRoutes } from './routes.ts';
import { articles } from './migrations/0010-articles.ts';

const permissions = {
  /** news and policies: writing, publishing, pinning and withdrawing articles */
  'article.read': ['cadre', 'viewer'],
  'article.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** News and policies (工会动态, 通知公告, 政策法规, 维权指南): articles with drafts, scheduling, pinning and read counts. */
export const articlesModule = defineModule({ name: 'articles', routes: articlesRoutes, texts, permissions, migrations: { '0010-articles': articles } });
