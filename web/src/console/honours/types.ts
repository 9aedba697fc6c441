import type { paths } from '../../api/schema';

/** Named shapes of the honours API (server/modules/honours), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type ModelWorker = Items<Json<paths['/api/model-workers']['get']['responses'][200]>>;
export type HonourLevel = ModelWorker['level'];
export type Ledger = Json<paths['/api/model-workers/{id}/ledger']['get']['responses'][200]>;
export type LedgerEntry = Ledger['items'][number];
export type AllowanceRun = Items<Json<paths['/api/allowance-runs']['get']['responses'][200]>>;
export type Studio = Items<Json<paths['/api/studios']['get']['responses'][200]>>;
export type StudioDetail = Json<paths['/api/studios/{id}']['get']['responses'][200]>;
export type StudioStats = Json<paths['/api/orgs/{id}/studio-stats']['get']['responses'][200]>;
export type Selection = Items<Json<paths['/api/craftsman-selections']['get']['responses'][200]>>;
export type SelectionDetail = Json<paths['/api/craftsman-selections/{id}']['get']['responses'][200]>;
export type Candidate = SelectionDetail['ranking'][number];
export type Craftsman = Items<Json<paths['/api/craftsmen']['get']['responses'][200]>>;

export const levels: HonourLevel[] = ['national', 'province', 'city', 'county'];
export const levelColor: Record<HonourLevel, string> = { national: 'red', province: 'volcano', city: 'orange', county: 'gold' };
/** Fen as yuan with two decimals: ¥300.00 */
export const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
