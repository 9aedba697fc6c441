import { addTexts } from '../../i18n/add-texts';

/**
 * The 爱心捐赠 pages' texts, added to i18next when a page chunk loads (not with the portal's first
 * load, whose size budget is shared by every module: only the tile's label is there).
 */
const zh = {
  title: '爱心捐赠',
  intro: '每一笔善款和物资的来去，公开可查',
  empty: '暂无募捐活动',
  goal: '目标',
  raised: '已募集',
  spent: '已支出',
  balance: '余额',
  ledger: '公开台账',
  privacy: '捐赠人姓名仅在本人同意时公开，受助人姓名一律隐去。',
  donation: '捐赠',
  disbursement: '支出',
  receipt: '收据 {{no}}',
  proof: '附凭证',
};
const en: typeof zh = {
  title: 'Donations',
  intro: 'Where every yuan and every item came from and went, open to all',
  empty: 'No fundraisers',
  goal: 'Goal',
  raised: 'Raised',
  spent: 'Spent',
  balance: 'Balance',
  ledger: 'Public ledger',
  privacy: 'Donors are named only when they agreed; recipients never.',
  donation: 'Donation',
  disbursement: 'Disbursement',
  receipt: 'Receipt {{no}}',
  proof: 'with proof',
};
addTexts({ zh: { fundraising: zh }, en: { fundraising: en } });

/** Fen as yuan: ¥20,000.00 */
export const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
