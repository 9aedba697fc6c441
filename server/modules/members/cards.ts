import crypto from 'node:crypto';
import type { z } from 'zod';
import type { Caller, Deps } from '../../platform/context.ts';
import { maskName, type Pii } from '../../platform/pii.ts';
import { audit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { membershipOf } from './claims.ts';
import { readableMembers } from './policy.ts';
import { CARD_TOKEN_TTL_SECONDS, holdsCard } from './rules.ts';
import type { cardVerification } from './schema.ts';

/**
 * The e-card's QR code (issue #11 §3): a short-lived token the server signs, never the member
 * number alone, so a card cannot be made up, and a photo of one is worthless after 5 minutes.
 *
 *   GH1.<member id>.<expiry, Unix seconds>.<tag>
 *
 * The tag is HMAC-SHA256 over everything before it, cut to 128 bits (as RFC 4868 does) to keep
 * the QR code small, under a key derived from the deployment's master key for this purpose only
 * (`pii.subkey`): a new master key voids every card token, and nothing else can make one. The
 * member id is an internal row id, not personal data; who the member is, and whether they still
 * are one, is looked up when the card is verified.
 */

const PURPOSE = 'gonghui member card v1';
const VERSION = 'GH1';
const TAG_BYTES = 16;
const TOKEN = /^GH1\.([1-9]\d{0,14})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/;

const keys = new WeakMap<Pii, Buffer>();
function cardKey(pii: Pii): Buffer {
  let key = keys.get(pii);
  if (!key) keys.set(pii, (key = pii.subkey(PURPOSE)));
  return key;
}

const tagOf = (key: Buffer, body: string) => crypto.createHmac('sha256', key).update(body).digest().subarray(0, TAG_BYTES).toString('base64url');

/** A card token for a member, valid until `expiresAt` (Unix seconds). */
export function signCardToken(pii: Pii, memberId: number, expiresAt: number): string {
  const body = `${VERSION}.${memberId}.${expiresAt}`;
  return `${body}.${tagOf(cardKey(pii), body)}`;
}

/**
 * What a token says, if this deployment signed it: null for anything else (a made-up or altered
 * token, another deployment's, or not a token at all). The tag is compared in constant time, as
 * the canonical text, so no two spellings of one tag both pass.
 */
export function openCardToken(pii: Pii, token: string): { memberId: number; expiresAt: number } | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const given = Buffer.from(m[3]);
  const expected = Buffer.from(tagOf(cardKey(pii), `${VERSION}.${m[1]}.${m[2]}`));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return { memberId: Number(m[1]), expiresAt: Number(m[2]) };
}

/** A fresh token for one's own card: only while the membership lasts (member, transferring or retained). */
export async function myCardToken(deps: Deps, caller: Caller) {
  const membership = await membershipOf(deps.db, caller.user!.id);
  if (!membership) throw notFound('member');
  const expiresAt = Math.floor(deps.clock().getTime() / 1000) + CARD_TOKEN_TTL_SECONDS;
  return { token: signCardToken(deps.pii, membership.id, expiresAt), expiresAt: new Date(expiresAt * 1000).toISOString() };
}

type Verification = z.infer<typeof cardVerification>;

/**
 * A cadre or a card verifier checks a scanned card: forged before anything else (an expired
 * forgery is a forgery), then expired, then the membership as it is now. A member outside the
 * caller's card.verify scope is `not_member`, exactly as one who left: a venue of one federation
 * verifies that federation's members and learns nothing of anybody else. Every verification is
 * audited: under the member's union when the member is in scope, else under the caller's (first)
 * granted org, so the union that gave a venue its grant sees the forgeries tried there.
 */
export async function verifyCard(deps: Deps, caller: Caller, token: string): Promise<Verification> {
  const opened = openCardToken(deps.pii, token);
  return deps.db.transaction().execute(async (tx) => {
    let verdict: Verification;
    let member: { id: number; org_id: number } | undefined;
    if (!opened) verdict = { valid: false, reason: 'forged' };
    else if (opened.expiresAt * 1000 <= deps.clock().getTime()) verdict = { valid: false, reason: 'expired' };
    else {
      const row = await tx
        .selectFrom('members')
        .innerJoin('orgs', 'orgs.id', 'members.org_id')
        .select(['members.id', 'members.org_id', 'members.member_no', 'members.name', 'members.status', 'orgs.name as org_name'])
        .where('members.id', '=', opened.memberId)
        .where(readableMembers(caller.scope))
        .executeTakeFirst();
      member = row;
      verdict =
        row && holdsCard(row.status)
          ? { valid: true, memberNo: row.member_no, name: maskName(row.name), orgName: row.org_name, status: row.status }
          : { valid: false, reason: 'not_member' };
    }
    await audit(tx, caller.actor, {
      action: 'member_card.verify',
      entity: 'member',
      entityId: member?.id ?? null,
      orgId: member?.org_id ?? caller.scope.roots[0] ?? null,
      after: verdict.valid ? { valid: true, memberNo: verdict.memberNo } : verdict,
    });
    return verdict;
  });
}
