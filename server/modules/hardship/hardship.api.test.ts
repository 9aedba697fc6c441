import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, createTestApp, expectStatus, type Fixture } from '../../test/harness.ts';
import { signUpMember } from '../../test/people.ts';
import { buildHardshipWorld, fileBody, type HardshipWorld } from './test-world.ts';
import { findHardshipFile } from './index.ts';

let app: FastifyInstance;
let f: Fixture;
let w: HardshipWorld;

beforeAll(async () => {
  app = await createTestApp({ sessionHours: 24 * 30 });
  f = await buildFixture(app);
  w = await buildHardshipWorld(app, f);
});
afterAll(() => app.close());

const newMember = async (name = '帮扶对象') => (await signUpMember(app, f.clients.cadreA, f.orgs.unionA, name)).memberId;

describe('the 低保 line and the tier', () => {
  it('computes the tier from the line in force, inherited down the subtree, exactly at the line', async () => {
    // the county sets 1,000 yuan a head from 1 January; street B keeps it, street A sets its own
    const put = expectStatus(await f.clients.countyCadre.put(`/api/orgs/${f.orgs.county}/hardship-settings`, { lowIncomeLineFen: 100_000, relativeMultiple: 1.5, effectiveFrom: '2025-01-01' }), 200);
    expect(put).toMatchObject({ orgId: f.orgs.county, lowIncomeLineFen: 100_000, relativeMultiple: 1.5, effectiveFrom: '2025-01-01' });
    expectStatus(await f.clients.cadreA.put(`/api/orgs/${f.orgs.streetA}/hardship-settings`, { lowIncomeLineFen: 120_000, relativeMultiple: 2, effectiveFrom: '2025-05-01' }), 200);
    // a line from a future date is not in force yet
    expectStatus(await f.clients.cadreA.put(`/api/orgs/${f.orgs.streetA}/hardship-settings`, { lowIncomeLineFen: 999_000, relativeMultiple: 2, effectiveFrom: '2026-01-01' }), 200);
    expect(expectStatus(await f.clients.cadreA.get(`/api/orgs/${f.orgs.unionA}/hardship-settings`), 200)).toMatchObject({ lowIncomeLineFen: 120_000, own: false, fromOrgId: f.orgs.streetA });
    expect(expectStatus(await f.clients.cadreB.get(`/api/orgs/${f.orgs.unionB}/hardship-settings`), 200)).toMatchObject({ lowIncomeLineFen: 100_000, fromOrgId: f.orgs.county });
    expectStatus(await f.clients.cadreB.put(`/api/orgs/${f.orgs.streetA}/hardship-settings`, { lowIncomeLineFen: 1, relativeMultiple: 1, effectiveFrom: '2025-01-01' }), 404);

    const cadre = f.clients.cadreA;
    const tier = async (income: number, causes: string[] = []) => expectStatus(await cadre.post('/api/hardship-files', fileBody(await newMember(), { householdSize: 2, monthlyIncomeFen: income, causes })), 201).tier;
    // street A: 1,200 yuan a head, two people → 240,000 fen; relative below 480,000
    expect(await tier(239_999)).toBe('deep');
    expect(await tier(240_000)).toBe('relative');
    expect(await tier(479_999)).toBe('relative');
    expect(await tier(480_000)).toBe('none');
    expect(await tier(480_000, ['accident'])).toBe('accident');
    // street B under the county's line: 200,000 is exactly the line for two → relative
    const b = await signUpMember(app, f.clients.cadreB, f.orgs.unionB, '罗星困难职工');
    expect(expectStatus(await f.clients.cadreB.post('/api/hardship-files', fileBody(b.memberId, { householdSize: 2, monthlyIncomeFen: 200_000, causes: [] })), 201).tier).toBe('relative');
    expect(expectStatus(await f.clients.cadreB.post('/api/hardship-files', fileBody(b.memberId, { householdSize: 2, monthlyIncomeFen: 199_999, causes: [] })), 409).code).toBe('hardship_file_open');
  });

  it('needs the separate consent, and a member of the caller’s scope', async () => {
    expect(expectStatus(await f.clients.cadreA.post('/api/hardship-files', fileBody(await newMember(), { consent: false })), 422).errors[0].field).toBe('consent');
    expectStatus(await f.clients.cadreB.post('/api/hardship-files', fileBody(await newMember())), 404);
  });
});

