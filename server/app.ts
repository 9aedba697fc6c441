import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { CachedSession, Deps } from './platform/context.ts';
import { createPii, resolveMasterKey } from './platform/pii.ts';
import { createFileStore } from './platform/files.ts';
import { logSmsSender, type SmsSender } from './platform/sms.ts';
import { frameworkError, installAccessLayer, installErrorHandling } from './platform/http.ts';
import { installModules } from './platform/module.ts';
import { createJobs } from './platform/jobs-engine.ts';
import type { JobWorker } from './platform/jobs.ts';
import { modules } from './modules/index.ts';
import { installReadRouting, openReadRouting, sqliteReadRouting } from './platform/replica.ts';
import { createSessionCache } from './platform/session-cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The job queue with its worker (the same object as `deps.jobs`). Nothing polls until
     * server/main.ts calls `start()`; closing the app stops it.
     */
    jobWorker: JobWorker;
  }
}

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: () => Date;
  /** The text-message gateway; defaults to the log sender (refused in production). */
  smsSender?: SmsSender;
  /** Serve the built web app from web/dist (off in API tests). */
  serveWeb?: boolean;
  /** Where log lines go (stdout by default); tests read them to prove no personal data is logged. */
  logStream?: NodeJS.WritableStream;
}

/**
 * One access line per request, written when it is answered: method, path and address (`req`),
 * status (`res`) and `responseTime`. Fastify's default writes a second line on arrival, which
 * doubled the log and was a visible share of a cheap request (bench/README.md).
 */
class AccessLog extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            // Query strings can carry an ID number or phone being searched for: log the path only.
            serializers: { req: (req) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }) },
          },
    // Behind N reverse proxies the client's address (rate limits, audit log) comes from X-Forwarded-For.
    trustProxy: config.trustProxy > 0 ? (_address: string, hop: number) => hop < config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    logController: new AccessLog(),
    frameworkErrors: frameworkError,
    ajv: undefined,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const jobs = await createJobs(database.engine, () => deps, app.log);
  if (config.replicaUrl && database.engine === 'sqlite') app.log.warn('DATABASE_REPLICA_URL is ignored: a replica needs PostgreSQL (DATABASE_URL)');
  const reads =
    database.engine === 'postgres'
      ? config.replicaUrl
        ? openReadRouting(config.replicaUrl, database.db, app.log)
        : undefined
      : // An in-memory database (scripts) cannot be opened a second time.
        config.sqliteReaders > 0 && database.file && database.file !== ':memory:'
        ? sqliteReadRouting(database.file, config.sqliteReaders, database.db)
        : undefined;
  const sessions = createSessionCache<CachedSession>(database, app.log);
  await sessions.start();
  const deps: Deps = {
    db: database.db,
    engine: database.engine,
    config,
    clock: opts.clock ?? (() => new Date()),
    pii: createPii(resolveMasterKey(config.encryptionKey, config.dataDir)),
    sms: opts.smsSender ?? logSmsSender(config.env === 'production', (line) => app.log.info(line)),
    jobs,
    reads,
    sessions,
    files: createFileStore(config.fileStore, { dataDir: config.dataDir, db: database.db }),
  };
  app.decorate('deps', deps);
  app.decorate('jobWorker', jobs);
  app.addHook('onClose', () => jobs.stop());
  // Before onClose: whoever owns the database (the test harness) may drop it in its own onClose.
  app.addHook('preClose', async () => {
    await sessions.close();
    await reads?.close();
  });

  await app.register(cookie);
  // helmet's middleware built once: @fastify/helmet rebuilt it (parsing the whole policy) on every
  // request. Set on the raw response in the first hook, so refusals and errors carry it too.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its component styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        // The member portal's service worker (/m/sw.js) and web manifest (/m/manifest.webmanifest).
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, () => done()));
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'gonghui 智慧工会平台 API', version: '0.1.0', description: 'Every route of gonghui. Errors are RFC 9457 problem+json.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gh_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  installErrorHandling(app);
  installAccessLayer(app);
  if (reads) installReadRouting(app, reads);

  installModules(modules);
  for (const m of modules) {
    if (!m.routes) continue;
    const from = app.routeTable.length;
    await app.register(m.routes, { prefix: '/api' });
    // Awaiting register loads the plugin now: the routes added since are this module's.
    for (const route of app.routeTable.slice(from)) route.module = m.name;
  }

  if (opts.serveWeb !== false && fs.existsSync(webDist)) await registerWeb(app);
  return app;
}

/**
 * Files a browser must ask for again every time (`no-cache`: revalidated, never used stale): the
 * pages, which name the current build's hashed assets, and the portal's service worker and web
 * manifest, whose update is how an installed portal learns of a new version. docs/operations.md
 * asks proxies and CDNs to keep these headers.
 */
const revalidated = new Set(['index.html', 'm/index.html', 'm/sw.js', 'm/manifest.webmanifest']);

/**
 * The built console (/) and member portal (/m): static files, with each SPA's index as fallback
 * for its deep links. A missing file (a path with an extension: /m/sw.js, /assets/x.js) is a 404,
 * never a page: a service worker script answered with HTML would fail every update check.
 */
async function registerWeb(app: FastifyInstance) {
  // serve: false — the catch-all below sends files itself; one route per built file (hundreds)
  // only slowed the start.
  await app.register(fastifyStatic, { root: webDist, serve: false, index: false });
  // Read afresh when a rebuild replaced them, so a running server never hands out stale pages.
  const pages = new Map<string, { mtimeMs: number; html: string }>();
  const page = (file: string) => {
    const { mtimeMs } = fs.statSync(file);
    const cached = pages.get(file);
    if (cached?.mtimeMs === mtimeMs) return cached.html;
    const html = fs.readFileSync(file, 'utf8');
    pages.set(file, { mtimeMs, html });
    return html;
  };
  const consoleIndex = path.join(webDist, 'index.html');
  const mobileIndex = path.join(webDist, 'm', 'index.html');
  app.get('/*', { config: { access: 'public' } }, async (req, reply) => {
    const url = req.url.split('?')[0];
    // Dot folders are the build's own (.vite/manifest.json names the build machine's paths).
    if (url.startsWith('/api/') || url.includes('/.')) return reply.callNotFound();
    const file = path.join(webDist, path.normalize(url));
    if (file.startsWith(webDist + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const relative = path.relative(webDist, file).split(path.sep).join('/');
      if (revalidated.has(relative)) return reply.header('cache-control', 'no-cache').sendFile(relative, { cacheControl: false });
      return reply.sendFile(relative);
    }
    if (path.extname(url)) return reply.callNotFound();
    const mobile = (url === '/m' || url.startsWith('/m/')) && fs.existsSync(mobileIndex);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page(mobile ? mobileIndex : consoleIndex));
  });
}
