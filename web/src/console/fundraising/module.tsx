import { HeartOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { fundraisingEn, fundraisingMenuEn, fundraisingMenuZh, fundraisingZh } from './messages';

/** 爱心募捐: fundraisers with money and goods goals, their ledger, receipts and proofs. */
export const fundraisingModule = consoleModule({
  menu: [{ key: 'fundraising', path: '/fundraising', needs: 'fundraiser.read', label: 'layout.menu.fundraising', icon: <HeartOutlined /> }],
  routes: [
    { path: 'fundraising', page: lazyPage(() => import('./fundraisers-page'), 'FundraisersPage') },
    { path: 'fundraising/receipts/:entryId', page: lazyPage(() => import('./receipt-page'), 'ReceiptPage') },
  ],
  messages: {
    zh: { menu: fundraisingMenuZh, todos: { fundraiser_missing_proofs: '募捐支出待上传凭证' }, fundraising: fundraisingZh },
    en: { menu: fundraisingMenuEn, todos: { fundraiser_missing_proofs: 'Disbursements without a proof' }, fundraising: fundraisingEn },
  },
});
