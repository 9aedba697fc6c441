import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data (resident ID numbers, phones) at rest: AES-256-GCM ciphertext for reading back,
 * and a keyed HMAC for lookups and uniqueness, so the plain value is never stored or indexed.
 */
export interface Pii {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed hash of a normalised value: same input, same hash, useless without the key. */
  hash(plain: string): string;
  /**
   * A 32-byte key for another purpose, derived from the same master key with HKDF-SHA256 under
   * `purpose` (e.g. 'gonghui member card v1'): one secret to keep, and no derived key reveals the
   * master or another purpose's key.
   */
  subkey(purpose: string): Buffer;
}

const VERSION = 'v1';

export function createPii(masterKeyHex: string): Pii {
  const master = Buffer.from(masterKeyHex, 'hex');
  if (master.length !== 32) throw new Error('The encryption key must be 32 bytes (64 hex characters)');
  const derive = (label: string) => Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), label, 32));
  const encKey = derive('gonghui:pii:enc');
  const macKey = derive('gonghui:pii:mac');
  // Random IVs drawn from a refilled pool: one system call per 1,024 encryptions, not per value.
  const pool = Buffer.alloc(12 * 1024);
  let used = pool.length;
  const nextIv = () => {
    if (used === pool.length) {
      crypto.randomFillSync(pool);
      used = 0;
    }
    used += 12;
    return Buffer.from(pool.subarray(used - 12, used));
  };
  return {
    encrypt(plain) {
      const iv = nextIv();
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64'), body.toString('base64'), tag.toString('base64')].join(':');
    },
    decrypt(stored) {
      const [version, iv, body, tag] = stored.split(':');
      if (version !== VERSION || !iv || body === undefined || !tag) throw new Error('Unknown ciphertext format');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    hash(plain) {
      return crypto.createHmac('sha256', macKey).update(plain.trim().toUpperCase()).digest('base64url');
    },
    subkey(purpose) {
      if (purpose.startsWith('gonghui:pii:')) throw new Error('The personal-data keys are not handed out');
      return derive(purpose);
    },
  };
}

/**
 * The master key: from GONGHUI_ENCRYPTION_KEY, or — embedded mode only — generated once and kept
 * in the data directory with owner-only permissions. Production refuses to start without one
 * (see config.ts).
 */
export function resolveMasterKey(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'encryption.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

/** 13812341234 → 138****1234 */
export function maskPhone(phone: string): string {
  return phone.length < 8 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 330104199001011234 → 3301**********1234 */
export function maskIdNumber(id: string): string {
  return id.length < 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/**
 * 王小明 → 王*明, 张三 → 张*, 欧阳小明 → 欧**明: enough for a person to recognise their own name,
 * not enough to learn a stranger's (what a card verifier sees).
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** Keys whose values never reach the audit log or the logs in plain form. */
const MASKED_KEYS: Partial<Record<string, (v: string) => string>> = {
  phone: maskPhone,
  idNumber: maskIdNumber,
};
const DROPPED_KEYS = new Set(['password', 'newPassword', 'currentPassword', 'passwordHash', 'password_hash', 'phone_enc', 'phone_hash', 'phone_tail_hash', 'csrfToken']);

/** A copy of a record fit for the audit log: personal data masked, secrets removed. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (DROPPED_KEYS.has(key)) continue;
    const mask = MASKED_KEYS[key];
    out[key] = mask && typeof v === 'string' ? mask(v) : redact(v);
  }
  return out;
}
