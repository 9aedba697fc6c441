import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { anonymous, buildFixture, createTestApp, expectStatus, type Fixture } from '../../test/harness.ts';
import { signUpMember } from '../../test/people.ts';
import { multipart, PDF } from '../pioneer/test-world.ts';
import { fundraiserBody } from './test-world.ts';

let app: FastifyInstance;
let f: Fixture;

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

const open = async (goalFen = 2_000_000) =>
  expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/fundraisers', { orgId: f.orgs.unionA, title: '春风行动', goalFen, goods: [{ name: '冬装', unit: '套', goal: 400 }] }), 201).id;

describe('fundraisers', () => {
  it('opens a fundraiser and records money and goods donations with receipts', async () => {
    const cadre = f.clients.cadreA;
    const id = await open();
    const a = expectStatus(await cadre.post(`/api/fundraisers/${id}/donations`, { donorName: '张爱心', amountFen: 50_000 }), 201);
    const b = expectStatus(await cadre.post(`/api/fundraisers/${id}/donations`, { donorName: '善通律师事务所', donorKind: 'partner', goods: [{ name: '冬装', quantity: 120 }], showName: true }), 201);
    expect(a.receiptNo).toMatch(/^捐\d{4}-\d{6}$/);
    expect(b.receiptNo).not.toBe(a.receiptNo);
    const detail = expectStatus(await cadre.get(`/api/fundraisers/${id}`), 200);
    expect(detail).toMatchObject({ raisedFen: 50_000, spentFen: 0, balanceFen: 50_000, goods: [{ name: '冬装', unit: '套', goal: 400, raised: 120 }] });

    // nothing given, or goods the fundraiser does not collect: refused
    expect(expectStatus(await cadre.post(`/api/fundraisers/${id}/donations`, { donorName: '空' }), 422).code).toBe('fundraiser_donation_empty');
    expect(expectStatus(await cadre.post(`/api/fundraisers/${id}/donations`, { donorName: '错', goods: [{ name: '大米', quantity: 1 }] }), 422).code).toBe('fundraiser_goods_unknown');

    const r = expectStatus(await cadre.get(`/api/fundraiser-entries/${a.id}/receipt`), 200);
    expect(r).toMatchObject({ receiptNo: a.receiptNo, donorName: '张爱心', amountFen: 50_000, fundraiserTitle: '春风行动' });
  });

  it('never spends beyond the balance or the goods in hand', async () => {
    const cadre = f.clients.cadreA;
    const id = await open();
    expectStatus(await cadre.post(`/api/fundraisers/${id}/donations`, { donorName: '李', amountFen: 10_000, goods: [{ name: '冬装', quantity: 3 }] }), 201);
    expect(expectStatus(await cadre.post(`/api/fundraisers/${id}/disbursements`, { recipientName: '王困难', amountFen: 10_001 }), 409).code).toBe('fundraiser_balance_exceeded');
    expect(expectStatus(await cadre.post(`/api/fundraisers/${id}/disbursements`, { recipientName: '王困难', goods: [{ name: '冬装', quantity: 4 }] }), 409).code).toBe('fundraiser_goods_exceeded');
    // the recipient's hardship file must exist in the cadre's scope: an unknown one, or street B's, is refused
    const needy = await signUpMember(app, cadre, f.orgs.unionA, '王困难');
    const household = { householdSize: 3, monthlyIncomeFen: 300_000, causes: ['illness'], consent: true };
    const fileId = expectStatus<{ id: number }>(await cadre.post('/api/hardship-files', { memberId: needy.memberId, ...household }), 201).id;
    const other = await signUpMember(app, f.clients.cadreB, f.orgs.unionB, '罗困难');
    const otherFileId = expectStatus<{ id: number }>(await f.clients.cadreB.post('/api/hardship-files', { memberId: other.memberId, ...household }), 201).id;
    for (const unknown of [otherFileId, 9_999_999]) {
      expect(expectStatus(await cadre.post(`/api/fundraisers/${id}/disbursements`, { recipientName: '王困难', amountFen: 10_000, hardshipFileId: unknown }), 422).code).toBe('fundraiser_hardship_file_unknown');
    }
    expectStatus(await cadre.post(`/api/fundraisers/${id}/disbursements`, { recipientName: '王困难', amountFen: 10_000, goods: [{ name: '冬装', quantity: 3 }], hardshipFileId: fileId }), 201);
    const detail = expectStatus(await cadre.get(`/api/fundraisers/${id}`), 200);
    expect(detail).toMatchObject({ raisedFen: 10_000, spentFen: 10_000, balanceFen: 0, goods: [{ raised: 3, spent: 3 }] });
    const entries = expectStatus(await cadre.get(`/api/fundraisers/${id}/entries`), 200);
    expect(entries.items[0]).toMatchObject({ kind: 'disbursement', hardshipFileId: fileId, partyName: '王困难' });
  });

  it('adds up after concurrent donations and spends: never spent beyond what was raised', async () => {
    const cadre = f.clients.cadreA;
    const id = await open();
    expectStatus(await cadre.post(`/api/fundraisers/${id}/donations`, { donorName: '首笔', amountFen: 10_000 }), 201);
    // 20 donations of ¥10 and 40 spends of ¥100 at once: at most ¥300 can ever be spent
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => cadre.post(`/api/fundraisers/${id}/donations`, { donorName: `捐赠人${i}`, amountFen: 1_000 })),
      ...Array.from({ length: 40 }, (_, i) => cadre.post(`/api/fundraisers/${id}/disbursements`, { recipientName: `受助人${i}`, amountFen: 10_000 })),
    ]);
    const donated = results.slice(0, 20);
    const spent = results.slice(20);
    expect(donated.every((r) => r.statusCode === 201)).toBe(true);
    const granted = spent.filter((r) => r.statusCode === 201).length;
    expect(spent.every((r) => r.statusCode === 201 || (r.statusCode === 409 && r.json().code === 'fundraiser_balance_exceeded'))).toBe(true);
    expect(granted).toBeGreaterThanOrEqual(1);
    expect(granted).toBeLessThanOrEqual(3);

    const detail = expectStatus(await cadre.get(`/api/fundraisers/${id}`), 200);
    const ledger = expectStatus(await cadre.get(`/api/fundraisers/${id}/entries?pageSize=200`), 200);
    const sum = (kind: string) => ledger.items.filter((e: { kind: string }) => e.kind === kind).reduce((s: number, e: { amountFen: number }) => s + e.amountFen, 0);
    expect(detail.raisedFen).toBe(30_000);
    expect(sum('donation')).toBe(detail.raisedFen);
    expect(sum('disbursement')).toBe(detail.spentFen);
    expect(detail.spentFen).toBe(granted * 10_000);
    expect(detail.balanceFen).toBeGreaterThanOrEqual(0);
  });

  it('credits a member donor with love points and a notice', async () => {
    const cadre = f.clients.cadreA;
    const id = await open();
    const { client, memberId } = await signUpMember(app, cadre, f.orgs.unionA, '赵会员');
    const d = expectStatus(await cadre.post(`/api/fundraisers/${id}/donations`, { donorName: '赵会员', donorKind: 'member', memberId, amountFen: 20_000 }), 201);
    const notices = expectStatus(await client.get('/api/notifications'), 200);
    expect(notices.items.some((n: { body: string }) => n.body.includes(d.receiptNo))).toBe(true);
    // ¥200 earns 20 points by the volunteers' rules, once
    const points = expectStatus(await client.get('/api/love-points/mine'), 200);
    expect(points.balance).toBe(20);
    expect(points.entries[0]).toMatchObject({ points: 20, reason: '爱心捐赠：春风行动' });
    // a donation from the public earns nobody points
    expectStatus(await cadre.post(`/api/fundraisers/${id}/donations`, { donorName: '路人', amountFen: 20_000 }), 201);
    expect(expectStatus(await client.get('/api/love-points/mine'), 200).balance).toBe(20);
    // a member outside the cadre's scope is 404
    const other = await signUpMember(app, f.clients.cadreB, f.orgs.unionB, '罗会员');
    expectStatus(await cadre.post(`/api/fundraisers/${id}/donations`, { donorName: '罗会员', memberId: other.memberId, amountFen: 1 }), 404);
  });

  it('shows a public ledger without donors’ names unless they agreed, and never recipients’', async () => {
    const cadre = f.clients.cadreA;
    const id = await open();
    expectStatus(await cadre.post(`/api/fundraisers/${id}/donations`, { donorName: '钱多多', amountFen: 30_000 }), 201);
    expectStatus(await cadre.post(`/api/fundraisers/${id}/donations`, { donorName: '孙公开', amountFen: 20_000, showName: true }), 201);
    const out = expectStatus<{ id: number }>(await cadre.post(`/api/fundraisers/${id}/disbursements`, { recipientName: '周困难', amountFen: 5_000 }), 201);
    expectStatus(await multipart(app, cadre, `/api/fundraiser-entries/${out.id}/proofs`, {}, { name: '签收单.pdf', type: 'application/pdf', data: PDF }), 201);

    const anon = anonymous(app);
    const pub = expectStatus(await anon.get(`/api/public/fundraisers/${id}`), 200);
    expect(pub).toMatchObject({ raisedFen: 50_000, spentFen: 5_000, balanceFen: 45_000 });
    const names = pub.entries.map((e: { name: string }) => e.name);
    expect(names).toEqual(['周*难', '孙公开', '钱*多']);
    expect(JSON.stringify(pub)).not.toContain('钱多多');
    expect(JSON.stringify(pub)).not.toContain('周困难');
    expect(pub.entries[0].hasProof).toBe(true);
    expect(expectStatus(await anon.get('/api/public/fundraisers'), 200).items.some((x: { id: number }) => x.id === id)).toBe(true);

    // the cadre's ledger names everyone, and the proof downloads
    const entries = expectStatus(await cadre.get(`/api/fundraisers/${id}/entries`), 200);
    expect(entries.items.map((e: { partyName: string }) => e.partyName)).toContain('钱多多');
    const proof = await cadre.get(`/api/fundraiser-proofs/${entries.items[0].proofs[0].id}`);
    expect(proof.statusCode).toBe(200);
    expect(proof.headers['content-disposition']).toContain('attachment');
    // a proof only on a disbursement
    const donation = entries.items.find((e: { kind: string }) => e.kind === 'donation');
    expect(expectStatus(await multipart(app, cadre, `/api/fundraiser-entries/${donation.id}/proofs`, {}, { name: 'x.pdf', type: 'application/pdf', data: PDF }), 422).code).toBe('fundraiser_not_disbursement');
  });

  it('keeps fundraisers to the scope: another street gets 404, a viewer cannot write', async () => {
    const id = await open();
    expectStatus(await f.clients.cadreB.get(`/api/fundraisers/${id}`), 404);
    expectStatus(await f.clients.cadreB.post(`/api/fundraisers/${id}/donations`, { donorName: 'x', amountFen: 1 }), 404);
    expectStatus(await f.clients.cadreB.post('/api/fundraisers', fundraiserBody(f.orgs.unionA)), 404);
    expectStatus(await f.clients.viewer.post(`/api/fundraisers/${id}/donations`, { donorName: 'x', amountFen: 1 }), 403);
    expectStatus(await f.clients.member.get(`/api/fundraisers/${id}`), 403);
    expect(expectStatus(await f.clients.cadreB.get('/api/fundraisers'), 200).items.some((x: { id: number }) => x.id === id)).toBe(false);
    expect(expectStatus(await f.clients.countyCadre.get('/api/fundraisers'), 200).items.some((x: { id: number }) => x.id === id)).toBe(true);
    const xlsx = await f.clients.cadreA.get('/api/fundraisers/export');
    expect(xlsx.statusCode).toBe(200);
    expect((await f.clients.cadreA.get(`/api/fundraisers/${id}/entries/export`)).statusCode).toBe(200);
  });
});
