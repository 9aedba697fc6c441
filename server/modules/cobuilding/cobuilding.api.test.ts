import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, createTestApp, expectStatus, type Fixture } from '../../test/harness.ts';
import { readExport } from '../../test/exports.ts';
import { multipart } from '../pioneer/test-world.ts';
import { finish, partnerWithContact, USCC } from './test-world.ts';

let app: FastifyInstance;
let f: Fixture;

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

describe('partners', () => {
  it('registers a partner with a checked credit code, refuses a wrong check character, and masks the contact phone', async () => {
    const cadre = f.clients.cadreA;
    const created = await cadre.post('/api/partners', { orgId: f.orgs.streetA, name: '杭州银行武林支行', kind: 'bank', uscc: USCC, contactName: '李行长', contactPhone: '13900001111', agreementFrom: '2025-01-01', agreementUntil: '2027-12-31' });
    expect(created.statusCode).toBe(201);
    expect(Object.keys(created.json())).toEqual(['id']);
    const wrong = expectStatus(await cadre.post('/api/partners', { orgId: f.orgs.streetA, name: '错误代码单位', kind: 'mall', uscc: `${USCC.slice(0, 17)}0` }), 422);
    expect(wrong.errors[0].field).toBe('uscc');
    expect(expectStatus(await cadre.post('/api/partners', { orgId: f.orgs.streetA, name: '倒签协议', kind: 'mall', agreementFrom: '2025-02-01', agreementUntil: '2025-01-01' }), 422).code).toBe('partner_agreement_dates');
    expectStatus(await cadre.post('/api/partners', { orgId: f.orgs.streetA, name: '杭州银行武林支行', kind: 'bank' }), 409);
    // no credit code is fine (a public body may have none on hand)
    expectStatus(await cadre.post('/api/partners', { orgId: f.orgs.streetA, name: '市直机关工委', kind: 'public_body' }), 201);
    const list = expectStatus(await cadre.get('/api/partners'), 200).items;
    expect(list.find((p: { name: string }) => p.name === '杭州银行武林支行')).toMatchObject({ uscc: USCC, contactPhone: '139****1111', kind: 'bank' });
    // scope: another street sees nothing, cannot register here; a viewer cannot write
    expect(expectStatus(await f.clients.cadreB.get('/api/partners'), 200).items).toEqual([]);
    expectStatus(await f.clients.cadreB.post('/api/partners', { orgId: f.orgs.streetA, name: '越权', kind: 'bank' }), 404);
    expectStatus(await f.clients.viewer.post('/api/partners', { orgId: f.orgs.streetA, name: '只读', kind: 'bank' }), 403);
    // edit: the agreement is renewed; a reversed date is refused; another street gets 404
    const pid = created.json().id;
    expectStatus(await cadre.patch(`/api/partners/${pid}`, { agreementUntil: '2029-12-31', contactName: '王行长' }), 200);
    expect(expectStatus(await cadre.patch(`/api/partners/${pid}`, { agreementUntil: '2024-12-31' }), 422).code).toBe('partner_agreement_dates');
    expectStatus(await f.clients.cadreB.patch(`/api/partners/${pid}`, { name: '越权' }), 404);
    const file = await readExport(await cadre.get('/api/partners/export'));
    expect(file.rows.some((r) => r.includes('杭州银行武林支行') && r.includes('王行长') && r.some((c) => String(c).includes('2029-12-31')))).toBe(true);
  });
});

