import { sql, type Expression, type SqlBool } from 'kysely';
import type { SessionUser } from '../../platform/context.ts';
import { holds, inAudience, inScope, writeScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees which articles, in one place, each a SQL filter:
 * - cadres (`article.read`, `article.write`): every article of the orgs in their scope, drafts,
 *   scheduled and withdrawn ones included — in the console only;
 * - members: the published articles whose time has come that are public or published by a union of
 *   their membership's chain (their union and every union above it);
 * - anyone else, logged in or not: the published public ones whose time has come.
 *
 * "Whose time has come" is `published_at <= now`: a scheduled article appears by this filter alone
 * when its instant passes — there is no job to run.
 */
export const readableByCadre = (scope: Scope): Expression<SqlBool> => inScope('articles.org_id', scope);

export const readableByReader = (memberOrgId: number | null, now: string): Expression<SqlBool> =>
  sql<SqlBool>`(articles.status = 'published' and articles.published_at <= ${now} and ${inAudience('articles.org_id', 'articles.is_public', memberOrgId)})`;

/** 1 where the caller may change the article — the filter the write routes apply over their article.write scope — else 0, as `writes`. */
export const writableByCadre = (user: SessionUser | null | undefined) => holds(readableByCadre(writeScope(user, 'article.write'))).as('writes');
