import { z } from 'zod';
import path from 'node:path';

/**
 * Every setting of gonghui, read from the environment and validated once at start.
 * The README's "Settings" table lists these; keep both in step.
 */
const portSchema = z.coerce.number().int().min(1).max(65535);

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: portSchema.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    GONGHUI_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave unset for the embedded SQLite database)')
      .optional(),
    DATABASE_REPLICA_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (a streaming replica of DATABASE_URL)')
      .optional(),
    GONGHUI_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    GONGHUI_ENCRYPTION_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`')
      .optional(),
    GONGHUI_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    GONGHUI_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
    GONGHUI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    GONGHUI_AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    GONGHUI_AUTH_ADDRESS_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
    GONGHUI_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    GONGHUI_FILE_STORE: z.enum(['local', 'database']).default('local'),
    GONGHUI_SQLITE_READERS: z.coerce.number().int().min(0).max(16).default(0),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.GONGHUI_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['GONGHUI_ENCRYPTION_KEY'],
        message: 'is required in production: personal data cannot be encrypted with a generated key',
      });
    }
  });

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** A streaming replica of databaseUrl for reads that may lag (lists, stats, exports); PostgreSQL only. */
  replicaUrl?: string;
  adminPassword?: string;
  encryptionKey?: string;
  sessionHours: number;
  secureCookies: boolean;
  logLevel: string;
  /** Auth requests a minute per account (username, phone or user). */
  authRateLimit: number;
  /** Auth requests a minute per client address: a budget for a crowd behind one NAT. */
  authAddressRateLimit: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (0: none). */
  trustProxy: number;
  /** Where uploaded files are kept (platform/files.ts): the data directory, or the database that several servers share. */
  fileStore: 'local' | 'database';
  /** Read-only connections of the embedded database, each on a worker thread, for lists, statistics and exports (0: every read on the writer's connection). */
  sqliteReaders: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.GONGHUI_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    replicaUrl: e.DATABASE_REPLICA_URL,
    adminPassword: e.GONGHUI_ADMIN_PASSWORD,
    encryptionKey: e.GONGHUI_ENCRYPTION_KEY,
    sessionHours: e.GONGHUI_SESSION_HOURS,
    secureCookies: e.GONGHUI_SECURE_COOKIES === 'auto' ? e.NODE_ENV === 'production' : e.GONGHUI_SECURE_COOKIES === 'true',
    logLevel: e.GONGHUI_LOG_LEVEL,
    authRateLimit: e.GONGHUI_AUTH_RATE_LIMIT,
    authAddressRateLimit: e.GONGHUI_AUTH_ADDRESS_RATE_LIMIT,
    trustProxy: e.GONGHUI_TRUST_PROXY,
    fileStore: e.GONGHUI_FILE_STORE,
    sqliteReaders: e.GONGHUI_SQLITE_READERS,
  };
}
