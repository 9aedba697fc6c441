import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Me } from '../../api/types';

/** The org a user's statistics start from: their first granted org, or the tree's first root. */
export function useTopOrg(me: Me): number | undefined {
  const granted = me.grants.find((g) => g.role !== 'member' && g.orgId !== null)?.orgId ?? undefined;
  const roots = useQuery({
    queryKey: ['orgs', 'roots'],
    queryFn: () => unwrap(api.GET('/api/orgs/roots')),
    enabled: granted === undefined,
  });
  return granted ?? roots.data?.items[0]?.id;
}