describe('the file', () => {
  it('shows its income, tier and ledger in scope (audited), never in lists; a sibling street gets 404', async () => {
    const detail = expectStatus(await f.clients.cadreA.get(`/api/hardship-files/${w.fileId}`), 200);
    expect(detail).toMatchObject({ id: w.fileId, monthlyIncomeFen: 300_000, incomePerHeadFen: 100_000, aidTotalFen: 200_000 });
    expect(detail.aids).toHaveLength(1);
    expectStatus(await f.clients.cadreB.get(`/api/hardship-files/${w.fileId}`), 404);
    expectStatus(await f.clients.cadreB.post(`/api/hardship-files/${w.fileId}/aids`, { kind: 'medical', amountFen: 100, paidOn: '2025-06-01' }), 404);
    expectStatus(await f.clients.cadreB.get(`/api/orgs/${f.orgs.streetA}/hardship-stats`), 404);
    const list = expectStatus(await f.clients.cadreA.get('/api/hardship-files?pageSize=100'), 200);
    expect(list.items.find((i: { id: number }) => i.id === w.fileId)).not.toHaveProperty('monthlyIncomeFen');
    expect(expectStatus(await f.clients.cadreB.get('/api/hardship-files?pageSize=100'), 200).items.some((i: { id: number }) => i.id === w.fileId)).toBe(false);
    const row = await app.deps.db.selectFrom('hardship_files').select('income_enc').where('id', '=', w.fileId).executeTakeFirstOrThrow();
    expect(row.income_enc).not.toContain('300000');
    const log = expectStatus(await f.clients.cadreA.get('/api/audit-log?pageSize=200'), 200).items;
    expect(log.some((e: { action: string }) => e.action === 'hardship_file.read')).toBe(true);
    // the member sees their own file, without the income
    const mine = expectStatus(await w.member.get('/api/hardship-files/mine'), 200);
    expect(mine.file).toMatchObject({ id: w.fileId, status: 'active', aids: [{ kind: 'medical', amountFen: 200_000 }] });
    expect(JSON.stringify(mine)).not.toContain('300000');
    // the read function other modules use
    expect(await findHardshipFile(app.deps.db, w.fileId)).toMatchObject({ id: w.fileId, orgId: f.orgs.unionA, status: 'active' });
    expect(await findHardshipFile(app.deps.db, 999_999)).toBeUndefined();
  });

  it('is re-checked yearly through a job’s to-dos, and leaves the register with a reason', async () => {
    const memberId = await newMember();
    const { id } = expectStatus(await f.clients.cadreA.post('/api/hardship-files', fileBody(memberId)), 201);
    const todo = async () => expectStatus(await f.clients.cadreA.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === 'hardship_rechecks')?.count ?? 0;
    const startCount = await todo();
    // as if it was checked a year ago: its re-check falls due today
    await app.deps.db.updateTable('hardship_files').set({ checked_on: '2024-06-02', next_check_due: '2025-06-02' }).where('id', '=', id).execute();
    {
      await app.deps.jobs.send('hardship.recheck-due', {}, { key: 'test-recheck' });
      await app.deps.jobs.drain();
      const due = await todo();
      expect(due).toBeGreaterThan(startCount);
      expect(expectStatus(await f.clients.cadreA.get('/api/hardship-files?recheckDue=true&pageSize=100'), 200).items.some((i: { id: number }) => i.id === id)).toBe(true);
      // a second run adds nothing
      await app.deps.jobs.send('hardship.recheck-due', {}, { key: 'test-recheck-2' });
      await app.deps.jobs.drain();
      expect(await todo()).toBe(due);
      expect(expectStatus(await f.clients.cadreA.post(`/api/hardship-files/${id}/recheck`, { householdSize: 3, monthlyIncomeFen: 2_000_000, causes: [] }), 200)).toEqual({ id, tier: 'none' });
      expect(await todo()).toBe(due - 1);
    }
    expectStatus(await f.clients.cadreA.post(`/api/hardship-files/${id}/exit`, { reason: '子女就业，家庭收入稳定' }), 200);
    expect(expectStatus(await f.clients.cadreA.post(`/api/hardship-files/${id}/aids`, { kind: 'medical', amountFen: 100, paidOn: '2025-06-01' }), 422).code).toBe('hardship_file_exited');
    // off the register, the household may be filed again
    expectStatus(await f.clients.cadreA.post('/api/hardship-files', fileBody(memberId)), 201);
  });
});

