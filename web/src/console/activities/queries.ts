/** Query keys of the activities and contests pages: every change invalidates its `all`, so lists and counts agree. */
export const activityKeys = {
  all: ['activities'] as const,
  list: ['activities', 'list'] as const,
  one: (id: number) => ['activities', 'one', id] as const,
  registrations: (id: number) => ['activities', 'registrations', id] as const,
  stats: (orgId: number, year: number) => ['activities', 'stats', orgId, year] as const,
};

export const contestKeys = {
  all: ['contests'] as const,
  list: ['contests', 'list'] as const,
  one: (id: number) => ['contests', 'one', id] as const,
  entries: (id: number, status: string) => ['contests', 'entries', id, status] as const,
  results: (id: number) => ['contests', 'results', id] as const,
};
