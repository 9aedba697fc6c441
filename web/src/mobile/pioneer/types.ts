import type { paths } from '../../api/schema';

/** The judge's side of the Workers' Pioneer API (server/modules/pioneer/schema.ts), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type Assignment = Items<Json<paths['/api/pioneer/my-assignments']['get']['responses'][200]>>;
export type Criterion = Assignment['criteria'][number];
export type Dimension = Criterion['dimension'];

export const dimensions: readonly Dimension[] = ['infrastructure', 'organization', 'workforce', 'management', 'effectiveness'];
