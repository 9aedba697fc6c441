import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, fieldError, type FieldError } from './errors.ts';
import { noScope, hasAny, isPermission, scopeFor, type RouteAccess } from './access.ts';
import type { Caller, Deps } from './context.ts';
import { fieldLabel, pickLang, translate, type Lang, type MessageCode } from './i18n.ts';
import { fieldErrorsFromIssues, nulCharacterPath } from './validation.ts';
import { SESSION_COOKIE, loadSession } from './sessions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; a route under /api without it refuses to register. */
    access?: RouteAccess;
    /** Login and sign-up: no CSRF token exists yet. */
    csrfExempt?: boolean;
    /**
     * The route judges something handed to it (an e-card's token) rather than addressing a record:
     * what lies outside the caller's scope is refused in its 200 verdict, never answered 404
     * (docs/permissions.md marks such routes `verdict`).
     */
    verdict?: boolean;
  }
  interface FastifyRequest {
    caller: Caller;
  }
  interface FastifyInstance {
    deps: Deps;
    routeTable: RouteInfo[];
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess;
  summary: string;
  /** The module whose routes these are (set by buildApp; absent for the platform's own). */
  module?: string;
  /** Out of scope is refused in the answer's verdict, not by 404 (see FastifyContextConfig.verdict). */
  verdict?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes registered by plugins (Swagger UI, static web assets) that are public by nature. */
function isPluginRoute(url: string): boolean {
  return !url.startsWith('/api/') || url.startsWith('/api/docs');
}

/**
 * The deny-by-default gate: collects the route table, refuses a route without a declared access,
 * loads the session, checks CSRF and the declared permission, and computes the caller's scope.
 */
export function installAccessLayer(app: FastifyInstance): void {
  app.decorate('routeTable', [] as RouteInfo[]);
  app.decorateRequest('caller', null as unknown as Caller);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access) {
      if (isPluginRoute(route.url)) return;
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access: every API route must`);
    }
    if (access !== 'public' && access !== 'authenticated' && !isPermission(access)) {
      throw new Error(`Route ${String(route.method)} ${route.url} needs "${access}", which no module in server/modules/index.ts registers`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeTable.push({
        method,
        url: route.url,
        access,
        summary: (route.schema as { summary?: string } | undefined)?.summary ?? '',
        ...(route.config?.verdict ? { verdict: true } : {}),
      });
    }
  });

  app.addHook('onRequest', async (req) => {
    const lang = pickLang(req.headers['accept-language']);
    const actor = { userId: null, ip: req.ip ?? null, now: app.deps.clock().toISOString() };
    req.caller = { user: null, scope: noScope, actor, lang };
    const access = req.routeOptions.config?.access;
    if (!access) return;

    const token = req.cookies?.[SESSION_COOKIE];
    const user = token ? await loadSession(app.deps, token) : null;
    if (user) {
      req.caller.user = user;
      req.caller.actor.userId = user.id;
      const exempt = req.routeOptions.config.csrfExempt;
      if (!SAFE_METHODS.has(req.method) && !exempt && req.headers['x-csrf-token'] !== user.csrfToken) {
        throw new AppError(403, 'csrf_failed');
      }
    }
    if (access === 'public') return;
    if (!user) throw new AppError(401, 'unauthenticated');
    if (access === 'authenticated') return;
    req.caller.scope = scopeFor(user.grants, access);
    if (!hasAny(req.caller.scope)) throw new AppError(403, 'forbidden');
  });

  // A NUL character makes PostgreSQL fail (a 500) where SQLite stores it: refuse it on both.
  app.addHook('preValidation', async (req) => {
    const field = nulCharacterPath(req.body) ?? nulCharacterPath(req.query);
    if (field === null) return;
    throw fieldError(field, 'nul_character', { label: { zh: fieldLabel(field, 'zh'), en: fieldLabel(field, 'en') } });
  });
}

function problem(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: MessageCode,
  params: Record<string, string | number> = {},
  errors: FieldError[] = [],
  extra: Record<string, unknown> = {},
) {
  const lang: Lang = req.caller?.lang ?? pickLang(req.headers['accept-language']);
  const body: Record<string, unknown> = {
    type: `urn:gonghui:problem:${code}`,
    title: translate(code, lang, params),
    status,
    code,
    detail: translate(code, lang, params),
    instance: req.url.split('?')[0],
    ...extra,
  };
  if (errors.length) {
    body.errors = errors.map((e) => ({
      ...(e.row !== undefined ? { row: e.row } : {}),
      field: e.field,
      ...(e.column !== undefined ? { column: e.column } : {}),
      message: typeof e.message === 'string' ? e.message : e.message[lang],
    }));
  }
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

const FASTIFY_CODES: Record<string, { status: number; code: MessageCode }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_FILES_LIMIT: { status: 413, code: 'payload_too_large' },
  FST_PARTS_LIMIT: { status: 413, code: 'payload_too_large' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'unsupported_media_type' },
};

/**
 * The multipart parser's own errors (no boundary, a boundary over 256 characters, a body cut
 * short) are plain Errors without a code: the client sent a broken upload, not a server bug.
 */
const MULTIPART_PARSE_ERROR = /^(Multipart: Boundary not found|Boundary required|Unexpected end of multipart data|The needle cannot have a length bigger than 256|\w+ terminated early due to unexpected end of multipart data)/;

/** Unique-constraint errors: PostgreSQL's SQLSTATE and better-sqlite3's codes. */
const UNIQUE_VIOLATIONS = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/**
 * Security headers for the router's own refusals below: no hook runs for them, so helmet's
 * headers (app.ts) are not there. A problem body needs nothing from the page's policy: the
 * strictest one, and helmet's defaults for the rest.
 */
const ROUTER_ERROR_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

/**
 * What Fastify's router refuses before any route or hook runs (a malformed URL, a path segment
 * over 100 characters, such as a 400-digit id) leaves as a problem too. Fastify's `frameworkErrors`.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  reply.headers(ROUTER_ERROR_HEADERS);
  return problem(reply, req, err.statusCode === 414 ? 414 : 400, 'bad_request');
}

/** Every error leaves as RFC 9457 problem+json with a stable code; only true bugs are 500s. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang: Lang = req.caller?.lang ?? pickLang(req.headers['accept-language']);
    if (err instanceof AppError) return problem(reply, req, err.status, err.code, err.params, err.fieldErrors, err.extra);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const source = err.validationContext === 'querystring' ? req.query : err.validationContext === 'params' ? req.params : req.body;
      const issues = err.validation.map((v) => ({
        ...(v.params as Record<string, unknown>),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
      }));
      return problem(reply, req, 422, 'validation_failed', {}, fieldErrorsFromIssues(issues, source, lang));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause?.issues }, 'response does not match its schema');
      return problem(reply, req, 500, 'internal');
    }
    // Two requests raced past the same uniqueness check and the database's constraint decided:
    // the loser gets the same 409 it would have got a moment later, not a 500.
    if (UNIQUE_VIOLATIONS.has(String(err.code))) return problem(reply, req, 409, 'conflict');
    if (!err.code && req.isMultipart() && MULTIPART_PARSE_ERROR.test(err.message)) return problem(reply, req, 400, 'invalid_multipart');
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return problem(reply, req, known.status, known.code);
    if (err.statusCode === 429) return problem(reply, req, 429, 'rate_limited');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return problem(reply, req, err.statusCode, 'bad_request');
    req.log.error({ err }, 'unhandled error');
    return problem(reply, req, 500, 'internal');
  });
  app.setNotFoundHandler((req, reply) => problem(reply, req, 404, 'route_not_found'));
}
