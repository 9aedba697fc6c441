import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { useLoad } from '../shared/use-load';
import { HomeCard } from '../home/home-card';
import { useSession } from '../session';
import './texts';

const SHOWN = 5;

/** 首页's news: the latest the reader may read — public ones for a visitor, their unions' own too for a member. */
export function LatestSection() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { data } = useLoad(() => unwrap(api.GET('/api/articles', { params: { query: { pageSize: SHOWN } } })), [me?.id]);
  if (!data || data.items.length === 0) return null;
  return (
    <HomeCard id="news" title={me?.member ? t('articles.home.mine') : t('articles.title')} more="/news">
      {data.items.map((a) => (
        <Link key={a.id} to={`/news/${a.id}`} className="gh-home-row">
          <strong>{a.title}</strong>
          <span>
            {a.columnName} · {a.orgName} · {formatTime(a.publishedAt).slice(0, 10)}
          </span>
        </Link>
      ))}
    </HomeCard>
  );
}
