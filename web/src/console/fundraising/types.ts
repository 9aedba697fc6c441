import type { paths } from '../../api/schema';

/** Named shapes of the fundraising API (server/modules/fundraising), from the generated types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type Fundraiser = Items<Json<paths['/api/fundraisers']['get']['responses'][200]>>;
export type Entry = Items<Json<paths['/api/fundraisers/{id}/entries']['get']['responses'][200]>>;
export type PartyKind = Entry['partyKind'];
export const partyKinds: PartyKind[] = ['public', 'member', 'partner'];

export const fundraisingKeys = {
  all: ['fundraising'] as const,
  list: ['fundraising', 'list'] as const,
  one: (id: number) => ['fundraising', 'one', id] as const,
  entries: (id: number) => ['fundraising', 'entries', id] as const,
  receipt: (id: number) => ['fundraising', 'receipt', id] as const,
};

/** Fen as yuan with two decimals: ¥300.00 */
export const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