describe('two-way claiming', () => {
  it('a union item is claimed by a partner, never by the union; a second claim is 409; done with a photo; rated by the union', async () => {
    const cadre = f.clients.cadreA;
    const { contact, partnerId } = await partnerWithContact(app, cadre, f.orgs.streetA);
    const other = await partnerWithContact(app, cadre, f.orgs.streetA, '浙二医院');
    const item = await cadre.post('/api/list-items', { orgId: f.orgs.streetA, list: 'need', title: '楼宇职工健康体检', description: '300 人' });
    expect(item.statusCode).toBe(201);
    const itemId = item.json().id;
    // the union cannot claim its own item
    expect(expectStatus(await cadre.post(`/api/list-items/${itemId}/claims`), 422).code).toBe('list_item_same_side');
    // two partners race: one claim, one 409
    const race = await Promise.all([contact.post(`/api/list-items/${itemId}/claims`), other.contact.post(`/api/list-items/${itemId}/claims`)]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const winner = race[0].statusCode === 201 ? contact : other.contact;
    const loser = winner === contact ? other.contact : contact;
    expect(expectStatus(await loser.post(`/api/list-items/${itemId}/claims`), 409).code).toBe('list_item_claimed');
    expect(expectStatus(await loser.post(`/api/list-items/${itemId}/start`), 422).code).toBe('list_item_not_claimer');
    // the publisher is told
    expect(expectStatus(await cadre.get('/api/notifications'), 200).items.some((n: { title: string }) => n.title === '清单事项已被认领')).toBe(true);
    expect(expectStatus(await multipart(app, winner, `/api/list-items/${itemId}/finish`, { note: '无照片' }), 422).code).toBe('photo_required');
    expectStatus(await winner.post(`/api/list-items/${itemId}/start`), 200);
    expect(expectStatus(await winner.post(`/api/list-items/${itemId}/rating`, { rating: 5 }), 422).code).toBe('list_item_not_publisher');
    expect(expectStatus(await finish(app, winner, itemId, '体检完成 300 人'), 200).status).toBe('done');
    const listed = expectStatus(await cadre.get(`/api/list-items?list=need`), 200).items.find((i: { id: number }) => i.id === itemId);
    expect(listed).toMatchObject({ status: 'done', side: 'union', actions: ['rate'] });
    expect(expectStatus(await cadre.get('/api/notifications'), 200).items.some((n: { title: string }) => n.title === '清单事项已完成，请评价')).toBe(true);
    expect(expectStatus(await cadre.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === 'cobuilding_to_rate')?.count).toBeGreaterThanOrEqual(1);
    expect(listed.claim.note).toBe('体检完成 300 人');
    const photo = await cadre.get(listed.claim.photoUrl);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toContain('image/png');
    expect(expectStatus(await cadre.post(`/api/list-items/${itemId}/rating`, { rating: 5, comment: '很好' }), 200).status).toBe('rated');
    expect(expectStatus(await cadre.post(`/api/list-items/${itemId}/rating`, { rating: 4 }), 422).code).toBe('list_item_wrong_step');
    const partners = expectStatus(await cadre.get('/api/partners'), 200).items;
    const p = partners.find((x: { id: number }) => x.id === (winner === contact ? partnerId : other.partnerId));
    expect(p).toMatchObject({ claimed: 1, done: 1, averageRating: 5, contacts: 1 });
  });

  it('a partner item is claimed by the union, never by a partner; the partner rates it', async () => {
    const cadre = f.clients.cadreA;
    const { contact, partnerId } = await partnerWithContact(app, cadre, f.orgs.streetA);
    const other = await partnerWithContact(app, cadre, f.orgs.streetA, '银泰百货');
    // a partner publishes only with its own union
    expect(expectStatus(await contact.post('/api/list-items', { orgId: f.orgs.unionA, list: 'resource', title: '越界', description: 'x' }), 422).code).toBe('list_item_partner_org');
    // naming another partner is refused, not silently swapped for its own
    expect(expectStatus(await contact.post('/api/list-items', { orgId: f.orgs.streetA, partnerId: other.partnerId, list: 'resource', title: '冒名', description: 'x' }), 403).code).toBe('list_item_foreign_partner');
    const itemId = expectStatus<{ id: number }>(await contact.post('/api/list-items', { orgId: f.orgs.streetA, partnerId, list: 'resource', title: '会议室共享', description: '周末可用' }), 201).id;
    const todo = async (kind: string) => expectStatus(await cadre.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === kind)?.count ?? 0;
    const toClaim = await todo('cobuilding_to_claim');
    expect(toClaim).toBeGreaterThanOrEqual(1);
    const board = expectStatus(await other.contact.get('/api/list-items/board'), 200).items.find((i: { id: number }) => i.id === itemId);
    expect(board).toMatchObject({ partnerId, side: 'partner', actions: [] });
    expect(expectStatus(await other.contact.post(`/api/list-items/${itemId}/claims`), 422).code).toBe('list_item_same_side');
    expect(expectStatus(await contact.post(`/api/list-items/${itemId}/claims`), 422).code).toBe('list_item_same_side');
    // another street's cadre cannot see it
    expectStatus(await f.clients.cadreB.post(`/api/list-items/${itemId}/claims`), 404);
    expectStatus(await cadre.post(`/api/list-items/${itemId}/claims`), 201);
    expect(await todo('cobuilding_to_claim')).toBe(toClaim - 1);
    expect(await todo('cobuilding_to_finish')).toBeGreaterThanOrEqual(1);
    expectStatus(await cadre.post(`/api/list-items/${itemId}/withdraw`), 200);
    expectStatus(await f.clients.countyCadre.post(`/api/list-items/${itemId}/claims`), 201);
    expectStatus(await f.clients.countyCadre.post(`/api/list-items/${itemId}/start`), 200);
    expectStatus(await finish(app, f.clients.countyCadre, itemId), 200);
    expect(expectStatus(await cadre.post(`/api/list-items/${itemId}/rating`, { rating: 4 }), 422).code).toBe('list_item_not_publisher');
    expectStatus(await contact.post(`/api/list-items/${itemId}/rating`, { rating: 4 }), 200);
    const stats = expectStatus(await cadre.get(`/api/list-items/stats?orgId=${f.orgs.streetA}`), 200);
    expect(stats.byList.find((l: { list: string }) => l.list === 'resource').done).toBeGreaterThanOrEqual(1);
    expect(stats.partners).toBeGreaterThanOrEqual(2);
    // a member with neither role gets 403; the board is for partner contacts only
    expectStatus(await f.clients.member.post('/api/list-items', { orgId: f.orgs.streetA, list: 'need', title: 'x', description: 'y' }), 403);
    expectStatus(await f.clients.member.get('/api/list-items/board'), 403);
    const file = await readExport(await cadre.get('/api/list-items/export'));
    expect(file.rows.some((r) => r.includes('会议室共享'))).toBe(true);
  });
});
