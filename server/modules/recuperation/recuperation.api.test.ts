import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { PASSWORD, buildFixture, createOrg, createTestApp, createUser, expectStatus, login, type Client, type Fixture } from '../../test/harness.ts';
import { signUpMember } from '../../test/people.ts';

let app: FastifyInstance;
let f: Fixture;
let productId: number;

const batch = async (as: Client, body: Record<string, unknown> = {}) =>
  expectStatus<{ id: number }>(await as.post('/api/recuperation/batches', { productId, startsOn: '2025-09-15', endsOn: '2025-09-19', places: 20, ...body }), 201).id;
const quota = (as: Client, batchId: number, orgId: number, places: number) => as.post('/api/recuperation/quotas', { batchId, orgId, places });

/** `n` members of `orgId`, signed up and approved one after another (each sign-up drains the job queue). */
async function members(orgId: number, n: number, cadre: Client = f.admin) {
  const out: Client[] = [];
  for (let i = 0; i < n; i++) out.push((await signUpMember(app, cadre, orgId, `疗休养${i}`)).client);
  return out;
}

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  productId = expectStatus<{ id: number }>(
    await f.clients.countyCadre.post('/api/recuperation/products', { providerOrgId: f.orgs.county, centerName: '嘉善县职工疗休养服务中心', title: '西塘古镇三日疗休养', destination: '嘉善西塘', days: 3, priceFen: 98_000 }),
    201,
  ).id;
});
afterAll(() => app.close());

describe('products, batches and quotas', () => {
  it('refuses a batch longer than the province allows, and allows partner regions longer', async () => {
    const county = f.clients.countyCadre;
    const long = await county.post('/api/recuperation/batches', { productId, startsOn: '2025-09-15', endsOn: '2025-09-22', places: 10 });
    expect(expectStatus(long, 422).code).toBe('recuperation_trip_too_long');
    const partner = expectStatus<{ id: number }>(await county.post('/api/recuperation/products', { providerOrgId: f.orgs.county, title: '长三角七日疗休养', destination: '上海徐汇', destinationRegion: 'partner', days: 9, priceFen: 300_000 }), 201).id;
    expectStatus(await county.post('/api/recuperation/batches', { productId: partner, startsOn: '2025-09-15', endsOn: '2025-09-23', places: 10 }), 201);
    // a federation sets its own limit: the county allows only 4 working days in the province
    expectStatus(await county.put(`/api/orgs/${f.orgs.county}/recuperation-settings`, { maxWorkingDaysInProvince: 4, maxWorkingDaysPartner: 7, tripsPerYear: 1, minWorkingYears: 1, longServiceYears: 20 }), 200);
    expect(expectStatus(await county.post('/api/recuperation/batches', { productId, startsOn: '2025-09-15', endsOn: '2025-09-19', places: 10 }), 422).code).toBe('recuperation_trip_too_long');
    expectStatus(await county.put(`/api/orgs/${f.orgs.county}/recuperation-settings`, { maxWorkingDaysInProvince: 5, maxWorkingDaysPartner: 7, tripsPerYear: 1, minWorkingYears: 1, longServiceYears: 20 }), 200);
    expect(expectStatus(await f.clients.cadreA.get(`/api/orgs/${f.orgs.unionA}/recuperation-settings`), 200)).toMatchObject({ own: false, settings: { maxWorkingDaysInProvince: 5 } });
  });

  it('hands quotas down level by level and never past the giver’s places', async () => {
    const id = await batch(f.clients.countyCadre, { places: 12 });
    expectStatus(await quota(f.clients.countyCadre, id, f.orgs.streetA, 8), 201);
    expect(expectStatus(await quota(f.clients.countyCadre, id, f.orgs.streetB, 5), 422).code).toBe('recuperation_quota_exceeded');
    expectStatus(await quota(f.clients.countyCadre, id, f.orgs.streetB, 4), 201);
    expect(expectStatus(await quota(f.clients.countyCadre, id, f.orgs.streetA, 1), 409).code).toBe('recuperation_quota_exists');
    // the street gives its own places; a union under a street without places cannot skip the level
    expect(expectStatus(await quota(f.clients.cadreA, id, f.orgs.unionA, 9), 422).code).toBe('recuperation_quota_exceeded');
    expectStatus(await quota(f.clients.cadreA, id, f.orgs.unionA, 8), 201);
    // street B's cadre cannot give street A's places: the giver is out of scope
    const unionA2 = await createOrg(f.admin, { name: '魏塘二号工会', kind: 'grassroots_union', parentId: f.orgs.streetA });
    expectStatus(await quota(f.clients.cadreB, id, unionA2, 1), 404);
    const detail = expectStatus(await f.clients.countyCadre.get(`/api/recuperation/batches/${id}`), 200);
    expect(detail.quotas.map((q: { orgId: number; places: number; taken: number }) => [q.orgId, q.places, q.taken])).toEqual([
      [f.orgs.county, 12, 12],
      [f.orgs.streetA, 8, 8],
      [f.orgs.streetB, 4, 0],
      [f.orgs.unionA, 8, 0],
    ]);
    // street B sees the batch it holds places of, and only its own quota
    expect(expectStatus(await f.clients.cadreB.get(`/api/recuperation/batches/${id}`), 200).quotas.map((q: { orgId: number }) => q.orgId)).toEqual([f.orgs.streetB]);
  });
});

