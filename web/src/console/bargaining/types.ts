import type { paths } from '../../api/schema';

/** Named shapes of the bargaining API (server/modules/bargaining), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type Round = Items<Json<paths['/api/bargaining']['get']['responses'][200]>>;
export type RoundDetail = Json<paths['/api/bargaining/{id}']['get']['responses'][200]>;
export type Representative = RoundDetail['representatives'][number];
export type TimelineEntry = RoundDetail['timeline'][number];
export type Draft = RoundDetail['drafts'][number];
export type Topic = Draft['clauses'][number]['topic'];
export type AdoptionResult = Json<paths['/api/bargaining/{id}/adoption']['post']['responses'][200]>;

export const bargainingKeys = {
  all: ['bargaining'] as const,
  list: ['bargaining', 'list'] as const,
  round: (id: number) => ['bargaining', 'round', id] as const,
};
