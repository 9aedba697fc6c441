import type { Config } from '../config.ts';
import type { Db, Engine } from '../db/database.ts';
import type { Pii } from './pii.ts';
import type { SmsSender } from './sms.ts';
import type { Jobs } from './job-queue.ts';
import type { Grant, Scope } from './access.ts';
import type { Actor } from './audit.ts';
import type { Lang } from './i18n.ts';

/** What every service needs from the running platform; built once in app.ts. */
export interface Deps {
  db: Db;
  engine: Engine;
  pii: Pii;
  config: Config;
  clock: () => Date;
  sms: SmsSender;
  /** Durable jobs (platform/jobs.ts): queue work to run later, retried, at most once per key. */
  jobs: Jobs;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
}

/** One request's caller, as services see it. */
export interface Caller {
  user: SessionUser | null;
  /** The caller's scope for the permission the route declared (empty for public routes). */
  scope: Scope;
  actor: Actor;
  lang: Lang;
}
