import type { Catalog, ModuleTexts, Texts } from '../../platform/i18n.ts';

/** The socials module's texts in Chinese and English. */
export const messages = {
  social_gender_full: { zh: '{gender}名额已满', en: 'The places for {gender} are taken' },
  social_age_out_of_range: { zh: '本场交友活动限 {min}–{max} 周岁报名', en: 'This social is for ages {min}–{max}' },
  social_member_required: { zh: '青年交友活动仅限工会会员报名（性别、年龄以会员信息为准）', en: 'Youth socials are for union members (gender and age from the member record)' },
  social_not_youth: { zh: '仅青年交友活动可设置交友规则', en: 'Only youth socials have social settings' },
  social_settings_after_signup: { zh: '已有人报名，不能再新设性别名额', en: 'People have signed up already: gender places can no longer be introduced' },
  social_not_attended: { zh: '仅签到参加活动的职工可进行心动选择', en: 'Only attendees who checked in may pick' },
  social_picks_not_open: { zh: '活动结束后才能进行心动选择', en: 'Picks open when the event has ended' },
  social_picks_closed: { zh: '心动选择已截止（活动结束后 48 小时）', en: 'Picks closed 48 hours after the event' },
  social_too_many_picks: { zh: '最多选择 {max} 位', en: 'Pick at most {max}' },
  social_pick_not_attendee: { zh: '只能选择本场活动的其他参加者', en: 'Pick only other attendees of this event' },
} as const satisfies Texts;

export const rules = {
  social_age_order: { zh: '最大年龄不能小于最小年龄', en: 'The maximum age cannot be below the minimum' },
  social_places_below_taken: { zh: '不能少于已报名的 {count} 人', en: 'Cannot be fewer than the {count} already signed up' },
} as const satisfies Texts;

export const labels = {
  social: { zh: '交友活动', en: 'youth social' },
  social_male: { zh: '男生', en: 'men' },
  social_female: { zh: '女生', en: 'women' },
} satisfies Texts;

export const fields = {
  malePlaces: { zh: '男生名额', en: 'Places for men' },
  femalePlaces: { zh: '女生名额', en: 'Places for women' },
  contact: { zh: '联系方式', en: 'Contact' },
  picks: { zh: '心动选择', en: 'Picks' },
} satisfies Texts;

export const actions = {
  'social.settings': { zh: '设置交友规则', en: 'Set youth social rules' },
  'social.pick': { zh: '提交心动选择', en: 'Submit picks' },
  'social.matches_view': { zh: '查看匹配联系方式', en: 'View matches’ contacts' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, actions };
