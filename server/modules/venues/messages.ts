import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/** The venues module's texts in Chinese and English. */
export const messages = {
  venue_not_member_bookable: { zh: '该阵地仅接受工会预约', en: 'Only unions may book this venue' },
  venue_booking_cancelled: { zh: '该预约已取消', en: 'This booking is already cancelled' },
  venue_booking_past: { zh: '不能预约已过去的时间', en: 'This time has already passed' },
} as const satisfies Texts;

export const rules = {
  venue_same_day: { zh: '预约须在同一天内开始和结束', en: 'A booking must start and end on the same day' },
  venue_closed_day: { zh: '{date} 阵地不开放', en: 'The venue is closed on {date}' },
  venue_outside_hours: { zh: '不在开放时间内（{open}–{close}）', en: 'Outside the opening hours ({open}–{close})' },
  venue_hours_order: { zh: '关门时间须晚于开门时间', en: 'Closing must be after opening' },
} as const satisfies Texts;

export const labels = {
  venue: { zh: '阵地', en: 'venue' },
  venue_booking: { zh: '预约', en: 'booking' },
} satisfies Texts;

export const fields = {
  sharedWith: { zh: '共享单位', en: 'Shared with' },
  purpose: { zh: '用途', en: 'Purpose' },
  openingHours: { zh: '开放时间', en: 'Opening hours' },
  closedDays: { zh: '闭馆日', en: 'Closed days' },
} satisfies Texts;

export const exportTexts = {
  bookings: { zh: '阵地预约', en: 'Venue bookings' },
  venue: { zh: '阵地', en: 'Venue' },
  org: { zh: '预约单位', en: 'Booked by union' },
  booker: { zh: '预约人', en: 'Booked by' },
  kind: { zh: '类型', en: 'Kind' },
  union: { zh: '工会', en: 'Union' },
  member: { zh: '会员', en: 'Member' },
  purpose: { zh: '用途', en: 'Purpose' },
  startsAt: { zh: '开始', en: 'Starts' },
  endsAt: { zh: '结束', en: 'Ends' },
  hours: { zh: '时长（小时）', en: 'Hours' },
  status: { zh: '状态', en: 'Status' },
  active: { zh: '有效', en: 'Active' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
} satisfies Texts;

export const notices = {
  venue_booking_cancelled: {
    title: { zh: '阵地预约已取消', en: 'Venue booking cancelled' },
    body: { zh: '您在“{venue}”{startsAt} 的预约已被{org}取消。', en: 'Your booking of "{venue}" at {startsAt} was cancelled by {org}.' },
  },
} as const satisfies Notices;

export const actions = {
  'venue.create': { zh: '新建阵地', en: 'Create venue' },
  'venue.book': { zh: '预约阵地', en: 'Book venue' },
  'venue.cancel': { zh: '取消阵地预约', en: 'Cancel venue booking' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
