import { sql, type Expression, type SqlBool } from 'kysely';
import type { SessionUser } from '../../platform/context.ts';
import { holds, inAudience, inChainOf, inScope, writeScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees which articles, in one place, each a SQL filter:
 * - cadres (`article.read`, `article.write`): every article of the orgs in their scope, drafts,
 *   scheduled and withdrawn ones included — in the console only;
 * - members: the published articles that are public or published by a union of their membership's
 *   chain (their union and every union above it);
 * - anyone else, logged in or not: the published public ones.
 *
 * A scheduled article is published by its job at its instant (rules.ts); `published_at <= now`
 * stays in the filter as a safety net, so nothing shows early whatever set the status.
 */
export const readableByCadre = (scope: Scope): Expression<SqlBool> => inScope('articles.org_id', scope);

export const readableByReader = (memberOrgId: number | null, now: string): Expression<SqlBool> =>
  sql<SqlBool>`(articles.status = 'published' and articles.published_at <= ${now} and ${inAudience('articles.org_id', 'articles.is_public', memberOrgId)})`;

/** 1 where the caller may change the article — the filter the write routes apply over their article.write scope — else 0, as `writes`. */
export const writableByCadre = (user: SessionUser | null | undefined) => holds(readableByCadre(writeScope(user, 'article.write'))).as('writes');

// ---------- columns a union added ----------

/** The key `c<id>` of a row of article_columns, in SQL, to compare with `articles.column`. */
export const columnKeyOf = sql<string>`('c' || cast(article_columns.id as text))`;

/** The active columns an article of `orgId` may be filed under: those of the org and of the unions above it. */
export const usableColumnsOf = (orgId: number): Expression<SqlBool> => sql<SqlBool>`(article_columns.active = 1 and ${inChainOf('article_columns.org_id', orgId)})`;

/**
 * The custom columns a reader gets a tab for: the active ones of their membership's chain (a
 * union's members see its columns even before the first article), and any active column that
 * holds an article the reader may read — for a visitor or a worker without membership, those with
 * a public article. Empty columns of other unions are no business of theirs.
 */
export const columnsForReader = (memberOrgId: number | null, now: string): Expression<SqlBool> => {
  const holdsReadable = sql<SqlBool>`exists (select 1 from articles where articles.column = ${columnKeyOf} and ${readableByReader(memberOrgId, now)})`;
  const ofChain = memberOrgId === null ? sql<SqlBool>`1 = 0` : inChainOf('article_columns.org_id', memberOrgId);
  return sql<SqlBool>`(article_columns.active = 1 and (${ofChain} or ${holdsReadable}))`;
};

/**
 * The columns a cadre's console shows: those of the orgs in scope, which they manage, and those of
 * the unions above them, which their articles may use.
 */
export const columnsForCadre = (scope: Scope): Expression<SqlBool> => {
  if (scope.all || scope.roots.length === 0) return inScope('article_columns.org_id', scope);
  const above = sql<SqlBool>`exists (select 1 from org_closure where org_closure.ancestor_id = article_columns.org_id and org_closure.descendant_id in (${sql.join(scope.roots)}))`;
  return sql<SqlBool>`(${inScope('article_columns.org_id', scope)} or ${above})`;
};
