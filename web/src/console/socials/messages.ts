/** The console's 青年交友 messages: the `socials` namespace (see module.tsx). */
export const socialsZh = {
  allOrgs: '全部组织',
  empty: '暂无青年交友活动',
  total: '共 {{total}} 场交友活动',
  settings: '交友设置',
  saved: '交友设置已保存',
  noSettings: '未设置性别名额',
  privacy: '心动选择仅本人可见，双向选择才互见联系方式；工会只看到统计数字，看不到谁选了谁。',
  picksClose: '心动选择截止：{{at}}（活动结束后 48 小时）',
  field: {
    title: '活动',
    time: '时间',
    signedUp: '报名 / 名额',
    malePlaces: '男生名额',
    femalePlaces: '女生名额',
    minAge: '最小年龄',
    maxAge: '最大年龄',
    male: '男生',
    female: '女生',
    ageRange: '年龄范围',
  },
  counts: { title: '活动后统计', attendees: '签到参加', pickers: '已选择人数', picks: '心动选择', mutualPairs: '双向匹配（对）' },
};
export const socialsEn: typeof socialsZh = {
  allOrgs: 'All unions',
  empty: 'No youth socials',
  total: '{{total}} youth socials',
  settings: 'Social settings',
  saved: 'Settings saved',
  noSettings: 'No places per gender',
  privacy: 'Picks are private; only mutual picks see each other’s contact. The union sees counts only, never who picked whom.',
  picksClose: 'Picks close {{at}} (48 h after the end)',
  field: {
    title: 'Activity',
    time: 'Time',
    signedUp: 'Signed up / places',
    malePlaces: 'Places for men',
    femalePlaces: 'Places for women',
    minAge: 'Minimum age',
    maxAge: 'Maximum age',
    male: 'Men',
    female: 'Women',
    ageRange: 'Age range',
  },
  counts: { title: 'After the event', attendees: 'Checked in', pickers: 'Picked someone', picks: 'Picks', mutualPairs: 'Mutual pairs' },
};

export const socialsMenuZh = { socials: '青年交友' };
export const socialsMenuEn: typeof socialsMenuZh = { socials: 'Youth socials' };
