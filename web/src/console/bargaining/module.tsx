import { AuditOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { bargainingEn, bargainingMenuEn, bargainingMenuZh, bargainingZh } from './messages';

/** 集体协商: rounds from the proposal to the agreement in force, with the statute's deadlines. */
export const bargainingModule = consoleModule({
  menu: [{ key: 'bargaining', path: '/bargaining', needs: 'bargaining.read', label: 'layout.menu.bargaining', icon: <AuditOutlined /> }],
  routes: [
    { path: 'bargaining', page: lazyPage(() => import('./rounds-page'), 'RoundsPage') },
    { path: 'bargaining/:roundId', page: lazyPage(() => import('./round-page'), 'RoundPage') },
  ],
  messages: {
    zh: { menu: bargainingMenuZh, todos: { bargaining_replies: '集体协商要约待对方回应（20 日内）', bargaining_filings: '已签字的集体合同待报送审查（10 日内）', bargaining_renewals: '集体合同进入期满前 3 个月，可提出续订' }, bargaining: bargainingZh },
    en: { menu: bargainingMenuEn, todos: { bargaining_replies: 'Bargaining proposals awaiting a reply (20 days)', bargaining_filings: 'Signed agreements to file (10 days)', bargaining_renewals: 'Agreements in their last 3 months: renewal may be proposed' }, bargaining: bargainingEn },
  },
});
