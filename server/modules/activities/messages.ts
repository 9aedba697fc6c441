import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/**
 * The activities module's texts in Chinese and English: its problem codes (`messages`), the messages of
 * its field rules (`rules`), labels of its entities and values used inside messages (`labels`)
 * and the names of its request fields (`fields`). Registered with the platform's i18n through the
 * module definition; the declarations below make its codes known to `AppError` and `fieldError`.
 */
export const messages = {
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
