import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Org, OrgDetail } from '../../api/types';

/** Query keys and fetchers of the union tree, shared by the tree, the detail and the tables. */
export const orgKeys = {
  all: ['orgs'] as const,
  roots: ['orgs', 'roots'] as const,
  children: (id: number) => ['orgs', 'children', id] as const,
  detail: (id: number) => ['orgs', 'detail', id] as const,
};

export const enterpriseKeys = { all: ['enterprises'] as const };
export const teamKeys = { all: ['teams'] as const, of: (enterpriseId: number) => ['teams', enterpriseId] as const };

export const fetchRoots = () => unwrap(api.GET('/api/orgs/roots'));
export const fetchChildren = (id: number) => unwrap(api.GET('/api/orgs/{id}/children', { params: { path: { id } } }));
export const fetchOrg = (id: number) => unwrap(api.GET('/api/orgs/{id}', { params: { path: { id } } }));

/**
 * An org already listed in the tree, as a stand-in for its detail while that loads: the name and
 * kind show at once; the breadcrumb follows with the real answer.
 */
export function cachedOrg(queryClient: QueryClient, id: number): OrgDetail | undefined {
  for (const [, page] of queryClient.getQueriesData<{ items: Org[] }>({ queryKey: orgKeys.all })) {
    const org = page?.items?.find((o) => o.id === id);
    if (org) return { ...org, ancestors: [] };
  }
  return undefined;
}
