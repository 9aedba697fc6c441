import { useEffect, useMemo, useState } from 'react';
import { Empty, Skeleton, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../api/types';
import { orgKindColor, orgKindLabel } from '../../ui/orgs';
import { fetchChildren, fetchRoots, orgKeys } from './queries';

interface Props {
  selectedId: number | undefined;
  /** The selected org and its ancestors, opened so it and its children show after a deep link, a move or a creation. */
  revealIds: number[];
  onSelect: (id: number) => void;
}

/** The union tree from the tops of the caller's scope, each level loaded when opened. */
export function OrgTree({ selectedId, revealIds, onSelect }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roots = useQuery({ queryKey: orgKeys.roots, queryFn: fetchRoots });
  const [expanded, setExpanded] = useState<number[]>([]);
  // Every level ever opened stays observed, so a refresh after a change reaches closed branches too.
  const [opened, setOpened] = useState<number[]>([]);

  useEffect(() => {
    if (!roots.data) return;
    const ids = roots.data.items.map((o) => o.id);
    setExpanded((e) => [...new Set([...e, ...ids])]);
    setOpened((o) => [...new Set([...o, ...ids])]);
  }, [roots.data]);

  useEffect(() => {
    if (!revealIds.length) return;
    setExpanded((e) => [...new Set([...e, ...revealIds])]);
    setOpened((o) => [...new Set([...o, ...revealIds])]);
  }, [revealIds]);

  const children = useQueries({
    queries: opened.map((id) => ({ queryKey: orgKeys.children(id), queryFn: () => fetchChildren(id) })),
  });

  const treeData = useMemo(() => {
    const childrenOf = new Map<number, Org[]>();
    opened.forEach((id, i) => {
      const data = children[i]?.data;
      if (data) childrenOf.set(id, data.items);
    });
    const toNode = (org: Org): TreeDataNode => {
      const loaded = childrenOf.get(org.id);
      return {
        key: org.id,
        isLeaf: loaded ? loaded.length === 0 : org.childCount === 0,
        children: loaded?.map(toNode),
        title: (
          <span style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0 }}>
            <Typography.Text ellipsis={{ tooltip: org.name }} type={org.status === 'closed' ? 'secondary' : undefined} delete={org.status === 'closed'} style={{ flex: '0 1 auto', minWidth: 0 }}>
              {org.name}
            </Typography.Text>
            <Tag color={orgKindColor[org.kind]} bordered={false} style={{ marginInlineEnd: 0, flex: 'none' }}>
              {orgKindLabel(t, org)}
            </Tag>
            {org.status === 'closed' && (
              <Tag bordered={false} style={{ marginInlineEnd: 0, flex: 'none' }}>
                {t('status.closed')}
              </Tag>
            )}
          </span>
        ),
      };
    };
    return (roots.data?.items ?? []).map(toNode);
  }, [roots.data, opened, children, t]);

  if (roots.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (roots.isError) return <Typography.Text type="danger">{roots.error.message}</Typography.Text>;
  if (!treeData.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.treeEmpty')} />;

  return (
    <Tree
      className="gh-tree"
      blockNode
      showLine={{ showLeafIcon: false }}
      treeData={treeData}
      selectedKeys={selectedId ? [selectedId] : []}
      expandedKeys={expanded}
      onExpand={(keys) => {
        const ids = keys.map(Number);
        setExpanded(ids);
        setOpened((o) => [...new Set([...o, ...ids])]);
      }}
      loadData={async (node) => {
        await queryClient.fetchQuery({ queryKey: orgKeys.children(Number(node.key)), queryFn: () => fetchChildren(Number(node.key)) });
      }}
      onSelect={(keys, info) => onSelect(Number(info.node.key))}
    />
  );
}
