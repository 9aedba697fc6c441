import type { paths } from '../../api/schema';

/** Named shapes of the readers' articles API (server/modules/articles), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type ArticleItem = Items<Json<paths['/api/articles']['get']['responses'][200]>>;
export type Article = Json<paths['/api/articles/{id}']['get']['responses'][200]>;
export type ArticleColumn = ArticleItem['column'];
export type ColumnTab = Json<paths['/api/articles/columns']['get']['responses'][200]>['items'][number];
