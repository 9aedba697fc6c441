import type { paths } from '../../api/schema';

/** Named shapes of the articles API (server/modules/articles), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;
type Body<T> = T extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type ManagedArticle = Items<Json<paths['/api/articles/manage']['get']['responses'][200]>>;
export type ArticleDetail = Json<paths['/api/articles/manage/{id}']['get']['responses'][200]>;
export type ArticleColumn = ManagedArticle['column'];
export type ArticleState = ManagedArticle['status'];
export type CreateArticleBody = Body<paths['/api/articles']['post']>;
export type UpdateArticleBody = Body<paths['/api/articles/{id}']['patch']>;
export type Attachment = ArticleDetail['attachments'][number];
export type ManagedColumn = Items<Json<paths['/api/articles/columns/manage']['get']['responses'][200]>>;

/** The columns every union has; a union's own (`c<id>`) come from /api/articles/columns/manage. */
export const articleColumns: ArticleColumn[] = ['news', 'notice', 'policy', 'rights_guide'];
export const articleStates: ArticleState[] = ['draft', 'scheduled', 'published', 'withdrawn'];

/** Query keys: every change invalidates `all`, so the list and an open article agree. */
export const articleKeys = {
  all: ['articles'] as const,
  list: ['articles', 'list'] as const,
  one: (id: number) => ['articles', 'one', id] as const,
  columns: ['articles', 'columns'] as const,
};
