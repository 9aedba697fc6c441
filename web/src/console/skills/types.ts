import type { paths } from '../../api/schema';

/** Named shapes of the skills API (server/modules/skills), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type SkillRecord = Items<Json<paths['/api/skill-levels']['get']['responses'][200]>>;
export type SkillStats = Json<paths['/api/orgs/{id}/skill-stats']['get']['responses'][200]>;
export type IssuerKind = SkillRecord['issuerKind'];

/** Levels from the highest (1 一级/高级技师) to the entry level (5 五级/初级工). */
export const skillLevels = [1, 2, 3, 4, 5] as const;
export type SkillLevel = (typeof skillLevels)[number];

/** Query keys: every write invalidates `all`, so the stats and the list agree. */
export const skillKeys = {
  all: ['skills'] as const,
  stats: (orgId: number | undefined) => ['skills', 'stats', orgId] as const,
  list: (filters: object) => ['skills', 'list', filters] as const,
};