describe('aid', () => {
  it('never spends past a campaign’s budget, however many aids come at once', async () => {
    const campaignId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/hardship-campaigns', { orgId: f.orgs.streetA, name: '2025金秋助学', kind: 'schooling', year: 2025, budgetFen: 500_000 }), 201).id;
    const files: number[] = [];
    for (let i = 0; i < 8; i++) files.push(expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/hardship-files', fileBody(await newMember())), 201).id);
    // eight households ask for 1,000 yuan each from a 5,000 yuan budget at the same moment
    const results = await Promise.all(files.map((id) => f.clients.cadreA.post(`/api/hardship-files/${id}/aids`, { kind: 'schooling', amountFen: 100_000, paidOn: '2025-09-01', campaignId })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode === 422).map((r) => r.json().code)).toEqual(Array(3).fill('hardship_budget_exceeded'));
    const campaign = expectStatus(await f.clients.cadreA.get('/api/hardship-campaigns?pageSize=100'), 200).items.find((c: { id: number }) => c.id === campaignId);
    expect(campaign).toMatchObject({ budgetFen: 500_000, spentFen: 500_000 });
    const ledger = expectStatus(await f.clients.cadreA.get(`/api/hardship-aids?campaignId=${campaignId}&pageSize=100`), 200);
    expect(ledger.total).toBe(5);
  });

  it('refuses a second aid of one campaign to one household, however many come at once, and a kind not the campaign’s', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => f.clients.cadreA.post(`/api/hardship-files/${w.fileId}/aids`, { kind: 'warmth', amountFen: 50_000, paidOn: '2025-06-02', campaignId: w.campaignId })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(Array(5).fill('hardship_aid_duplicate'));
    const campaign = expectStatus(await f.clients.cadreA.get('/api/hardship-campaigns?pageSize=100'), 200).items.find((c: { id: number }) => c.id === w.campaignId);
    expect(campaign.spentFen).toBe(50_000);
    expect(expectStatus(await f.clients.cadreA.post(`/api/hardship-files/${w.fileId}/aids`, { kind: 'medical', amountFen: 1, paidOn: '2025-06-02', campaignId: w.campaignId }), 422).errors[0].field).toBe('kind');
  });

  it('counts the register and the aid in the statistics, and exports the ledger for finance', async () => {
    const stats = expectStatus(await f.clients.countyCadre.get(`/api/orgs/${f.orgs.county}/hardship-stats`), 200);
    expect(Object.keys(stats).sort()).toEqual(['aidFen', 'byTier', 'files']);
    expect(Object.keys(stats.byTier).sort()).toEqual(['accident', 'deep', 'relative']);
    expect(stats.files).toBeGreaterThan(5);
    expect(stats.aidFen).toBeGreaterThanOrEqual(200_000 + 500_000 + 50_000);
    const res = await f.clients.cadreA.get('/api/hardship-aids/export');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
  });
});
