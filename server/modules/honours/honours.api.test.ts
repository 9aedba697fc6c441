import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { PASSWORD, buildFixture, clockOf, createTestApp, createUser, expectStatus, login, type Client, type Fixture } from '../../test/harness.ts';
import { newIdNumber, newPhone, signUpWorker } from '../../test/people.ts';

let app: FastifyInstance;
let f: Fixture;

/** A signed-up worker who joined `orgId` as an employee of `enterpriseId`, approved by `cadre`. */
async function memberAt(cadre: Client, orgId: number, enterpriseId: number, name: string, birth = '1988-05-06') {
  const { client } = await signUpWorker(app);
  const { id } = expectStatus(await client.post('/api/join-applications', { name, idNumber: newIdNumber(birth), phone: newPhone(), orgId, enterpriseId, consent: true }), 201);
  const { memberId } = expectStatus(await cadre.post(`/api/join-applications/${id}/approve`), 200);
  return { client, memberId: memberId as number };
}

async function modelWorker(as: Client, body: Record<string, unknown>) {
  return expectStatus<{ id: number }>(await as.post('/api/model-workers', { kind: 'model_worker', title: '浙江省劳动模范', year: 2020, level: 'province', ...body }), 201).id;
}

const ledger = async (as: Client, id: number) => expectStatus(await as.get(`/api/model-workers/${id}/ledger`), 200);

beforeAll(async () => {
  // long sessions: the tests move the clock past a publicity period
  app = await createTestApp({ sessionHours: 24 * 30 });
  f = await buildFixture(app);
});
afterAll(() => app.close());

