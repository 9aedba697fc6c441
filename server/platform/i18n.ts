/**
 * Texts shown to people, in Chinese (default) and English, from one registry. The platform holds
 * only its own: the problem codes of the access layer, requests, uploads and imports, the messages
 * of the shared field rules, and the names of request fields every module uses. Each module owns
 * the rest in its `messages.ts` and registers it through its definition (`platform/module.ts`);
 * `declare module` there adds its codes to `MessageCode` and `RuleCode`, so an unknown code does
 * not compile. `{name}` placeholders are filled from an error's params.
 */
export type Lang = 'zh' | 'en';
export interface Text {
  zh: string;
  en: string;
}
export type Texts = Record<string, Text>;

/** A module's table of codes as the registries see it (`interface MessageRegistry extends Catalog<typeof messages> {}`). */
export type Catalog<T extends Texts> = T;

/**
 * What a module registers: problem codes, field-rule messages, labels used in messages, field names,
 * and the labels of the actions it writes to the audit log (`actions`, keyed by the action code).
 */
export interface ModuleTexts {
  messages?: Texts;
  rules?: Texts;
  labels?: Texts;
  fields?: Texts;
  /** Templates of the notifications it sends, by kind (see `renderNotice`). */
  notices?: Notices;
  actions?: Texts;
}

/** A notification's template: a title and a body, each with `{name}` placeholders. */
export interface NoticeText {
  title: Text;
  body: Text;
}
export type Notices = Record<string, NoticeText>;
/** A module's notice templates as the registry sees them (`interface NoticeRegistry extends NoticeCatalog<typeof notices> {}`). */
export type NoticeCatalog<T extends Notices> = T;

