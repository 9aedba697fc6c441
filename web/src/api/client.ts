import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** One field's message from a 422 problem+json answer, to show under the matching input. */
export interface FieldMessage {
  field: string;
  message: string;
}

/** A refused request: the server's problem+json (RFC 9457) as an Error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldMessage[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
  errors?: { field?: string; message?: string }[];
}

/** What the session needs on every request: the CSRF token (from login or /api/me) and the UI language. */
const session = { csrfToken: null as string | null, language: 'zh' as 'zh' | 'en' };

export function setCsrfToken(token: string | null): void {
  session.csrfToken = token;
}

export function setApiLanguage(language: 'zh' | 'en'): void {
  session.language = language;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sessionHeaders: Middleware = {
  onRequest({ request }) {
    // Always the UI's language, not the browser's: the server answers errors in it.
    request.headers.set('Accept-Language', session.language === 'en' ? 'en' : 'zh-CN');
    if (!SAFE_METHODS.has(request.method) && session.csrfToken) request.headers.set('x-csrf-token', session.csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionHeaders);

function toApiError(response: Response, body: unknown): ApiError {
  const problem = (body && typeof body === 'object' ? body : {}) as Problem;
  const errors = (problem.errors ?? [])
    .filter((e): e is FieldMessage => typeof e.field === 'string' && typeof e.message === 'string')
    .map(({ field, message }) => ({ field, message }));
  const detail = problem.detail ?? problem.title ?? response.statusText ?? String(response.status);
  return new ApiError(response.status, problem.code ?? `http_${response.status}`, detail, errors);
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and gives its data, or throws an ApiError built from the problem answer. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (cause) {
    const offline = session.language === 'en' ? 'Cannot reach the server; check the network' : '无法连接服务器，请检查网络';
    throw Object.assign(new ApiError(0, 'network', offline), { cause });
  }
  if (!answer.response.ok) throw toApiError(answer.response, answer.error);
  return answer.data as T;
}
