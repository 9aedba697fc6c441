import { useEffect, useState } from 'react';
import { DotLoading, ErrorBlock, List, Popup, SearchBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { DirectoryUnion } from './types';
import './texts';

interface Props {
  open: boolean;
  onClose: () => void;
  onPick: (union: DirectoryUnion) => void;
  /** A union not to offer (the member's current one, for a transfer). */
  exclude?: number;
}

const PAGE = 30;

/** Chooses a union from the public directory, searched by name or place, in a bottom sheet. */
export function UnionPicker({ open, onClose, onPick, exclude }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ items: DirectoryUnion[]; total: number } | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    // Waits for a pause in typing, so each keystroke does not ask the server.
    const timer = setTimeout(() => {
      unwrap(api.GET('/api/directory/unions', { params: { query: { q: q.trim() || undefined, pageSize: PAGE } } }))
        .then((page) => live && setFound(page))
        .catch(() => live && setFound({ items: [], total: 0 }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, q]);

  const items = found?.items.filter((u) => u.id !== exclude) ?? [];
  return (
    <Popup visible={open} onMaskClick={onClose} onClose={onClose} bodyStyle={{ height: '75vh', display: 'flex', flexDirection: 'column', borderRadius: '12px 12px 0 0' }}>
      <div className="gh-picker-head">
        <strong>{t('members.union.title')}</strong>
        <SearchBar placeholder={t('members.union.search')} value={q} onChange={setQ} style={{ marginTop: 10 }} />
      </div>
      <div style={{ flex: 1, overflowY: 'auto' }}>
        {!found && (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <DotLoading color="primary" />
          </div>
        )}
        {found && items.length === 0 && <ErrorBlock status="empty" title={t('members.union.empty')} description="" />}
        {items.length > 0 && (
          <List>
            {items.map((u) => (
              <List.Item
                key={u.id}
                description={[u.parentName, u.region].filter(Boolean).join(' · ') || undefined}
                onClick={() => {
                  onPick(u);
                  onClose();
                }}
              >
                {u.name}
              </List.Item>
            ))}
          </List>
        )}
        {found && found.total > PAGE && <p className="gh-note" style={{ textAlign: 'center', padding: 12 }}>{t('members.union.more', { total: found.total })}</p>}
      </div>
    </Popup>
  );
}

/** A form control showing the chosen union's name, or the placeholder; its Form.Item opens the picker. */
export function UnionField({ value, placeholder }: { value?: DirectoryUnion; placeholder: string }) {
  return <span className={value ? undefined : 'gh-placeholder'}>{value ? value.name : placeholder}</span>;
}