describe('the allowance ledger', () => {
  it('pays verified model workers once a month, skips the unverified, and keeps the sum through a reversal', async () => {
    const cadre = f.clients.cadreA;
    const { memberId, client: worker } = await memberAt(cadre, f.orgs.unionA, f.enterprises.a, '钱劳模');
    const verified = await modelWorker(cadre, { orgId: f.orgs.streetA, memberId });
    const unverified = await modelWorker(cadre, { orgId: f.orgs.streetA, name: '孙退休', employer: '魏塘精工有限公司', level: 'county', title: '嘉善县劳动模范' });

    // the unverified one is a to-do on the workbench
    const todos = expectStatus(await cadre.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === 'model_workers_unverified');
    expect(todos.count).toBe(2);

    expectStatus(await cadre.post(`/api/model-workers/${verified}/verifications`, { year: 2025, alive: true, inPost: true }), 201);
    expectStatus(await cadre.post(`/api/model-workers/${verified}/verifications`, { year: 2025, alive: true, inPost: true }), 409);
    expect(expectStatus(await cadre.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === 'model_workers_unverified').count).toBe(1);

    const run = expectStatus(await cadre.post('/api/allowance-runs', { orgId: f.orgs.streetA, month: '2025-06' }), 202);
    expect(run.status).toBe('queued');
    await app.deps.jobs.drain();
    const runs = expectStatus(await cadre.get('/api/allowance-runs'), 200).items;
    expect(runs[0]).toMatchObject({ month: '2025-06', status: 'done', paid: 1, skipped: 1, totalFen: 30_000 });

    // asked again for the month: the same run, nothing queued, nothing paid twice
    const again = expectStatus(await cadre.post('/api/allowance-runs', { orgId: f.orgs.streetA, month: '2025-06' }), 200);
    expect(again.id).toBe(run.id);
    // the county's run for the same month covers street A too, and pays nobody twice
    expectStatus(await f.clients.countyCadre.post('/api/allowance-runs', { orgId: f.orgs.county, month: '2025-06' }), 202);
    await app.deps.jobs.drain();
    expect(expectStatus(await f.clients.countyCadre.get('/api/allowance-runs'), 200).items[0]).toMatchObject({ orgId: f.orgs.county, paid: 0, skipped: 1 });

    let l = await ledger(cadre, verified);
    expect(l.items).toHaveLength(1);
    expect(l.items[0]).toMatchObject({ kind: 'allowance', month: '2025-06', amountFen: 30_000 });
    expect(l.balanceFen).toBe(30_000);
    expect((await ledger(cadre, unverified)).items).toEqual([]);

    // the paid member is told
    const notices = expectStatus(await worker.get('/api/notifications'), 200);
    expect(notices.items.some((n: { body: string }) => n.body.includes('300.00'))).toBe(true);

    // a correction reverses; the original stays; the sum still adds up
    const entryId = l.items[0].id;
    const reversal = expectStatus<{ id: number }>(await cadre.post(`/api/allowance-entries/${entryId}/reversal`, { reason: '重复发放' }), 201);
    expect(expectStatus(await cadre.post(`/api/allowance-entries/${entryId}/reversal`, { reason: '再次' }), 422).code).toBe('allowance_already_reversed');
    expect(expectStatus(await cadre.post(`/api/allowance-entries/${reversal.id}/reversal`, { reason: '再次' }), 422).code).toBe('allowance_reversal_of_reversal');
    l = await ledger(cadre, verified);
    expect(l.items.map((e: { amountFen: number }) => e.amountFen)).toEqual([30_000, -30_000]);
    expect(l.items[0].reversed).toBe(true);
    expect(l.balanceFen).toBe(0);

    // next month pays again, and the balance is the sum of every entry
    expectStatus(await cadre.post('/api/allowance-runs', { orgId: f.orgs.streetA, month: '2025-07' }), 202);
    await app.deps.jobs.drain();
    l = await ledger(cadre, verified);
    expect(l.balanceFen).toBe(30_000);
    expect(l.balanceFen).toBe(l.items.reduce((s: number, e: { amountFen: number }) => s + e.amountFen, 0));
    const listed = expectStatus(await cadre.get('/api/model-workers'), 200).items.find((m: { id: number }) => m.id === verified);
    expect(listed).toMatchObject({ balanceFen: 30_000, verifiedThisYear: true, monthlyAllowanceFen: 30_000, name: '钱劳模', employer: '魏塘精工有限公司' });
  });

  it('pays a federation’s own amounts: settings override the defaults for its subtree', async () => {
    const cadre = f.clients.countyCadre;
    const current = expectStatus(await cadre.get(`/api/orgs/${f.orgs.streetB}/honour-settings`), 200);
    expect(current.own).toBe(false);
    const settings = { ...current.settings, modelWorkerAllowanceFen: { ...current.settings.modelWorkerAllowanceFen, city: 25_000 } };
    expectStatus(await f.clients.cadreB.put(`/api/orgs/${f.orgs.streetB}/honour-settings`, settings), 200);
    const id = await modelWorker(f.clients.cadreB, { orgId: f.orgs.streetB, name: '周市劳模', level: 'city', title: '嘉兴市劳动模范' });
    expectStatus(await f.clients.cadreB.post(`/api/model-workers/${id}/verifications`, { year: 2025, alive: true, inPost: true }), 201);
    expectStatus(await f.clients.cadreB.post('/api/allowance-runs', { orgId: f.orgs.streetB, month: '2025-08' }), 202);
    await app.deps.jobs.drain();
    expect((await ledger(f.clients.cadreB, id)).balanceFen).toBe(25_000);
    // a model worker found not alive is no longer paid
    const gone = await modelWorker(f.clients.cadreB, { orgId: f.orgs.streetB, name: '吴故', level: 'county', title: '嘉善县劳动模范' });
    expectStatus(await f.clients.cadreB.post(`/api/model-workers/${gone}/verifications`, { year: 2025, alive: false, inPost: false }), 201);
    expect(expectStatus(await f.clients.cadreB.post(`/api/model-workers/${gone}/verifications`, { year: 2026, alive: true, inPost: true }), 422).code).toBe('model_worker_ended');
  });
});

