/** The portal's 微心愿 and 志愿服务 messages: the `community` namespace (see module.tsx). */
export const communityZh = {
  wishes: { title: '微心愿', empty: '心愿墙上暂无心愿', claim: '认领', claimed: '已认领“{{title}}”', value: '价值 {{yuan}} 元', status: { open: '待认领', claimed: '已认领', fulfilled: '待确认', confirmed: '已圆梦' } },
  volunteer: {
    title: '志愿服务',
    register: '登记为志愿者',
    registered: '已登记为志愿者',
    notMember: '成为工会会员后可登记志愿者',
    hours: '本年服务 {{hours}} 小时',
    balance: '爱心积分（微积分）',
    entries: '积分明细',
    noEntries: '暂无积分记录',
  },
};
export const communityEn: typeof communityZh = {
  wishes: { title: 'Micro-wishes', empty: 'No wishes on the wall', claim: 'Claim', claimed: 'Claimed "{{title}}"', value: 'Worth {{yuan}} yuan', status: { open: 'Open', claimed: 'Claimed', fulfilled: 'To confirm', confirmed: 'Came true' } },
  volunteer: {
    title: 'Volunteering',
    register: 'Register as a volunteer',
    registered: 'Registered as a volunteer',
    notMember: 'Members can register as volunteers',
    hours: '{{hours}} hours this year',
    balance: 'Love points',
    entries: 'Ledger',
    noEntries: 'No entries yet',
  },
};
