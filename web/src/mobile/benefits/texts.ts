import { addTexts } from '../../i18n/add-texts';

/** The 福利 pages' texts, added when a page chunk loads (the portal's first load holds the tile labels only). */
const zh = {
  title: '福利',
  intro: '所在工会发放的普惠福利，领取后凭兑换码领取实物',
  empty: '暂无可领取的福利',
  left: '剩余 {{left}} / {{stock}}',
  until: '{{at}} 截止',
  claim: '领取',
  claimed: '领取成功',
  code: '兑换码',
  redeemedAt: '已于 {{at}} 核销',
  verifyTitle: '福利核销',
  verifyHint: '输入职工出示的兑换码',
  verify: '核销',
  verified: '核销成功：{{title}}（{{name}}，{{org}}）',
  unknown: '兑换码无效，或不是本核销点服务的会员',
};
const en: typeof zh = {
  title: 'Benefits',
  intro: 'Benefits from your union: claim, then show the code to collect',
  empty: 'No benefits to claim',
  left: '{{left}} of {{stock}} left',
  until: 'until {{at}}',
  claim: 'Claim',
  claimed: 'Claimed',
  code: 'Code',
  redeemedAt: 'Redeemed at {{at}}',
  verifyTitle: 'Redeem benefits',
  verifyHint: 'Enter the code the worker shows',
  verify: 'Redeem',
  verified: 'Redeemed: {{title}} ({{name}}, {{org}})',
  unknown: 'Unknown code, or not a member this point serves',
};
addTexts({ zh: { benefits: zh }, en: { benefits: en } });
