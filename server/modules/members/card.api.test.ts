import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { anonymous, buildFixture, clockOf, createTestApp, createUser, expectStatus, login, PASSWORD, type Client, type Fixture } from '../../test/harness.ts';
import { signUpMember, signUpWorker } from '../../test/people.ts';
import { createPii } from '../../platform/pii.ts';
import { signCardToken } from './cards.ts';

/**
 * The verifiable e-card (issue #11 §3): a member's QR code is a token signed by the deployment and
 * valid for 5 minutes; cadres and card verifiers check it and see valid with a masked name, or a
 * refusal with its reason. On both engines.
 */

let app: FastifyInstance;
let f: Fixture;
/** 王小明, a member of union A (street A) */
let member: { client: Client; memberId: number };
/** card verifiers (核验员) of a partner venue, granted on street A and on street B */
let venueA: Client;
let venueB: Client;

const tokenOf = async (client: Client) => expectStatus<{ token: string; expiresAt: string }>(await client.get('/api/members/me/card-token'), 200);
const verify = async (as: Client, token: string) => expectStatus(await as.post('/api/member-cards/verify', { token }), 200);
const lastVerification = () =>
  app.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'member_card.verify').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  member = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '王小明');
  await createUser(f.admin, { username: 'venue.a', displayName: '魏塘职工书屋', orgId: f.orgs.streetA }, { role: 'card_verifier', orgId: f.orgs.streetA });
  await createUser(f.admin, { username: 'venue.b', displayName: '罗星健身馆', orgId: f.orgs.streetB }, { role: 'card_verifier', orgId: f.orgs.streetB });
  [venueA, venueB] = await Promise.all([login(app, 'venue.a', PASSWORD), login(app, 'venue.b', PASSWORD)]);
});
afterAll(() => app.close());

describe('the e-card token', () => {
  it('is signed for the member and lasts 5 minutes from now; the next one is a new token', async () => {
    const now = clockOf(app)().getTime();
    const first = await tokenOf(member.client);
    expect(first.token).toMatch(new RegExp(`^GH1\\.${member.memberId}\\.\\d+\\.[A-Za-z0-9_-]{22}$`));
    expect(first.token).not.toContain(String((await member.client.get('/api/me/member')).json().memberNo));
    expect(Date.parse(first.expiresAt)).toBe(Math.floor(now / 1000) * 1000 + 5 * 60_000);
    clockOf(app).advance(4 * 60_000);
    const second = await tokenOf(member.client);
    expect(second.token).not.toBe(first.token);
    expect(Date.parse(second.expiresAt) - Date.parse(first.expiresAt)).toBe(4 * 60_000);
  });

  it('is only for a member: a worker who has not joined gets 404', async () => {
    const { client } = await signUpWorker(app);
    const res = await client.get('/api/members/me/card-token');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    expect((await anonymous(app).get('/api/members/me/card-token')).statusCode).toBe(401);
  });
});

