import { useNavigate, useParams } from 'react-router';
import { ErrorBlock, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatFileSize } from '../../ui/file-size';
import { formatTime } from '../../ui/format-time';
import { PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import '../members/members.css';
import './articles.css';
import './texts';

/**
 * One article. Its body is HTML the server sanitized when it was saved (server/modules/articles/
 * sanitize.ts: no script, handlers or outside images), so it is rendered as it comes.
 */
export function ArticlePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().articleId);
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/articles/{id}', { params: { path: { id } } })), [id]);

  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/news')} style={{ background: '#fff' }}>
        {t('articles.title')}
      </NavBar>
      {failure?.status === 404 ? <ErrorBlock status="empty" title={t('articles.missing')} description="" /> : <PageStates loading={data === undefined} failure={failure} onRetry={reload} />}
      {data && (
        <article className="gh-article">
          {data.coverUrl && <img className="gh-article-cover" src={data.coverUrl} alt="" />}
          <Tag color="primary" fill="outline">
            {data.columnName}
          </Tag>
          <h1>{data.title}</h1>
          <div className="gh-news-meta" style={{ marginBottom: 12 }}>
            <span>{data.orgName}</span>
            <span>{formatTime(data.publishedAt)}</span>
            <span>{t('articles.reads', { count: data.reads })}</span>
          </div>
          <div className="gh-article-body" dangerouslySetInnerHTML={{ __html: data.body }} />
          {data.attachments.length > 0 && (
            <section className="gh-article-files" aria-label={t('articles.attachments')}>
              <h2>{t('articles.attachments')}</h2>
              {data.attachments.map((f) => (
                <a key={f.id} href={f.url} download={f.name} className="gh-article-file">
                  <span className="gh-article-file-kind">{f.name.split('.').pop()?.toUpperCase()}</span>
                  <span className="gh-article-file-name">{f.name}</span>
                  <span className="gh-article-file-size">{formatFileSize(f.size)}</span>
                </a>
              ))}
            </section>
          )}
        </article>
      )}
    </div>
  );
}
