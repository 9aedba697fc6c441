import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { HomeCard } from '../home/home-card';
import { rememberChosenUnion } from './chosen-union';
import type { DirectoryUnion } from './types';
import './home-texts';

const SHOWN = 5;

/** 找到我的工会, for the visitor: the public union directory by name or place; a union found leads to joining it. */
export function DirectorySection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ items: DirectoryUnion[]; total: number } | null>(null);

  useEffect(() => {
    const words = q.trim();
    if (!words) return setFound(null);
    let live = true;
    // Waits for a pause in typing, so each keystroke does not ask the server.
    const timer = setTimeout(() => {
      unwrap(api.GET('/api/directory/unions', { params: { query: { q: words, pageSize: SHOWN } } }))
        .then((page) => live && setFound(page))
        .catch(() => live && setFound({ items: [], total: 0 }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  const join = (union: DirectoryUnion) => {
    rememberChosenUnion(union);
    navigate('/join');
  };
  return (
    <HomeCard id="directory" title={t('membersHome.directory')}>
      {/* A plain search field: the home page loads for every visitor, within the portal's size budget. */}
      <input type="search" className="gh-home-search" placeholder={t('membersHome.search')} value={q} onChange={(e) => setQ(e.target.value)} aria-label={t('membersHome.directory')} enterKeyHint="search" />
      {found && found.items.length === 0 && <p className="gh-home-empty">{t('membersHome.empty')}</p>}
      {found?.items.map((u) => (
        <button key={u.id} type="button" className="gh-home-row gh-home-button" onClick={() => join(u)}>
          <strong>{u.name}</strong>
          <span>{[u.parentName, u.region].filter(Boolean).join(' · ') || '\u00a0'}</span>
        </button>
      ))}
      {found && found.total > found.items.length && <p className="gh-home-empty">{t('membersHome.more', { total: found.total })}</p>}
      {!found && <p className="gh-home-empty">{t('membersHome.directoryHint')}</p>}
    </HomeCard>
  );
}
