import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/**
 * The activities module's texts in Chinese and English: its problem codes (`messages`), the messages of
 * its field rules (`rules`), labels of its entities and values used inside messages (`labels`)
 * and the names of its request fields (`fields`). Registered with the platform's i18n through the
 * module definition; the declarations below make its codes known to `AppError` and `fieldError`.
 */
export const messages = {
  activity_full_for_session: { zh: '该场次名额已满', en: 'This session is full' },
  activity_cancelled: { zh: '该活动已取消', en: 'This activity has been cancelled' },
  signup_not_open: { zh: '报名尚未开始', en: 'Sign-up has not opened yet' },
  signup_closed: { zh: '报名已截止', en: 'Sign-up has closed' },
  activity_members_only: { zh: '该活动仅限工会会员报名', en: 'Only union members may sign up for this activity' },
  activity_age_unknown: { zh: '该活动有年龄限制，请先完成会员实名认证', en: 'This activity has an age limit; verify your membership first' },
  activity_age_limit: { zh: '该活动限 {min}–{max} 周岁报名', en: 'This activity is for ages {min}–{max}' },
  already_registered: { zh: '您已报名该活动', en: 'You have already signed up for this activity' },
  cancel_deadline_passed: { zh: '已过取消报名的截止时间', en: 'The deadline for cancelling has passed' },
  checkin_closed: { zh: '现在不在签到时间内', en: 'Check-in is not open now' },
  registration_not_confirmed: { zh: '该报名在候补名单中，尚未确认，不能签到', en: 'This registration is on the waiting list and cannot check in' },
  already_checked_in: { zh: '已签到，不能重复签到', en: 'Already checked in' },
} as const satisfies Texts;

export const rules = {
  capacity_below_confirmed: { zh: '名额不能少于已确认的 {count} 人', en: 'Capacity cannot be below the {count} people already confirmed' },
  activity_members_only_open_to_all: { zh: '“仅限会员”与“面向全体职工”不能同时选择', en: '“Members only” and “open to all workers” cannot both be chosen' },
  activity_times_order: { zh: '时间先后顺序不正确（开始 < 结束，报名截止与取消截止不晚于开始）', en: 'Times are out of order (start < end; sign-up and cancellation close no later than the start)' },
} as const satisfies Texts;

export const labels = {
  activity: { zh: '活动', en: 'activity' },
  registration: { zh: '报名', en: 'registration' },
} satisfies Texts;

export const fields = {
  startsAt: { zh: '开始时间', en: 'Start' },
  endsAt: { zh: '结束时间', en: 'End' },
  capacity: { zh: '名额', en: 'Capacity' },
  place: { zh: '地点', en: 'Place' },
  signupOpensAt: { zh: '报名开始时间', en: 'Sign-up opens' },
  signupClosesAt: { zh: '报名截止时间', en: 'Sign-up closes' },
  cancelDeadline: { zh: '取消截止时间', en: 'Cancellation deadline' },
  membersOnly: { zh: '仅限会员', en: 'Members only' },
  openToAll: { zh: '面向全体职工', en: 'Open to all workers' },
  minAge: { zh: '最小年龄', en: 'Minimum age' },
  maxAge: { zh: '最大年龄', en: 'Maximum age' },
} satisfies Texts;

/** The Excel exports' list names, column headers and values (platform/exports.ts). */
export const exportTexts = {
  activities: { zh: '活动', en: 'Activities' },
  registrations: { zh: '报名名单', en: 'Registrations' },
  title: { zh: '活动名称', en: 'Title' },
  kind: { zh: '类型', en: 'Kind' },
  org: { zh: '主办组织', en: 'Organiser' },
  place: { zh: '地点', en: 'Place' },
  startsAt: { zh: '开始时间', en: 'Start' },
  endsAt: { zh: '结束时间', en: 'End' },
  capacity: { zh: '名额', en: 'Capacity' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  waitlisted: { zh: '候补', en: 'Waiting list' },
  checkedIn: { zh: '已签到', en: 'Checked in' },
  status: { zh: '状态', en: 'Status' },
  name: { zh: '姓名', en: 'Name' },
  memberNo: { zh: '会员编号', en: 'Member number' },
  phone: { zh: '手机号', en: 'Phone' },
  union: { zh: '所属工会', en: 'Union' },
  checkedInAt: { zh: '签到时间', en: 'Checked in at' },
  createdAt: { zh: '报名时间', en: 'Signed up at' },
  published: { zh: '已发布', en: 'Published' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  confirmedStatus: { zh: '已确认', en: 'Confirmed' },
  waitlistedStatus: { zh: '候补', en: 'Waiting list' },
  kinds: {
    training: { zh: '培训', en: 'Training' },
    performance: { zh: '文艺演出/送文化', en: 'Performance / culture to villages' },
    youth_social: { zh: '青年交友', en: 'Youth social' },
    sports: { zh: '体育', en: 'Sports' },
    volunteering: { zh: '志愿服务', en: 'Volunteering' },
    lecture: { zh: '讲座', en: 'Lecture' },
    culture: { zh: '文化', en: 'Culture' },
    other: { zh: '其他', en: 'Other' },
  },
} as const;
/** Templates of the notices this module sends (`notify` in notifications/index.ts). */
export const notices = {
  waitlist_promoted: {
    title: { zh: '候补成功，报名已确认', en: 'Off the waitlist: your place is confirmed' },
    body: { zh: '您候补的活动“{title}”有了名额，报名已确认。活动时间 {startsAt}。', en: 'A place came free in "{title}": your registration is confirmed. It starts at {startsAt}.' },
  },
  activity_reminder: {
    title: { zh: '活动即将开始', en: 'Your activity starts soon' },
    body: { zh: '您报名的活动“{title}”将于 {startsAt} 开始，地点：{place}。', en: '"{title}", which you signed up for, starts at {startsAt}; place: {place}.' },
  },
  activity_cancelled: {
    title: { zh: '活动已取消', en: 'Activity cancelled' },
    body: { zh: '您报名的活动“{title}”（原定 {startsAt}）已取消，给您带来不便，敬请谅解。', en: '"{title}" (planned for {startsAt}), which you signed up for, is cancelled. We apologise for the inconvenience.' },
  },
} as const satisfies Notices;
/** Labels of the actions this module writes to the audit log: the log shows and filters by them. */
export const actions = {
  'activity.create': { zh: '发布活动', en: 'Publish activity' },
  'activity.update': { zh: '修改活动', en: 'Change activity' },
  'activity.cancel': { zh: '取消活动', en: 'Cancel activity' },
  'registration.create': { zh: '活动报名', en: 'Sign up' },
  'registration.cancel': { zh: '取消报名', en: 'Cancel sign-up' },
  'registration.check_in': { zh: '活动签到', en: 'Check in' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