describe('applications within quotas', () => {
  it('100 members racing for 20 places: exactly 20 approved, no union above its quota', async () => {
    const id = await batch(f.clients.countyCadre, { places: 20 });
    expectStatus(await quota(f.clients.countyCadre, id, f.orgs.streetA, 12), 201);
    expectStatus(await quota(f.clients.countyCadre, id, f.orgs.streetB, 8), 201);
    expectStatus(await quota(f.clients.cadreA, id, f.orgs.unionA, 12), 201);
    expectStatus(await quota(f.clients.cadreB, id, f.orgs.unionB, 8), 201);
    const [a, b] = [await members(f.orgs.unionA, 50), await members(f.orgs.unionB, 50)];

    const applied = await Promise.all([...a, ...b].map((m) => m.post(`/api/recuperation/batches/${id}/applications`, { workingYears: 3 })));
    const created = applied.map((r) => expectStatus<{ id: number; status: string }>(r, 201));
    expect(created.slice(0, 50).filter((c) => c.status === 'pending')).toHaveLength(12);
    expect(created.slice(50).filter((c) => c.status === 'pending')).toHaveLength(8);

    const decisions = await Promise.all(created.map((c, i) => (i < 50 ? f.clients.cadreA : f.clients.cadreB).post(`/api/recuperation/applications/${c.id}/approve`)));
    const approved = decisions.filter((r) => r.statusCode === 200);
    expect(approved).toHaveLength(20);
    expect(decisions.filter((r) => r.statusCode !== 200).map((r) => `${r.statusCode} ${r.json().code}`)).toEqual(Array(80).fill('422 recuperation_quota_full'));
    const list = expectStatus(await f.clients.countyCadre.get(`/api/recuperation/applications?batchId=${id}&status=approved&pageSize=100`), 200);
    expect(list.items.filter((x: { orgId: number }) => x.orgId === f.orgs.unionA)).toHaveLength(12);
    expect(list.items.filter((x: { orgId: number }) => x.orgId === f.orgs.unionB)).toHaveLength(8);
    const detail = expectStatus(await f.clients.countyCadre.get(`/api/recuperation/batches/${id}`), 200);
    for (const q of detail.quotas) expect(q.taken).toBeLessThanOrEqual(q.places);

    // the yearly trip: an approved member cannot apply for another batch of the same year
    const winner = [...a, ...b][created.findIndex((c) => c.id === approved[0].json().id)];
    const second = await batch(f.clients.countyCadre, { places: 5, startsOn: '2025-10-13', endsOn: '2025-10-15' });
    expectStatus(await quota(f.clients.countyCadre, second, f.orgs.streetA, 5), 201);
    expectStatus(await quota(f.clients.countyCadre, second, f.orgs.streetB, 0 + 0 || 0), 422);
    const again = await winner.post(`/api/recuperation/batches/${second}/applications`, { workingYears: 3 });
    // a union B winner sees no places of the second batch at all; a union A winner is refused by the yearly rule
    expect([404, 422]).toContain(again.statusCode);
    const aWinner = a[created.slice(0, 50).findIndex((c) => approved.some((r) => r.json().id === c.id))];
    expect(expectStatus(await aWinner.post(`/api/recuperation/batches/${second}/applications`, { workingYears: 3 }), 422).code).toBe('recuperation_yearly_limit');
    const nextYear = await batch(f.clients.countyCadre, { places: 5, startsOn: '2026-03-02', endsOn: '2026-03-04' });
    expectStatus(await quota(f.clients.countyCadre, nextYear, f.orgs.streetA, 5), 201);
    expect(expectStatus(await aWinner.post(`/api/recuperation/batches/${nextYear}/applications`, { workingYears: 3 }), 201).status).toBe('pending');
    // applying twice for one batch
    expect(expectStatus(await aWinner.post(`/api/recuperation/batches/${nextYear}/applications`, { workingYears: 3 }), 409).code).toBe('recuperation_already_applied');
  }, 120_000);

  it('serves priority groups first when places are short, and refuses too few working years', async () => {
    const id = await batch(f.clients.countyCadre, { places: 1 });
    expectStatus(await quota(f.clients.countyCadre, id, f.orgs.streetA, 1), 201);
    const [plain, frontline, newcomer] = await members(f.orgs.unionA, 3);
    expect(expectStatus(await newcomer.post(`/api/recuperation/batches/${id}/applications`, { workingYears: 0 }), 422).code).toBe('recuperation_working_years');
    const p = expectStatus(await plain.post(`/api/recuperation/batches/${id}/applications`, { workingYears: 3 }), 201);
    const fl = expectStatus(await frontline.post(`/api/recuperation/batches/${id}/applications`, { workingYears: 3, frontline: true }), 201);
    expect([p.status, fl.status]).toEqual(['pending', 'waitlisted']);
    expect(expectStatus(await f.clients.cadreA.post(`/api/recuperation/applications/${p.id}/approve`), 422).code).toBe('recuperation_priority_first');
    const list = expectStatus(await f.clients.cadreA.get(`/api/recuperation/applications?batchId=${id}`), 200);
    expect(list.items[0]).toMatchObject({ id: fl.id, priority: 'frontline', actions: ['approve', 'reject'] });
    expectStatus(await f.clients.cadreA.post(`/api/recuperation/applications/${fl.id}/approve`), 200);
    expect(expectStatus(await f.clients.cadreA.post(`/api/recuperation/applications/${fl.id}/approve`), 409).code).toBe('recuperation_decided');
    expectStatus(await f.clients.cadreA.post(`/api/recuperation/applications/${p.id}/reject`, { reason: '名额已满' }), 200);
    const mine = expectStatus(await plain.get('/api/recuperation/applications/mine'), 200);
    expect(mine.items[0]).toMatchObject({ batchId: id, status: 'rejected', reason: '名额已满' });
    const notices = expectStatus(await frontline.get('/api/notifications'), 200);
    expect(notices.items.some((n: { title: string }) => n.title === '疗休养报名已批准')).toBe(true);
  }, 60_000);

  it('keeps cadres to their scope: another street 404, a viewer 403, a member sees only batches with places for them', async () => {
    const id = await batch(f.clients.countyCadre, { places: 2 });
    expectStatus(await quota(f.clients.countyCadre, id, f.orgs.streetA, 2), 201);
    const [m] = await members(f.orgs.unionA, 1);
    const [outsider] = await members(f.orgs.unionB, 1);
    const open = expectStatus(await m.get('/api/recuperation/open-batches'), 200);
    expect(open.items.find((b: { id: number }) => b.id === id)).toMatchObject({ free: 2, applied: null });
    expect(expectStatus(await outsider.get('/api/recuperation/open-batches'), 200).items.some((b: { id: number }) => b.id === id)).toBe(false);
    expectStatus(await outsider.post(`/api/recuperation/batches/${id}/applications`, { workingYears: 3 }), 404);
    const { id: appId } = expectStatus(await m.post(`/api/recuperation/batches/${id}/applications`, { workingYears: 3 }), 201);
    expectStatus(await f.clients.cadreB.post(`/api/recuperation/applications/${appId}/approve`), 404);
    expectStatus(await f.clients.viewer.post(`/api/recuperation/applications/${appId}/approve`), 403);
    expectStatus(await f.clients.cadreB.get(`/api/recuperation/batches/${id}`), 404);
    expect(expectStatus(await f.clients.cadreB.get('/api/recuperation/applications?pageSize=200'), 200).items.some((x: { id: number }) => x.id === appId)).toBe(false);
    const todo = expectStatus(await f.clients.cadreA.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === 'recuperation_applications');
    expect(todo.count).toBeGreaterThan(0);
    const file = await f.clients.cadreA.get(`/api/recuperation/applications/export?batchId=${id}`);
    expect(file.statusCode).toBe(200);
  }, 60_000);
});