describe('scope', () => {
  it('a sibling street’s model workers, ledgers and studios are absent or 404', async () => {
    const a = f.clients.cadreA;
    const b = f.clients.cadreB;
    const id = await modelWorker(a, { orgId: f.orgs.unionA, name: '郑范', level: 'county', title: '嘉善县劳动模范' });
    const studio = expectStatus<{ id: number }>(await a.post('/api/studios', { orgId: f.orgs.unionA, enterpriseId: f.enterprises.a, name: '郑范劳模创新工作室', kind: 'model_worker', leaderModelWorkerId: id, foundedOn: '2021-05-01' }), 201).id;
    expect(expectStatus(await b.get('/api/model-workers?pageSize=200'), 200).items.some((m: { id: number }) => m.id === id)).toBe(false);
    expect(expectStatus(await b.get(`/api/model-workers/${id}/ledger`), 404).code).toBe('not_found');
    expectStatus(await b.post(`/api/model-workers/${id}/verifications`, { year: 2025, alive: true, inPost: true }), 404);
    expectStatus(await b.get(`/api/studios/${studio}`), 404);
    expect(expectStatus(await b.get('/api/studios?pageSize=200'), 200).items.some((s: { id: number }) => s.id === studio)).toBe(false);
    expectStatus(await b.get(`/api/orgs/${f.orgs.streetA}/studio-stats`), 404);
    // a street cannot lead its studio with another street's model worker
    expectStatus(await b.post('/api/studios', { orgId: f.orgs.unionB, name: '借名工作室', kind: 'model_worker', leaderModelWorkerId: id, foundedOn: '2021-05-01' }), 404);
    expect(expectStatus(await f.clients.viewer.get(`/api/model-workers/${id}/ledger`), 200).name).toBe('郑范');
    expectStatus(await f.clients.viewer.post(`/api/model-workers/${id}/verifications`, { year: 2025, alive: true, inPost: true }), 403);
  });
});

describe('innovation studios', () => {
  it('records achievements and assessments and counts them per scope', async () => {
    const a = f.clients.cadreA;
    const leader = await modelWorker(a, { orgId: f.orgs.unionA, name: '冯工', level: 'city', title: '嘉兴市劳动模范' });
    const id = expectStatus<{ id: number }>(await a.post('/api/studios', { orgId: f.orgs.unionA, enterpriseId: f.enterprises.a, name: '冯工劳模创新工作室', kind: 'model_worker', leaderModelWorkerId: leader, foundedOn: '2019-03-01', members: ['陈一', '林二'] }), 201).id;
    expectStatus(await a.post(`/api/studios/${id}/achievements`, { kind: 'patent', title: '一种铝型材挤压模具', year: 2024, patentNo: 'ZL202420000001.1' }), 201);
    expect(expectStatus(await a.post(`/api/studios/${id}/achievements`, { kind: 'patent', title: '无号专利', year: 2024 }), 422).code).toBe('validation_failed');
    expectStatus(await a.post(`/api/studios/${id}/achievements`, { kind: 'improvement', title: '熔铸炉余热回收', year: 2024, savingsFen: 12_000_000 }), 201);
    expectStatus(await a.post(`/api/studios/${id}/assessments`, { year: 2024, level: 'city', passed: true }), 201);
    expectStatus(await a.post(`/api/studios/${id}/assessments`, { year: 2024, level: 'city', passed: true }), 409);
    const detail = expectStatus(await a.get(`/api/studios/${id}`), 200);
    expect(detail).toMatchObject({ level: 'city', leaderName: '冯工', members: 3, patents: 1, improvements: 1, savingsFen: 12_000_000 });
    const stats = expectStatus(await a.get(`/api/orgs/${f.orgs.streetA}/studio-stats`), 200);
    // the data screen's honours section counts the same subtree
    const screen = expectStatus(await a.get(`/api/orgs/${f.orgs.streetA}/overview`), 200).figures.honours;
    expect(screen.studios).toBe(stats.total);
    expect(screen.studioSavingsFen).toBe(stats.savingsFen);
    expect(screen.modelWorkers).toBeGreaterThanOrEqual(1);
    expect(stats.byLevel.city).toBe(1);
    expect(stats.savingsFen).toBe(12_000_000);
    expect(stats.total).toBeGreaterThanOrEqual(1);
    expect(expectStatus(await a.post('/api/studios', { orgId: f.orgs.unionA, name: '无领办人', kind: 'craftsman', foundedOn: '2021-01-01' }), 422).code).toBe('studio_leader_required');
  });
});

