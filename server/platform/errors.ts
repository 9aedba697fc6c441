import { ruleText, type MessageCode, type Param, type RuleCode } from './i18n.ts';

export interface FieldError {
  field: string;
  /** Set when the error comes from a row of an uploaded file. */
  row?: number;
  /** The spreadsheet column's header, for errors of uploaded files. */
  column?: string;
  message: string | { zh: string; en: string };
}

/**
 * The one error family of gonghui. Thrown anywhere, rendered once as RFC 9457 problem+json by
 * the error handler in app.ts with a stable `code` and a message in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
    /** Extra members of the problem body, e.g. `reportUrl` of an import's error report. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const notFound = (entity: string) => new AppError(404, 'not_found', { entity });
export const forbidden = () => new AppError(403, 'forbidden');
export const conflict = (code: MessageCode = 'conflict', params: Record<string, string | number> = {}) =>
  new AppError(409, code, params);
/** A business rule refused the change: 422 with the rule's own message. */
export const refused = (code: MessageCode, params: Record<string, string | number> = {}) => new AppError(422, code, params);

/** 422 for one or more invalid fields; each message is given in both languages. */
export function invalidFields(errors: FieldError[]): AppError {
  return new AppError(422, 'validation_failed', {}, errors);
}

/** 422 for one field, explained by a registered field rule (`RuleCode`), placeholders filled from `params`. */
export function fieldError(field: string, rule: RuleCode, params: Record<string, Param> = {}): AppError {
  return invalidFields([{ field, message: ruleText(rule, params) }]);
}

/**
 * A business rule's verdict, as rules.ts functions return it: the code of the refusal and its
 * params, or null when the change may go ahead. `refuse` throws it as a 422.
 */
export interface Refusal {
  code: MessageCode;
  params?: Record<string, string | number>;
}

export function refuse(refusal: Refusal | null): void {
  if (refusal) throw refused(refusal.code, refusal.params);
}
