import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { articlesRoutes } from './routes.ts';
import { articles } from './migrations/0010-articles.ts';
import { articlesColumnsAttachments } from './migrations/0015-articles-columns-attachments.ts';
import { PUBLISH_JOB, publishDue, publishScheduled } from './service.ts';

const permissions = {
  /** news and policies: writing, publishing, pinning and withdrawing articles */
  'article.read': ['cadre', 'viewer'],
  'article.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/**
 * News and policies (工会动态, 通知公告, 政策法规, 维权指南, and columns a union adds): articles with
 * drafts, scheduled publishing through a job, pinning, covers, attachments and read counts.
 */
export const articlesModule = defineModule({
  name: 'articles',
  routes: articlesRoutes,
  texts,
  permissions,
  migrations: { '0010-articles': articles, '0015-articles-columns-attachments': articlesColumnsAttachments },
  jobs: {
    // One per scheduled article and instant (service.ts schedulePublication).
    [PUBLISH_JOB]: { handler: async (data, deps) => publishScheduled(deps, Number(data.articleId), String(data.at)) },
    // The safety net: what is scheduled and due without its job (service.ts publishDue).
    'articles.publish-due': { handler: async (_data, deps) => void (await publishDue(deps)) },
  },
  schedules: { 'articles.publish-due': '*/15 * * * *' },
});