const platformMessages = {
  bad_request: { zh: '请求无效', en: 'The request is not valid' },
  invalid_json: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  invalid_multipart: { zh: '上传的表单数据不完整或格式不正确，请重新上传', en: 'The uploaded form data is incomplete or malformed; upload it again' },
  validation_failed: { zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are not valid; see the marked fields' },
  unauthenticated: { zh: '请先登录', en: 'Please log in first' },
  rate_limited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please wait and try again' },
  csrf_failed: { zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  forbidden: { zh: '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  not_found: { zh: '找不到该{entity}，或不在您的管辖范围内', en: 'This {entity} does not exist or is outside your scope' },
  route_not_found: { zh: '接口不存在', en: 'No such endpoint' },
  conflict: { zh: '操作与现有数据冲突', en: 'This conflicts with existing data' },
  payload_too_large: { zh: '提交的内容过大', en: 'The request is too large' },
  unsupported_media_type: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  internal: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
  import_failed: { zh: '导入失败：共 {count} 行有误，没有导入任何数据，请修改后重新上传', en: 'Import failed: {count} rows have errors and nothing was imported; fix them and upload again' },
  import_file_invalid: { zh: '无法读取上传的文件，请使用下载的 Excel 模板（.xlsx）', en: 'The uploaded file cannot be read; use the downloaded Excel template (.xlsx)' },
  import_file_missing: { zh: '请选择要上传的 Excel 文件', en: 'Choose an Excel file to upload' },
  upload_type: { zh: '文件类型不支持：{allowed}', en: 'Unsupported file type; allowed: {allowed}' },
  upload_too_large: { zh: '文件不能超过 {mb} MB', en: 'Files can be at most {mb} MB' },
  pii_full_forbidden: { zh: '您没有查看完整个人信息的权限', en: 'You may not see full personal data' },
  booking_overlap: { zh: '该时段已被预约，请选择其他时间', en: 'This time slot is already booked; choose another time' },
} as const satisfies Texts;

/** Messages of custom field rules (`.refine`, `.regex`, `fieldError`), keyed by a short code. */
const platformRules = {
  uscc_checksum: { zh: '统一社会信用代码格式或校验位不正确', en: 'Not a valid unified social credit code (format or check character)' },
  phone_format: { zh: '请输入 11 位中国大陆手机号', en: 'Enter an 11-digit mainland China mobile number' },
  date_format: { zh: '请输入有效日期（YYYY-MM-DD）', en: 'Enter a valid date (YYYY-MM-DD)' },
  datetime_format: { zh: '请输入有效时间（ISO 8601）', en: 'Enter a valid time (ISO 8601)' },
  not_blank: { zh: '不能为空', en: 'must not be blank' },
  nul_character: { zh: '{label}：不能包含空字符', en: '{label}: must not contain NUL characters' },
  password_too_short: { zh: '密码至少需要 8 个字符', en: 'Passwords need at least 8 characters' },
  password_too_long: { zh: '密码不能超过 128 个字符', en: 'Passwords can be at most 128 characters' },
  password_common: { zh: '密码过于常见或容易被猜到，请换一个', en: 'This password is too common or easy to guess; choose another' },
  file_required: { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  workbook_required: { zh: '请选择要上传的 Excel 文件', en: 'Choose an Excel file to upload' },
  file_empty: { zh: '文件是空的', en: 'The file is empty' },
  file_type_mismatch: { zh: '只接受 {kinds} 文件，且文件内容须与扩展名相符', en: 'Only {kinds} files whose content matches their extension' },
  required: { zh: '{label}：必填', en: '{label}: is required' },
  slot_after_start: { zh: '结束时间须晚于开始时间', en: 'The end must be after the start' },
} as const satisfies Texts;

/** Labels of the actions the platform itself writes to the audit log (platform/exports.ts). */
const platformActions = {
  export: { zh: '导出列表', en: 'Export a list' },
} as const satisfies Texts;

type PlatformMessages = typeof platformMessages;
type PlatformRules = typeof platformRules;
type PlatformActions = typeof platformActions;
/** Every problem code; modules add theirs by declaration merging (see a module's messages.ts). */
export interface MessageRegistry extends PlatformMessages {}
/** Every field-rule code; modules add theirs the same way. */
export interface RuleRegistry extends PlatformRules {}
/** Every audit log action; each module adds the ones it writes with their labels (its messages.ts `actions`). */
export interface ActionRegistry extends PlatformActions {}
export type MessageCode = Extract<keyof MessageRegistry, string>;
export type RuleCode = Extract<keyof RuleRegistry, string>;
/** Every notification kind; each module adds the kinds it sends by declaration merging. */
export interface NoticeRegistry {}
export type NoticeKind = Extract<keyof NoticeRegistry, string>;
export type AuditAction = Extract<keyof ActionRegistry, string>;

const catalogs: Record<Exclude<keyof ModuleTexts, 'notices'>, Map<string, { text: Text; owner: string }>> = {
  messages: new Map(),
  rules: new Map(),
  labels: new Map(),
  fields: new Map(),
  actions: new Map(),
};
const notices = new Map<string, { text: NoticeText; owner: string }>();
const sameText = (a: Text, b: Text) => a.zh === b.zh && a.en === b.en;

/**
 * Adds a module's texts to the registry. Registering the same text again is harmless (every test
 * builds its own app); a code or label another module already gave a different text is a startup
 * error, so two modules can never fight over what a code means.
 */
export function registerTexts(owner: string, texts: ModuleTexts): void {
  for (const kind of Object.keys(catalogs) as (keyof typeof catalogs)[]) {
    for (const [key, text] of Object.entries(texts[kind] ?? {})) {
      const known = catalogs[kind].get(key);
      if (known && !sameText(known.text, text)) {
        throw new Error(`${kind} "${key}" of ${owner} is already registered by ${known.owner} with another text`);
      }
      if (!known) catalogs[kind].set(key, { text, owner });
    }
  }
  for (const [kind, text] of Object.entries(texts.notices ?? {})) {
    const known = notices.get(kind);
    if (known && !(sameText(known.text.title, text.title) && sameText(known.text.body, text.body))) {
      throw new Error(`notice "${kind}" of ${owner} is already registered by ${known.owner} with another text`);
    }
    if (!known) notices.set(kind, { text, owner });
  }
}

registerTexts('platform', {
  messages: platformMessages,
  rules: platformRules,
  actions: platformActions,
  labels: {
    import_report: { zh: '导入错误报告', en: 'import error report' },
  },
  fields: {
    username: { zh: '用户名', en: 'Username' },
    password: { zh: '密码', en: 'Password' },
    displayName: { zh: '姓名', en: 'Display name' },
    phone: { zh: '手机号', en: 'Phone' },
    name: { zh: '名称', en: 'Name' },
    kind: { zh: '类型', en: 'Kind' },
    orgId: { zh: '所属组织', en: 'Organisation' },
    page: { zh: '页码', en: 'Page' },
    pageSize: { zh: '每页条数', en: 'Page size' },
    q: { zh: '关键词', en: 'Search' },
    from: { zh: '开始时间', en: 'From' },
    to: { zh: '结束时间', en: 'To' },
    id: { zh: '编号', en: 'Id' },
    reason: { zh: '原因', en: 'Reason' },
    status: { zh: '状态', en: 'Status' },
    code: { zh: '验证码', en: 'Code' },
    file: { zh: '文件', en: 'File' },
    title: { zh: '标题', en: 'Title' },
    body: { zh: '正文', en: 'Text' },
    year: { zh: '年度', en: 'Year' },
    type: { zh: '类型', en: 'Type' },
    notes: { zh: '备注', en: 'Notes' },
    description: { zh: '说明', en: 'Description' },
    full: { zh: '完整个人信息', en: 'Full personal data' },
  },
});

/** A placeholder's value: a number, a registered label's key or plain text, or a text per language. */
export type Param = string | number | Text;

const fill = (template: string, lang: Lang, params: Record<string, Param>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) return '';
    if (typeof value === 'object') return value[lang];
    const label = typeof value === 'string' ? catalogs.labels.get(value) : undefined;
    return label ? label.text[lang] : String(value);
  });

/** A code's text in one language; an unregistered code (a module missing from the list) says so. */
export function translate(code: MessageCode, lang: Lang, params: Record<string, string | number> = {}): string {
  const known = catalogs.messages.get(code);
  if (!known) throw new Error(`message code "${code}" is not registered: is its module in server/modules/index.ts?`);
  return fill(known.text[lang], lang, params);
}

/** A field rule's message in both languages, placeholders filled. */
export function ruleText(code: RuleCode, params: Record<string, Param> = {}): Text {
  const known = catalogs.rules.get(code);
  if (!known) throw new Error(`rule code "${code}" is not registered: is its module in server/modules/index.ts?`);
  return { zh: fill(known.text.zh, 'zh', params), en: fill(known.text.en, 'en', params) };
}

/** The message of a rule a zod schema names as its message, or undefined for zod's own messages. */
export function ruleMessage(code: string, lang: Lang): string | undefined {
  return catalogs.rules.get(code)?.text[lang];
}

/** A notification's title and body in one language, from its kind's template and its params. */
export function renderNotice(kind: NoticeKind, lang: Lang, params: Record<string, Param> = {}): { title: string; body: string } {
  const known = notices.get(kind);
  if (!known) throw new Error(`notice "${kind}" is not registered: is its module in server/modules/index.ts?`);
  return { title: fill(known.text.title[lang], lang, params), body: fill(known.text.body[lang], lang, params) };
}

/** Whether a module registered this notice kind (stored kinds are checked before rendering). */
export function isNoticeKind(kind: string): kind is NoticeKind {
  return notices.has(kind);
}

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

/**
 * A field's message shown apart from the field itself (a list of errors, an error report):
 * prefixed with the field's name ("手机号：…"), unless the message already names the field, as a
 * rule written as a whole sentence does ("统一社会信用代码格式或校验位不正确"), so that no message
 * names its field twice. `names` are what the field may be called: the first (a column header, or
 * the registered label) is the prefix; any of them found in the message means it is named.
 */
export function namingField(names: string[], message: string, lang: Lang): string {
  const text = message.toLowerCase();
  if (names.some((n) => n && text.includes(n.toLowerCase()))) return message;
  return `${names[0]}${lang === 'zh' ? '：' : ': '}${message}`;
}

/** A registered label in one language (an entity's or a value's name), or the key when none is registered. */
export function labelText(key: string, lang: Lang): string {
  return catalogs.labels.get(key)?.text[lang] ?? key;
}

export function fieldLabel(field: string, lang: Lang): string {
  const last = field.split('.').pop() ?? field;
  return catalogs.fields.get(last)?.text[lang] ?? field;
}

/** An audit log action's label in one language, or undefined for an action no module labels (an old entry). */
export function actionLabel(action: string, lang: Lang): string | undefined {
  return catalogs.actions.get(action)?.text[lang];
}

/** Every labelled audit log action, in module order: what the audit log's action filter offers. */
export function auditActions(lang: Lang): { action: string; label: string }[] {
  return [...catalogs.actions].map(([action, { text }]) => ({ action, label: text[lang] }));
}


/** A request field's registered name in one language, or undefined when none is registered. */
export function knownFieldLabel(field: string, lang: Lang): string | undefined {
  return catalogs.fields.get(field)?.text[lang];
}