describe('craftsman selection', () => {
  it('is held every three years per federation: a second selection inside the period is refused, allowed after', async () => {
    const c = f.clients.countyCadre;
    expectStatus(await c.post('/api/craftsman-selections', { orgId: f.orgs.county, title: '2025年度嘉善工匠评选', year: 2025, quota: 2 }), 201);
    const refused = expectStatus(await c.post('/api/craftsman-selections', { orgId: f.orgs.county, title: '2027年度嘉善工匠评选', year: 2027, quota: 2 }), 422);
    expect(refused.code).toBe('craftsman_selection_too_soon');
    expect(refused.detail ?? refused.title).toBeTruthy();
    expectStatus(await c.post('/api/craftsman-selections', { orgId: f.orgs.county, title: '2028年度嘉善工匠评选', year: 2028, quota: 2 }), 201);
    // another federation keeps its own period
    expectStatus(await f.clients.cadreA.post('/api/craftsman-selections', { orgId: f.orgs.streetA, title: '魏塘工匠评选', year: 2026, quota: 1 }), 201);
  });

  it('refuses a judge marking a candidate of their own enterprise, ranks, publicizes, hears objections and names within the quota', async () => {
    const b = f.clients.cadreB;
    const sel = expectStatus<{ id: number }>(await b.post('/api/craftsman-selections', { orgId: f.orgs.streetB, title: '罗星工匠评选', year: 2025, quota: 1 }), 201).id;
    const one = await memberAt(b, f.orgs.unionB, f.enterprises.b, '罗一');
    const two = await memberAt(b, f.orgs.unionB, f.enterprises.b, '罗二');
    const old = await memberAt(b, f.orgs.unionB, f.enterprises.b, '罗老', '1950-01-01');
    expect(expectStatus(await b.post(`/api/craftsman-selections/${sel}/candidates`, { memberId: old.memberId }), 422).code).toBe('craftsman_candidate_too_old');
    const c1 = expectStatus<{ id: number }>(await b.post(`/api/craftsman-selections/${sel}/candidates`, { memberId: one.memberId }), 201).id;
    const c2 = expectStatus<{ id: number }>(await b.post(`/api/craftsman-selections/${sel}/candidates`, { memberId: two.memberId }), 201).id;

    // a judge who works at enterprise b (a member there) and one from elsewhere
    const insider = await memberAt(b, f.orgs.unionB, f.enterprises.b, '内部评委');
    const outsiderId = await createUser(f.admin, { username: 'judge.out', displayName: '外部评委', orgId: f.orgs.county }, { role: 'judge', orgId: f.orgs.county });
    const outsider = await login(app, 'judge.out', PASSWORD);
    expectStatus(await b.post(`/api/craftsman-selections/${sel}/judges`, { userId: insider.client.user!.id }), 201);
    expectStatus(await b.post(`/api/craftsman-selections/${sel}/judges`, { userId: outsiderId }), 201);

    // each judge's own sheet lists the candidates still to mark, and the workbench counts them
    expect(expectStatus(await outsider.get('/api/craftsman-marking'), 200).items.map((i: { name: string; myMark: number | null }) => [i.name, i.myMark])).toEqual([['罗一', null], ['罗二', null]]);
    expect(expectStatus(await outsider.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === 'craftsman_my_marks').count).toBe(2);
    expect(expectStatus(await f.clients.cadreB.get('/api/craftsman-marking'), 200).items).toEqual([]);
    expect(expectStatus(await insider.client.put(`/api/craftsman-candidates/${c1}/marks`, { value: 90 }), 422).code).toBe('craftsman_judge_conflict');
    expectStatus(await outsider.put(`/api/craftsman-candidates/${c1}/marks`, { value: 101 }), 422);
    expectStatus(await f.clients.cadreA.put(`/api/craftsman-candidates/${c1}/marks`, { value: 80 }), 404);
    expectStatus(await outsider.put(`/api/craftsman-candidates/${c1}/marks`, { value: 92 }), 200);
    expectStatus(await outsider.put(`/api/craftsman-candidates/${c2}/marks`, { value: 85 }), 200);
    expect(expectStatus(await outsider.get('/api/craftsman-marking'), 200).items.map((i: { myMark: number | null }) => i.myMark)).toEqual([92, 85]);

    const pub = expectStatus(await b.post(`/api/craftsman-selections/${sel}/publicity`), 200);
    expect(pub.ranking.map((r: { name: string; rank: number }) => [r.name, r.rank])).toEqual([['罗一', 1], ['罗二', 2]]);
    expect(expectStatus(await outsider.put(`/api/craftsman-candidates/${c1}/marks`, { value: 70 }), 422).code).toBe('craftsman_selection_wrong_step');

    // an upheld objection against the first passes the title to the next
    const objection = expectStatus<{ id: number }>(await b.post(`/api/craftsman-candidates/${c1}/objections`, { reason: '成果署名存疑' }), 201).id;
    expect(expectStatus(await b.post(`/api/craftsman-selections/${sel}/naming`), 422).code).toBe('craftsman_publicity_running');
    clockOf(app).advance(8 * 86400_000);
    expect(expectStatus(await b.post(`/api/craftsman-selections/${sel}/naming`), 422).code).toBe('craftsman_objection_open');
    expectStatus(await b.post(`/api/craftsman-objections/${objection}/decision`, { upheld: true }), 200);
    const named = expectStatus(await b.post(`/api/craftsman-selections/${sel}/naming`), 200);
    expect(named.ranking.filter((r: { status: string }) => r.status === 'named').map((r: { name: string }) => r.name)).toEqual(['罗二']);
    const craftsmen = expectStatus(await b.get('/api/craftsmen'), 200).items;
    expect(craftsmen).toHaveLength(1);
    expect(craftsmen[0]).toMatchObject({ name: '罗二', year: 2025, validUntil: 2027, status: 'valid' });
    const notices = expectStatus(await two.client.get('/api/notifications'), 200);
    expect(notices.items.some((n: { title: string }) => n.title.includes('工匠'))).toBe(true);

    // the craftsman's special allowance goes through the same ledger and run
    expectStatus(await b.post('/api/allowance-runs', { orgId: f.orgs.streetB, month: '2025-10' }), 202);
    await app.deps.jobs.drain();
    expect(expectStatus(await b.get('/api/craftsmen'), 200).items[0].balanceFen).toBe(30_000);

    // the next selection, three years on, renews the title of a craftsman named again; the old one expires
    const next = expectStatus<{ id: number }>(await b.post('/api/craftsman-selections', { orgId: f.orgs.streetB, title: '罗星工匠评选（第二届）', year: 2028, quota: 1 }), 201).id;
    const again = expectStatus<{ id: number }>(await b.post(`/api/craftsman-selections/${next}/candidates`, { memberId: two.memberId }), 201).id;
    expectStatus(await b.post(`/api/craftsman-selections/${next}/judges`, { userId: outsiderId }), 201);
    expectStatus(await outsider.put(`/api/craftsman-candidates/${again}/marks`, { value: 90 }), 200);
    expectStatus(await b.post(`/api/craftsman-selections/${next}/publicity`), 200);
    clockOf(app).advance(8 * 86400_000);
    expectStatus(await b.post(`/api/craftsman-selections/${next}/naming`), 200);
    const titles = expectStatus(await b.get('/api/craftsmen'), 200).items.map((c: { name: string; year: number; status: string; renewed: boolean; validUntil: number }) => [c.name, c.year, c.status, c.renewed, c.validUntil]);
    expect(titles).toEqual([
      ['罗二', 2028, 'valid', true, 2030],
      ['罗二', 2025, 'expired', false, 2027],
    ]);
  });
});
