import type { paths } from '../../api/schema';

/** Named shapes of the hardship API (server/modules/hardship), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type HardshipFile = Items<Json<paths['/api/hardship-files']['get']['responses'][200]>>;
export type FileDetail = Json<paths['/api/hardship-files/{id}']['get']['responses'][200]>;
export type Aid = Items<Json<paths['/api/hardship-aids']['get']['responses'][200]>>;
export type Campaign = Items<Json<paths['/api/hardship-campaigns']['get']['responses'][200]>>;
export type Tier = HardshipFile['tier'];
export type AidKind = Aid['kind'];
export const tiers: Tier[] = ['deep', 'relative', 'accident', 'none'];
export const causes = ['illness', 'disability', 'accident', 'unemployment', 'schooling'] as const;
export const aidKinds: AidKind[] = ['warmth', 'schooling', 'medical', 'emergency'];
export const tierColor: Record<Tier, string> = { deep: 'red', relative: 'orange', accident: 'purple', none: 'default' };
export const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const hardshipKeys = { all: ['hardship'] as const };
