import crypto from 'node:crypto';
import type { z } from 'zod';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, conflict, fieldError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { translate } from '../../platform/i18n.ts';
import { checkPasswordPolicy, hashPassword } from '../../platform/passwords.ts';
import { createSession } from '../../platform/sessions.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { SMS_CODE_TTL_MS, SMS_MAX_ATTEMPTS, SMS_RESEND_MS, signupDisplayName } from './rules.ts';
import type { signupBody } from './schema.ts';
import { currentUserView } from './sessions.ts';
import { insertUser, phoneTaken } from './users.ts';

/** A worker's own account: phone and password, the phone proven by a code sent by SMS. */

const codeHash = (deps: Deps, phone: string, code: string) => deps.pii.hash(`sms:${phone}:${code}`);

/**
 * Stores a new code and queues its text message (job `accounts.signup-code`) in one transaction:
 * the answer does not wait for the SMS gateway, and a gateway that fails is tried again.
 */
export async function sendSignupCode(deps: Deps, phone: string): Promise<void> {
  if (!deps.sms.usable()) throw new AppError(503, 'sms_unavailable');
  const phoneHash = deps.pii.hash(phone);
  const now = deps.clock();
  const recent = await deps.db
    .selectFrom('sms_codes')
    .select('id')
    .where('phone_hash', '=', phoneHash)
    .where('purpose', '=', 'signup')
    .where('created_at', '>', new Date(now.getTime() - SMS_RESEND_MS).toISOString())
    .executeTakeFirst();
  if (recent) throw new AppError(429, 'sms_too_frequent');
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  await deps.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('sms_codes')
      .values({
        phone_hash: phoneHash,
        purpose: 'signup',
        code_hash: codeHash(deps, phone, code),
        attempts: 0,
        expires_at: new Date(now.getTime() + SMS_CODE_TTL_MS).toISOString(),
        used_at: null,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The job's data is stored: the phone and the code only as ciphertext.
    const data: SignupCodeText = { codeId: id, phone: deps.pii.encrypt(phone), code: deps.pii.encrypt(code) };
    await deps.jobs.send(SIGNUP_CODE_JOB, data, { key: String(id), trx: tx });
  });
}

export const SIGNUP_CODE_JOB = 'accounts.signup-code';

type SignupCodeText = {
  codeId: number;
  /** ciphertext (pii.encrypt) */
  phone: string;
  /** ciphertext (pii.encrypt) */
  code: string;
};

/**
 * The job that texts a sign-up code. A code already used or expired by the time it runs (a
 * gateway down for a while, a server stopped) is not worth a message any more.
 */
export const textSignupCode: JobDefinition = {
  retryLimit: 3,
  retryDelaySeconds: 15,
  async handler(data, deps) {
    const job = data as SignupCodeText;
    const row = await deps.db.selectFrom('sms_codes').select(['used_at', 'expires_at']).where('id', '=', job.codeId).executeTakeFirst();
    if (!row || row.used_at !== null || row.expires_at <= deps.clock().toISOString()) return;
    const text = translate('sms_signup_code', 'zh', { code: deps.pii.decrypt(job.code), minutes: SMS_CODE_TTL_MS / 60_000 });
    await deps.sms.send(deps.pii.decrypt(job.phone), text);
  },
};

/** Creates the account once the code matches, and logs the worker in. */
export async function signup(deps: Deps, caller: Caller, input: z.infer<typeof signupBody>) {
  const phoneHash = deps.pii.hash(input.phone);
  const now = caller.actor.now;
  const code = await deps.db
    .selectFrom('sms_codes')
    .selectAll()
    .where('phone_hash', '=', phoneHash)
    .where('purpose', '=', 'signup')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!code || code.attempts >= SMS_MAX_ATTEMPTS || code.code_hash !== codeHash(deps, input.phone, input.code)) {
    if (code) await deps.db.updateTable('sms_codes').set({ attempts: code.attempts + 1 }).where('id', '=', code.id).execute();
    throw fieldError('code', 'sms_code_invalid');
  }
  const username = `w${crypto.randomBytes(5).toString('hex')}`;
  checkPasswordPolicy(input.password, username);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    if (await phoneTaken(tx, phoneHash)) throw conflict('phone_taken');
    const used = await tx.updateTable('sms_codes').set({ used_at: now }).where('id', '=', code.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw fieldError('code', 'sms_code_invalid');
    const displayName = input.displayName ?? signupDisplayName(input.phone);
    const id = await insertUser(tx, deps, { username, displayName, passwordHash, phone: input.phone, homeOrgId: null, now });
    await audit(tx, { ...caller.actor, userId: id }, { action: 'user.signup', entity: 'user', entityId: id, orgId: null, after: { username, displayName, phone: input.phone } });
    const session = await createSession(tx, deps, id, caller.actor.ip);
    return { session, user: await currentUserView(tx, { id, username, displayName, grants: [] }) };
  });
}
