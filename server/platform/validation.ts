import { z } from 'zod';
import type { FieldError } from './errors.ts';
import { fieldLabel, namingField, ruleMessage, type Lang } from './i18n.ts';
import { TOTAL_CAP } from './paging.ts';

interface RawIssue {
  code: string;
  path: (string | number)[];
  message: string;
  [key: string]: unknown;
}

function typeName(expected: unknown, lang: Lang): string {
  const zh: Record<string, string> = { string: '文本', number: '数字', int: '整数', boolean: '是/否', object: '对象', array: '列表', date: '日期' };
  const key = String(expected);
  return lang === 'zh' ? (zh[key] ?? key) : key;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function describe(issue: RawIssue, value: unknown, lang: Lang): string {
  const zh = lang === 'zh';
  const origin = issue.origin as string | undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return zh ? '必填' : 'is required';
      return zh ? `应为${typeName(issue.expected, lang)}` : `must be a ${typeName(issue.expected, lang)}`;
    case 'too_small':
      if (origin === 'string') {
        return Number(issue.minimum) <= 1 ? (zh ? '不能为空' : 'must not be empty') : zh ? `至少 ${issue.minimum} 个字符` : `needs at least ${issue.minimum} characters`;
      }
      if (origin === 'array') return zh ? `至少 ${issue.minimum} 项` : `needs at least ${issue.minimum} items`;
      return zh ? `不能小于 ${issue.minimum}` : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (origin === 'string') return zh ? `不能超过 ${issue.maximum} 个字符` : `can be at most ${issue.maximum} characters`;
      if (origin === 'array') return zh ? `不能超过 ${issue.maximum} 项` : `can have at most ${issue.maximum} items`;
      return zh ? `不能大于 ${issue.maximum}` : `must be at most ${issue.maximum}`;
    case 'invalid_value': {
      const values = (issue.values as unknown[] | undefined)?.map(String).join(zh ? '、' : ', ') ?? '';
      return zh ? `必须是以下之一：${values}` : `must be one of: ${values}`;
    }
    case 'unrecognized_keys': {
      const keys = (issue.keys as string[] | undefined)?.join(', ') ?? '';
      return zh ? `不认识的字段：${keys}` : `unknown fields: ${keys}`;
    }
    case 'not_multiple_of':
      return zh ? `必须是 ${issue.divisor} 的倍数` : `must be a multiple of ${issue.divisor}`;
    default: {
      const rule = ruleMessage(issue.message, lang);
      if (rule) return rule;
      if (issue.code === 'invalid_format') return zh ? '格式不正确' : 'has an invalid format';
      return zh ? '无效' : 'is not valid';
    }
  }
}

/** Turns zod issues into field errors named and explained in the caller's language. */
export function fieldErrorsFromIssues(issues: RawIssue[], data: unknown, lang: Lang): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? '' : '(body)';
    const label = field ? fieldLabel(field, lang) : lang === 'zh' ? '请求' : 'Request';
    return { field, message: namingField([label], describe(issue, valueAt(data, issue.path), lang), lang) };
  });
}

// ---- small schema helpers shared by every module ----

/** A trimmed, non-blank text field of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1, 'not_blank').max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
/** A database id: a positive integer that fits PostgreSQL's `integer` (larger ones are refused, never a 500). */
export const id = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * The path of the first string in a request body or query that holds a NUL character, or null.
 * PostgreSQL cannot store NUL in text while SQLite silently does: both engines refuse it up front.
 */
export function nulCharacterPath(value: unknown, path: (string | number)[] = [], seen = new WeakSet<object>()): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(body)' : null;
  if (value === null || typeof value !== 'object' || seen.has(value) || path.length > 32) return null;
  // Parsed JSON and query strings only: multipart parts, buffers and streams are left alone.
  if (Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  seen.add(value);
  for (const [key, v] of Object.entries(value)) {
    const found = nulCharacterPath(v, [...path, Array.isArray(value) ? Number(key) : key], seen);
    if (found !== null) return found;
  }
  return null;
}
export const idParams = z.object({ id });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}, 'date_format');
/** An instant with an offset (e.g. 2026-05-01T09:00:00+08:00), stored as UTC ISO. */
export const instant = z.iso.datetime({ offset: true, error: 'datetime_format' }).transform((v) => new Date(v).toISOString());
export const mobilePhone = z.string().trim().regex(/^1[3-9]\d{9}$/, 'phone_format');

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    totalCapped: z.boolean().optional().describe(`true when the list holds more than \`total\` (${TOTAL_CAP.toLocaleString('en')}) entries and stopped counting: narrow it with the filters`),
  });
}

export const boolFlag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');