describe('partners', () => {
  it('opens a batch to a partner federation’s members under an agreement in force, and to nobody else', async () => {
    const tongxiang = await createOrg(f.admin, { name: '桐乡市总工会', kind: 'federation', level: 'county', parentId: null });
    const tongxiangUnion = await createOrg(f.admin, { name: '桐乡化纤有限公司工会', kind: 'grassroots_union', parentId: tongxiang });
    const stranger = await createOrg(f.admin, { name: '外省某市总工会', kind: 'federation', level: 'county', parentId: null });
    await createUser(f.admin, { username: `tongxiang.${process.pid}`, orgId: tongxiang }, { role: 'cadre', orgId: tongxiang });
    const partnerCadre = await login(app, `tongxiang.${process.pid}`, PASSWORD);

    const open = await batch(f.clients.countyCadre, { places: 6, openToPartners: true });
    const closed = await batch(f.clients.countyCadre, { places: 6 });
    expect(expectStatus(await quota(f.clients.countyCadre, open, tongxiang, 3), 422).code).toBe('recuperation_not_partner');
    expectStatus(await f.clients.countyCadre.post('/api/recuperation/agreements', { orgId: f.orgs.county, partnerOrgId: tongxiang, signedOn: '2025-01-10', validUntil: '2027-12-31' }), 201);
    expect(expectStatus(await f.clients.countyCadre.post('/api/recuperation/agreements', { orgId: f.orgs.county, partnerOrgId: tongxiang, signedOn: '2025-01-10', validUntil: '2024-12-31' }), 422).code).toBe('validation_failed');
    expectStatus(await quota(f.clients.countyCadre, open, tongxiang, 3), 201);
    expect(expectStatus(await quota(f.clients.countyCadre, closed, tongxiang, 3), 422).code).toBe('recuperation_not_partner');
    expect(expectStatus(await quota(f.clients.countyCadre, open, stranger, 1), 422).code).toBe('recuperation_not_partner');
    // the partner's cadre hands its places down its own tree, and sees the agreement
    expectStatus(await quota(partnerCadre, open, tongxiangUnion, 3), 201);
    expect(expectStatus(await partnerCadre.get('/api/recuperation/agreements'), 200).items[0]).toMatchObject({ orgId: f.orgs.county, partnerOrgId: tongxiang, valid: true });
    const [worker] = await members(tongxiangUnion, 1);
    expectStatus(await worker.post(`/api/recuperation/batches/${closed}/applications`, { workingYears: 5 }), 404);
    const { id } = expectStatus(await worker.post(`/api/recuperation/batches/${open}/applications`, { workingYears: 5 }), 201);
    expectStatus(await f.clients.countyCadre.post(`/api/recuperation/applications/${id}/approve`), 404);
    expectStatus(await partnerCadre.post(`/api/recuperation/applications/${id}/approve`), 200);
  }, 60_000);
});
