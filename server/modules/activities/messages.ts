import type { Catalog, ModuleTexts, Texts } from '../../platform/i18n.ts';

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

declare module '../../platform/i18n.ts' {
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields };
