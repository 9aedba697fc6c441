/** Query keys of the Workers' Pioneer pages: a change invalidates `all`, so every view refreshes. */
export const pioneerKeys = {
  all: ['pioneer'] as const,
  dashboard: (orgId?: number) => ['pioneer', 'dashboard', orgId ?? null] as const,
  campaigns: (filter: object) => ['pioneer', 'campaigns', filter] as const,
  campaign: (id: number) => ['pioneer', 'campaign', id] as const,
  candidates: (campaignId: number, filter: object) => ['pioneer', 'candidates', campaignId, filter] as const,
  candidate: (id: number) => ['pioneer', 'candidate', id] as const,
  objections: (campaignId: number) => ['pioneer', 'objections', campaignId] as const,
  publicity: (campaignId: number) => ['pioneer', 'publicity', campaignId] as const,
  titles: (filter: object) => ['pioneer', 'titles', filter] as const,
  title: (id: number) => ['pioneer', 'title', id] as const,
  certificate: (id: number) => ['pioneer', 'certificate', id] as const,
  judges: (orgId: number) => ['pioneer', 'judges', orgId] as const,
};