describe('verifying an e-card', () => {
  it('a street cadre sees valid, the member number, the masked name, the union and the status, and the check is audited', async () => {
    const { token } = await tokenOf(member.client);
    const card = await verify(f.clients.cadreA, token);
    const memberNo = (await member.client.get('/api/me/member')).json().memberNo;
    expect(card).toEqual({ valid: true, memberNo, name: '王*明', orgName: '魏塘精工有限公司工会', status: 'member' });
    expect(JSON.stringify(card)).not.toContain('王小明');
    const entry = await lastVerification();
    expect(entry).toMatchObject({ actor_id: f.users.cadreA, entity: 'member', entity_id: String(member.memberId), org_id: f.orgs.unionA });
    expect(JSON.parse(entry.after!)).toEqual({ valid: true, memberNo });
  });

  it('refuses a token past its 5 minutes as expired, while a fresh one passes', async () => {
    const old = await tokenOf(member.client);
    clockOf(app).advance(5 * 60_000 - 1000);
    expect((await verify(f.clients.cadreA, old.token)).valid).toBe(true);
    clockOf(app).advance(1000);
    expect(await verify(f.clients.cadreA, old.token)).toEqual({ valid: false, reason: 'expired' });
    expect(JSON.parse((await lastVerification()).after!)).toEqual({ valid: false, reason: 'expired' });
    expect((await verify(f.clients.cadreA, (await tokenOf(member.client)).token)).valid).toBe(true);
  });

  it('refuses as forged whatever this deployment did not sign, an expired forgery included', async () => {
    const { token } = await tokenOf(member.client);
    const [v, id, exp, tag] = token.split('.');
    const other = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '李四');
    const flipped = tag.slice(0, -1) + (tag.endsWith('A') ? 'B' : 'A');
    const now = Math.floor(clockOf(app)().getTime() / 1000);
    const forgeries = [
      [v, other.memberId, exp, tag].join('.'), // another member's id under this member's tag
      [v, id, Number(exp) + 3600, tag].join('.'), // a longer life under the same tag
      [v, id, exp, flipped].join('.'),
      [v, id, exp].join('.'),
      `GONGHUI:MEMBER:${(await member.client.get('/api/me/member')).json().memberNo}`, // the old card code: the member number alone
      signCardToken(createPii('1e'.repeat(32)), member.memberId, now + 300), // another deployment's key
      signCardToken(createPii('1e'.repeat(32)), member.memberId, now - 600), // …and expired too
      'hello',
    ];
    for (const forged of forgeries) expect(await verify(f.clients.cadreA, String(forged)), String(forged)).toEqual({ valid: false, reason: 'forged' });
    const entry = await lastVerification();
    expect(entry).toMatchObject({ entity_id: null, org_id: f.orgs.streetA });
    expect(JSON.parse(entry.after!)).toEqual({ valid: false, reason: 'forged' });
    // A blank code is a mistake, not a card: refused as invalid input, with nothing audited.
    const blank = await f.clients.cadreA.post('/api/member-cards/verify', { token: '  ' });
    expect(blank.statusCode).toBe(422);
  });

  it('refuses the card of a member who left (not_member), and the member gets no new token', async () => {
    const leaver = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '赵离开');
    const { token } = await tokenOf(leaver.client);
    expectStatus(await f.clients.cadreA.patch(`/api/members/${leaver.memberId}`, { status: 'left' }), 200);
    expect(await verify(f.clients.cadreA, token)).toEqual({ valid: false, reason: 'not_member' });
    expect((await leaver.client.get('/api/members/me/card-token')).statusCode).toBe(404);
  });

  it('accepts a retained membership and a member in the middle of a transfer, showing their status', async () => {
    const retired = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '钱退休');
    expectStatus(await f.clients.cadreA.patch(`/api/members/${retired.memberId}`, { status: 'retained', retainedReason: 'retired' }), 200);
    expect(await verify(f.clients.cadreA, (await tokenOf(retired.client)).token)).toMatchObject({ valid: true, name: '钱*休', status: 'retained' });
    const moving = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '孙接转');
    expectStatus(await moving.client.post(`/api/members/${moving.memberId}/transfers`, { toOrgId: f.orgs.unionB }), 201);
    expect(await verify(f.clients.cadreA, (await tokenOf(moving.client)).token)).toMatchObject({ valid: true, status: 'transferring' });
  });
});

describe('who may verify', () => {
  it('a card verifier (核验员) of street A verifies street A’s members, and can do nothing else', async () => {
    const { token } = await tokenOf(member.client);
    expect(await verify(venueA, token)).toMatchObject({ valid: true, name: '王*明' });
    const me = expectStatus(await venueA.get('/api/me'), 200);
    expect(me.grants).toEqual([expect.objectContaining({ role: 'card_verifier', orgId: f.orgs.streetA, permissions: ['card.verify', 'benefit.redeem'] })]);
    for (const url of ['/api/members', `/api/members/${member.memberId}`, '/api/users', '/api/orgs', '/api/audit-log']) {
      expect((await venueA.get(url)).statusCode, url).toBe(403);
    }
  });

  it('every role that reads the roll verifies within its scope: the county viewer and cadre, the platform admin', async () => {
    const { token } = await tokenOf(member.client);
    for (const as of [f.clients.viewer, f.clients.countyCadre, f.admin]) expect((await verify(as, token)).valid).toBe(true);
  });

  it('outside the caller’s scope the card is not_member, as if the member were not there; the try is audited under the caller’s org', async () => {
    const { token } = await tokenOf(member.client);
    for (const as of [venueB, f.clients.cadreB]) expect(await verify(as, token)).toEqual({ valid: false, reason: 'not_member' });
    expect(await lastVerification()).toMatchObject({ actor_id: f.users.cadreB, entity_id: null, org_id: f.orgs.streetB });
  });

  it('a member, a worker and a judge may not verify (403), nobody without a session (401)', async () => {
    const { token } = await tokenOf(member.client);
    await createUser(f.admin, { username: 'card.judge', orgId: f.orgs.county }, { role: 'judge', orgId: f.orgs.county });
    for (const as of [f.clients.member, member.client, await login(app, 'card.judge', PASSWORD)]) {
      const res = await as.post('/api/member-cards/verify', { token });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    expect((await anonymous(app).post('/api/member-cards/verify', { token })).statusCode).toBe(401);
  });

  it('limits each verifier account to 60 checks a minute (429), without slowing other verifiers', async () => {
    await createUser(f.admin, { username: 'venue.busy', orgId: f.orgs.streetA }, { role: 'card_verifier', orgId: f.orgs.streetA });
    const busy = await login(app, 'venue.busy', PASSWORD);
    const { token } = await tokenOf(member.client);
    for (let i = 0; i < 60; i++) expectStatus(await busy.post('/api/member-cards/verify', { token }), 200);
    const limited = await busy.post('/api/member-cards/verify', { token });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect((await verify(venueA, token)).valid).toBe(true);
  });
});
