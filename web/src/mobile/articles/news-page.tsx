import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, NavBar, Tabs, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import type { ArticleColumn, ArticleItem } from './types';
import '../members/members.css';
import './articles.css';
import './texts';

const PAGE_SIZE = 20;

/** 工会资讯: what the reader may read, by column, pinned first; anyone may open it, members see their unions' own too. */
export function NewsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [column, setColumn] = useState<ArticleColumn | 'all'>('all');
  const [extra, setExtra] = useState<ArticleItem[]>([]);
  const [page, setPage] = useState(1);
  const { data, failure, reload } = useLoad(() => {
    setExtra([]);
    setPage(1);
    return unwrap(api.GET('/api/articles', { params: { query: { pageSize: PAGE_SIZE, ...(column === 'all' ? {} : { column }) } } }));
  }, [column]);

  // The tabs come from the server: the fixed columns and the unions' own the reader has business with.
  const { data: tabs } = useLoad(() => unwrap(api.GET('/api/articles/columns')), []);

  const more = async () => {
    const next = await unwrap(api.GET('/api/articles', { params: { query: { page: page + 1, pageSize: PAGE_SIZE, ...(column === 'all' ? {} : { column }) } } }));
    setExtra((items) => [...items, ...next.items]);
    setPage(page + 1);
  };
  const items = [...(data?.items ?? []), ...extra];

  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('articles.title')}</h1>
      </NavBar>
      <Tabs activeKey={column} onChange={(key) => setColumn(key as ArticleColumn | 'all')} style={{ background: '#fff' }}>
        <Tabs.Tab title={t('articles.all')} key="all" />
        {(tabs?.items ?? []).map((c) => (
          <Tabs.Tab title={c.name} key={c.key} />
        ))}
      </Tabs>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && items.length === 0 && <EmptyState title={t('articles.empty')} />}
      {items.map((a) => (
        <Link key={a.id} to={`/news/${a.id}`} className={a.coverUrl ? 'gh-news-item gh-news-item-cover' : 'gh-news-item'} aria-label={a.title}>
          <div className="gh-news-text">
            <h2>{a.title}</h2>
            {a.summary && <p>{a.summary}</p>}
            <div className="gh-news-meta">
              <Tag color="primary" fill="outline">
                {a.columnName}
              </Tag>
              <span>{a.orgName}</span>
              <span>{formatTime(a.publishedAt).slice(0, 10)}</span>
            </div>
          </div>
          {a.coverUrl && <img className="gh-news-cover" src={a.coverUrl} alt="" loading="lazy" />}
        </Link>
      ))}
      {data && items.length < data.total && (
        <div style={{ padding: 12 }}>
          <Button block onClick={more}>
            {t('articles.more')}
          </Button>
        </div>
      )}
    </div>
  );
}
