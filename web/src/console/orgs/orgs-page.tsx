import { useCallback, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Card, Empty, Flex } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OrgTree } from './org-tree';
import { OrgDetailPanel } from './org-detail';
import { cachedOrg, fetchOrg, fetchRoots, orgKeys } from './queries';

/** 组织架构: the union tree on the left, the selected org on the right (/orgs/:orgId). */
export function OrgsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const queryClient = useQueryClient();
  const roots = useQuery({ queryKey: orgKeys.roots, queryFn: fetchRoots });
  // Without an id in the address, the top of the caller's scope is shown (no redirect, no flicker).
  const orgId = params.orgId ? Number(params.orgId) : roots.data?.items[0]?.id;
  const detail = useQuery({
    queryKey: orgKeys.detail(orgId ?? 0),
    queryFn: () => fetchOrg(orgId!),
    enabled: orgId !== undefined,
    placeholderData: () => (orgId === undefined ? undefined : cachedOrg(queryClient, orgId)),
  });
  // The selected org opens too, so what was just created under it shows in the tree.
  const revealIds = useMemo(() => (detail.data ? [...detail.data.ancestors.map((a) => a.id), detail.data.id] : []), [detail.data]);

  const select = useCallback((id: number) => navigate(`/orgs/${id}`), [navigate]);

  return (
    <Flex gap={16} align="flex-start">
      <Card
        title={t('orgs.tree')}
        size="small"
        style={{ width: 320, flex: 'none', position: 'sticky', top: 76 }}
        styles={{ body: { maxHeight: 'calc(100vh - 150px)', overflow: 'auto', padding: '8px 8px 12px' } }}
      >
        <OrgTree selectedId={orgId} revealIds={revealIds} onSelect={select} />
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        {orgId === undefined ? (
          <Card>
            <Empty description={t('orgs.selectHint')} />
          </Card>
        ) : (
          <OrgDetailPanel orgId={orgId} query={detail} onSelect={select} />
        )}
      </div>
    </Flex>
  );
}
