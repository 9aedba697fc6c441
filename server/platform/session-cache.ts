import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { sql } from 'kysely';
import type { Database, Tx } from '../db/database.ts';

/**
 * Sessions with their user and grants, kept in memory so that a request costs no database round
 * trip for them (docs/architecture.md "Session cache"). Whatever changes a session, a user's
 * `disabled` or password, or a grant calls `changed` inside its transaction, and every server drops
 * what it kept:
 *
 * - PostgreSQL: `changed` sends `pg_notify` in the transaction, so it goes out when (and only if)
 *   the transaction commits; every server LISTENs on a connection of its own (not one of the pool),
 *   and reconnects when it is lost. While it is not listening, nothing is kept, since a change could
 *   go unheard; after a reconnect everything kept is dropped.
 * - SQLite (one process): `changed` drops at once, in every app of the process.
 *
 * The changing server also drops at once, so its own next request never sees what it kept. A
 * request elsewhere can see the old session for as long as the notification takes to arrive
 * (milliseconds), never longer than SESSION_CACHE_MS.
 */

/** The longest a session is kept without being read again. */
export const SESSION_CACHE_MS = 30_000;
/** The most sessions kept; the oldest kept goes first. */
export const SESSION_CACHE_SIZE = 20_000;
const CHANNEL = 'gonghui_sessions';
const RECONNECT_MS = [100, 500, 1_000, 5_000];

/** What changed: one session, everything of one user (password, disabling, grants), or everything (an org closed). */
export type SessionChange = { session: string } | { user: number } | { all: true };

interface Entry<T> {
  value: T;
  userId: number;
  at: number;
}

export interface SessionCache<T = unknown> {
  /** A session kept (by the SHA-256 id), or undefined. */
  get(id: string): T | undefined;
  /** Marks the start of a database read whose answer may be kept with `put`. */
  epoch(): number;
  /** Keeps an answer read since `epoch`, unless something changed meanwhile. */
  put(id: string, userId: number, value: T, epoch: number): void;
  /** Inside the transaction making the change: every server drops what the change touches. */
  changed(tx: Tx, change: SessionChange): Promise<void>;
  /** Resolves once every change committed before the call has been heard here (tests, operators). */
  caughtUp(): Promise<void>;
  /** Starts listening (PostgreSQL); a failure to connect is logged and retried, never fatal. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Apps of one process on SQLite hear each other's changes here. */
const localBus = new EventEmitter();
localBus.setMaxListeners(0);

interface Log {
  warn(obj: object, msg: string): void;
}

export function createSessionCache<T>(database: Database, log: Log): SessionCache<T> {
  const kept = new Map<string, Entry<T>>();
  let generation = 0;
  let listening = database.engine === 'sqlite';
  const waiting = new Map<string, () => void>();

  function drop(change: SessionChange) {
    generation++;
    if ('all' in change) kept.clear();
    else if ('session' in change) kept.delete(change.session);
    else for (const [id, entry] of kept) if (entry.userId === change.user) kept.delete(id);
  }
  const encode = (change: SessionChange) => ('all' in change ? '*' : 'session' in change ? `s:${change.session}` : `u:${change.user}`);
  function hear(payload: string) {
    if (payload.startsWith('sync:')) {
      waiting.get(payload)?.();
      waiting.delete(payload);
    } else if (payload === '*') drop({ all: true });
    else if (payload.startsWith('s:')) drop({ session: payload.slice(2) });
    else if (payload.startsWith('u:')) drop({ user: Number(payload.slice(2)) });
  }

  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  async function listen() {
    if (closed || !database.url) return;
    const c = new pg.Client({ connectionString: database.url, application_name: 'gonghui-session-listener', keepAlive: true });
    client = c;
    const lost = (err?: unknown) => {
      if (client !== c) return;
      client = null;
      listening = false;
      kept.clear();
      generation++;
      for (const release of waiting.values()) release();
      waiting.clear();
      c.end().catch(() => {});
      if (closed) return;
      log.warn({ err }, 'session cache: notification connection lost; reading sessions from the database until it is back');
      setTimeout(listen, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]).unref();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (n) => hear(n.payload ?? ''));
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
      if (client !== c) return;
      // Whatever was kept before may have changed unheard.
      kept.clear();
      generation++;
      listening = true;
      attempt = 0;
    } catch (err) {
      lost(err);
    }
  }
  const onLocal = (change: SessionChange) => drop(change);
  if (database.engine === 'sqlite') localBus.on('change', onLocal);

  return {
    get(id) {
      if (!listening) return undefined;
      const entry = kept.get(id);
      if (!entry) return undefined;
      if (Date.now() - entry.at > SESSION_CACHE_MS) {
        kept.delete(id);
        return undefined;
      }
      return entry.value;
    },
    epoch: () => generation,
    put(id, userId, value, epoch) {
      if (!listening || epoch !== generation) return;
      kept.delete(id);
      kept.set(id, { value, userId, at: Date.now() });
      if (kept.size > SESSION_CACHE_SIZE) kept.delete(kept.keys().next().value!);
    },
    async changed(tx, change) {
      drop(change);
      if (database.engine === 'sqlite') localBus.emit('change', change);
      else await sql`select pg_notify(${CHANNEL}, ${encode(change)})`.execute(tx);
    },
    async caughtUp() {
      if (database.engine === 'sqlite' || !listening) return;
      const payload = `sync:${crypto.randomBytes(6).toString('hex')}`;
      const heard = new Promise<void>((resolve) => waiting.set(payload, resolve));
      // Notifications arrive in commit order: this one comes after every change committed before it.
      await sql`select pg_notify(${CHANNEL}, ${payload})`.execute(database.db);
      await heard;
    },
    async close() {
      closed = true;
      localBus.off('change', onLocal);
      const c = client;
      client = null;
      listening = false;
      kept.clear();
      if (c) await c.end().catch(() => {});
    },
    start: listen,
  };
}
