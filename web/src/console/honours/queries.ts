/** Query keys of the honours pages: every change invalidates its `all`, so lists, ledgers and figures agree. */
export const honourKeys = {
  all: ['honours'] as const,
  modelWorkers: ['honours', 'model-workers'] as const,
  ledger: (id: number) => ['honours', 'ledger', id] as const,
  runs: ['honours', 'runs'] as const,
  studios: ['honours', 'studios'] as const,
  studio: (id: number) => ['honours', 'studio', id] as const,
  stats: (orgId: number) => ['honours', 'stats', orgId] as const,
  selections: ['honours', 'selections'] as const,
  selection: (id: number) => ['honours', 'selection', id] as const,
  craftsmen: ['honours', 'craftsmen'] as const,
};
