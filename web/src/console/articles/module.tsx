import { ReadOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { articlesEn, articlesMenuEn, articlesMenuZh, articlesZh } from './messages';

/** 资讯发布: news and policies written in a rich-text editor, published to a subtree or the public. */
export const articlesModule = consoleModule({
  menu: [{ key: 'articles', path: '/articles', needs: 'article.read', label: 'layout.menu.articles', icon: <ReadOutlined /> }],
  routes: [{ path: 'articles', page: lazyPage(() => import('./articles-page'), 'ArticlesPage') }],
  messages: {
    zh: { menu: articlesMenuZh, articles: articlesZh },
    en: { menu: articlesMenuEn, articles: articlesEn },
  },
});
