/** Query keys of the members pages: every decision invalidates `all`, so lists and counts agree. */
export const memberKeys = {
  all: ['members'] as const,
  applications: ['members', 'applications'] as const,
  roll: ['members', 'roll'] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
  transfers: (direction: 'incoming' | 'outgoing') => ['members', 'transfers', direction] as const,
  stats: (orgId: number) => ['members', 'stats', orgId] as const,
};
