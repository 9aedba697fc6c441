import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, createTestApp, expectStatus, type Fixture } from '../../test/harness.ts';
import { readExport } from '../../test/exports.ts';
import { signUpMember } from '../../test/people.ts';
import { multipart } from '../pioneer/test-world.ts';
import { partnerWithContact, PNG } from '../cobuilding/test-world.ts';

let app: FastifyInstance;
let f: Fixture;

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

const todo = async (kind: string) => expectStatus(await f.clients.cadreA.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === kind)?.count ?? 0;
const titles = async (c: Parameters<typeof multipart>[1]) => expectStatus(await c.get('/api/notifications'), 200).items.map((n: { title: string }) => n.title);
const fulfil = (as: Parameters<typeof multipart>[1], id: number) => multipart(app, as, `/api/wishes/${id}/fulfilment`, { note: '已送达' }, { name: 'proof.png', type: 'image/png', data: PNG });

describe('micro-wishes', () => {
  it('posted within the cap, moderated, masked on the wall, claimed once, fulfilled with proof, confirmed; points to the claimer', async () => {
    const wisher = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '张小花');
    const claimer = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '李爱心');
    const rival = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '王热心');
    expect(expectStatus(await wisher.client.post('/api/wishes', { title: '一套冬季校服', description: '孩子上学需要', valueFen: 20_001 }), 422).code).toBe('wish_over_cap');
    const { id } = expectStatus<{ id: number }>(await wisher.client.post('/api/wishes', { title: '一套冬季校服', description: '孩子上学需要', valueFen: 15_000 }), 201);
    // the narrative is encrypted at rest; the queue to moderate lists it, the cadre's opening of it shows (and audits) it
    const row = await app.deps.db.selectFrom('wishes').select('description').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.description).not.toContain('孩子上学');
    expect((await todo('wishes_to_moderate')) > 0).toBe(true);
    expect(expectStatus(await f.clients.cadreA.get('/api/wishes?status=pending'), 200).items.find((w: { id: number }) => w.id === id).description).toBeNull();
    expect(expectStatus(await f.clients.cadreA.get(`/api/wishes/${id}`), 200).description).toBe('孩子上学需要');
    expectStatus(await f.clients.cadreB.get(`/api/wishes/${id}`), 404);
    // not on the wall before moderation
    expect(expectStatus(await claimer.client.get('/api/wishes/wall'), 200).items.some((w: { id: number }) => w.id === id)).toBe(false);
    expectStatus(await claimer.client.post(`/api/wishes/${id}/claims`), 404);
    expectStatus(await f.clients.cadreB.post(`/api/wishes/${id}/moderation`, { approve: true }), 404);
    expectStatus(await f.clients.viewer.post(`/api/wishes/${id}/moderation`, { approve: true }), 403);
    expect(expectStatus(await f.clients.cadreA.post(`/api/wishes/${id}/moderation`, { approve: true }), 200).status).toBe('open');
    const onWall = expectStatus(await claimer.client.get('/api/wishes/wall'), 200).items.find((w: { id: number }) => w.id === id);
    expect(onWall).toMatchObject({ wisherName: '张*花', description: null, actions: ['claim'] });
    expect(await titles(wisher.client)).toContain('您的微心愿已上心愿墙');
    expect(expectStatus(await wisher.client.post(`/api/wishes/${id}/claims`), 422).code).toBe('wish_own');
    const race = await Promise.all([claimer.client.post(`/api/wishes/${id}/claims`), rival.client.post(`/api/wishes/${id}/claims`)]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const [won, lost] = race[0].statusCode === 201 ? [claimer, rival] : [rival, claimer];
    expect(expectStatus(await fulfil(lost.client, id), 422).code).toBe('wish_not_claimer');
    expect(expectStatus(await won.client.post(`/api/wishes/${id}/confirmation`), 422).code).toBe('wish_not_wisher');
    expectStatus(await fulfil(won.client, id), 200);
    const mine = expectStatus(await wisher.client.get('/api/wishes/mine'), 200).items[0];
    expect(mine).toMatchObject({ status: 'fulfilled', actions: ['confirm'], proofNote: '已送达' });
    expect((await wisher.client.get(mine.proofUrl)).statusCode).toBe(200);
    expectStatus(await wisher.client.post(`/api/wishes/${id}/confirmation`), 200);
    expectStatus(await wisher.client.post(`/api/wishes/${id}/confirmation`), 422);
    expect(await titles(won.client)).toContain('心愿已圆梦，感谢您的爱心');
    const points = expectStatus(await won.client.get('/api/love-points/mine'), 200);
    expect(points.balance).toBe(20);
    expect(points.entries[0].reason).toContain('一套冬季校服');
    const file = await readExport(await f.clients.cadreA.get('/api/wishes/export'));
    expect(file.rows.some((r) => r.includes('一套冬季校服'))).toBe(true);
  });

  it('a cadre posts for a member of their scope only; a rejected wish stays off the wall; a partner claims and earns no points', async () => {
    const wisher = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '赵困难');
    expectStatus(await f.clients.cadreB.post('/api/wishes', { title: '越权', description: 'x', valueFen: 100, memberId: wisher.memberId }), 404);
    expectStatus(await f.clients.member.post('/api/wishes', { title: '非会员', description: 'x', valueFen: 100 }), 422);
    const rejected = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/wishes', { title: '一台电脑', description: '学习用', valueFen: 20_000, memberId: wisher.memberId }), 201).id;
    expect(expectStatus(await f.clients.cadreA.post(`/api/wishes/${rejected}/moderation`, { approve: false, reason: '价值较高，请改为助学申请' }), 200).status).toBe('rejected');
    const id = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/wishes', { title: '一双劳保鞋', description: '工作用', valueFen: 8_000, memberId: wisher.memberId }), 201).id;
    expectStatus(await f.clients.cadreA.post(`/api/wishes/${id}/moderation`, { approve: true }), 200);
    const { contact } = await partnerWithContact(app, f.clients.cadreA, f.orgs.unionA, '银泰百货');
    const wall = expectStatus(await contact.get('/api/wishes/wall'), 200).items;
    expect(wall.some((w: { id: number }) => w.id === rejected)).toBe(false);
    expectStatus(await contact.post(`/api/wishes/${id}/claims`), 201);
    expectStatus(await fulfil(contact, id), 200);
    expectStatus(await wisher.client.post(`/api/wishes/${id}/confirmation`), 200);
    const listed = expectStatus(await f.clients.cadreA.get('/api/wishes?status=confirmed'), 200).items.find((w: { id: number }) => w.id === id);
    expect(listed.claimerName).toMatch(/^银泰百货/);
    // another street sees none of them
    expect(expectStatus(await f.clients.cadreB.get('/api/wishes'), 200).items).toEqual([]);
  });
});
