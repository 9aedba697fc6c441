import type { Catalog, ModuleTexts, Texts } from '../../platform/i18n.ts';

/**
 * The notifications module's own texts. The notices themselves are templated by the modules that
 * send them (`notices` in their messages.ts); this module only stores, lists and sends them.
 */
export const messages = {
  notice_sms: { zh: '【工会】{title}：{body}', en: '[Union] {title}: {body}' },
} as const satisfies Texts;

export const labels = {
  notification: { zh: '通知', en: 'notification' },
} satisfies Texts;

export const fields = {
  unread: { zh: '仅未读', en: 'Unread only' },
} satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface MessageRegistry extends Catalog<typeof messages> {}
}

export const texts: ModuleTexts = { messages, labels, fields };
