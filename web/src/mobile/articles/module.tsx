import { lazyPage } from '../../ui/lazy-page';
import { portalModule } from '../portal-module';
import { articlesTilesEn, articlesTilesZh } from './tiles';

/** A newspaper glyph, drawn like the portal's other line icons (mobile/icons.tsx). */
const newsIcon = (
  <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d="M4 5h13v14H6a2 2 0 0 1-2-2V5z" />
    <path d="M17 9h3v8a2 2 0 0 1-2 2" />
    <path d="M7 9h7M7 12h7M7 15h4" />
  </svg>
);

/** 工会资讯: news, notices, policies and rights guides, readable without logging in (public ones). */
export const articlesModule = portalModule({
  tiles: [{ key: 'news', path: '/news', label: 'home.service.news', icon: newsIcon, guest: true }],
  home: [{ key: 'news', order: 40, section: lazyPage(() => import('./latest-section'), 'LatestSection') }],
  routes: [
    { path: 'news', page: lazyPage(() => import('./news-page'), 'NewsPage'), public: true },
    { path: 'news/:articleId', page: lazyPage(() => import('./article-page'), 'ArticlePage'), public: true },
  ],
  messages: { zh: { tiles: articlesTilesZh }, en: { tiles: articlesTilesEn } },
});
