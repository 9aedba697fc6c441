import type { paths } from '../../api/schema';

/** Named shapes of the ratings API (server/modules/ratings), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type Rating = Items<Json<paths['/api/ratings']['get']['responses'][200]>>;
export type RatingDetail = Json<paths['/api/ratings/{id}']['get']['responses'][200]>;
export type RatingStats = Json<paths['/api/orgs/{id}/rating-stats']['get']['responses'][200]>;

export const ratingKeys = {
  all: ['ratings'] as const,
  list: ['ratings', 'list'] as const,
  rating: (id: number) => ['ratings', 'rating', id] as const,
  stats: (orgId: number) => ['ratings', 'stats', orgId] as const,
};

/** 五星级 / 模范职工之家: a rating's grade in words. */
export const gradeText = (r: Pick<Rating, 'stars' | 'homeGrade'>, t: (k: string, o?: Record<string, unknown>) => string) =>
  r.stars ? t('ratings.stars', { n: r.stars }) : r.homeGrade ? t(`ratings.homeGrade.${r.homeGrade}`) : '—';
