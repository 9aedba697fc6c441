/** Query keys of the skill contest pages: a change invalidates `all`, so every view refreshes. */
export const competitionKeys = {
  all: ['competitions'] as const,
  list: (filter: object) => ['competitions', 'list', filter] as const,
  contest: (id: number) => ['competitions', 'contest', id] as const,
  certificate: (id: number) => ['competitions', 'certificate', id] as const,
};
