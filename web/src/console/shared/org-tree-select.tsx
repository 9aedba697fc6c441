import { useEffect, useMemo, useState } from 'react';
import { Tag, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { Org } from '../../api/types';
import { orgKindColor, orgKindLabel } from '../../ui/orgs';

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  /** An org that may not be picked, nor anything under it (the org being moved). */
  exclude?: number;
  /** Offer closed orgs too (filters over history); by default only open ones are offered. */
  includeClosed?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
}

/** The API's page size limit: the first page usually holds a county's whole tree. */
const FIRST_PAGE = 200;

/**
 * Picks an organisation in the caller's scope. Loads the scope's first 200 organisations at once
 * (search works over them), and any deeper level on expanding when the scope is bigger.
 */
export function OrgTreeSelect({ id, value, onChange, placeholder, exclude, includeClosed, allowClear, style }: Props) {
  const { t } = useTranslation();
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    const status = includeClosed ? undefined : ('active' as const);
    unwrap(api.GET('/api/orgs', { params: { query: { pageSize: FIRST_PAGE, status } } }))
      .then((page) => live && setOrgs(page.items))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [includeClosed]);

  const treeData = useMemo(() => {
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const underExcluded = (org: Org): boolean => {
      for (let p = org.parentId; p !== null; p = byId.get(p)?.parentId ?? null) if (p === exclude) return true;
      return false;
    };
    return orgs
      .filter((o) => !underExcluded(o))
      .map((o) => ({
        id: o.id,
        pId: o.parentId !== null && byId.has(o.parentId) ? o.parentId : 0,
        value: o.id,
        name: o.name,
        title: (
          <span>
            <span>{o.name}</span>
            <Tag color={orgKindColor[o.kind]} bordered={false} style={{ marginInlineStart: 6 }}>
              {orgKindLabel(t, o)}
            </Tag>
            {o.status === 'closed' && <Tag bordered={false}>{t('status.closed')}</Tag>}
          </span>
        ),
        isLeaf: o.childCount === 0 || o.id === exclude,
        disabled: o.id === exclude,
      }));
  }, [orgs, exclude, t]);

  const loadData = async (node: { value?: unknown }) => {
    const parentId = Number(node.value);
    if (!parentId || orgs.some((o) => o.parentId === parentId)) return;
    const children = await unwrap(api.GET('/api/orgs/{id}/children', { params: { path: { id: parentId } } }));
    const fresh = children.items.filter((c) => (includeClosed || c.status === 'active') && !orgs.some((o) => o.id === c.id));
    setOrgs((current) => [...current, ...fresh]);
  };

  return (
    <TreeSelect
      id={id}
      style={style}
      loading={loading}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'name' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 340 } } }}
    />
  );
}
