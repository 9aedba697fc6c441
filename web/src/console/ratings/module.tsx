import { StarOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { ratingsEn, ratingsMenuEn, ratingsMenuZh, ratingsZh } from './messages';

/** 星级评定: five-star grassroots unions and model Workers' Homes, with certificates and plaques. */
export const ratingsModule = consoleModule({
  menu: [{ key: 'ratings', path: '/ratings', needs: 'rating.read', label: 'layout.menu.ratings', icon: <StarOutlined /> }],
  routes: [
    { path: 'ratings', page: lazyPage(() => import('./ratings-page'), 'RatingsPage') },
    { path: 'ratings/:ratingId/certificate', page: lazyPage(() => import('./certificate-page'), 'RatingCertificatePage') },
  ],
  messages: {
    zh: { menu: ratingsMenuZh, todos: { ratings_to_review: '下级工会星级/职工之家自评待复核', ratings_recheck_due: '已命名的评定到期待复查' }, ratings: ratingsZh },
    en: { menu: ratingsMenuEn, todos: { ratings_to_review: 'Self-assessments to review', ratings_recheck_due: 'Named ratings due for re-check' }, ratings: ratingsEn },
  },
});
