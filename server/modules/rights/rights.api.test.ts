import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, clockOf, createTestApp, expectStatus, type Fixture } from '../../test/harness.ts';
import { signUpWorker } from '../../test/people.ts';
import { multipart, PDF } from '../pioneer/test-world.ts';
import { buildRightsWorld, caseBody, type RightsWorld } from './test-world.ts';

let app: FastifyInstance;
let f: Fixture;
let w: RightsWorld;

beforeAll(async () => {
  app = await createTestApp({ sessionHours: 24 * 30 });
  f = await buildFixture(app);
  w = await buildRightsWorld(app, f);
});
afterAll(() => app.close());

describe('intake and routing', () => {
  it('issues a case number to a member’s case, routes it to their union, and shows it in their list', async () => {
    const res = expectStatus(await w.worker.post('/api/rights-cases', caseBody({ category: 'overtime' })), 201);
    expect(res).toEqual({ id: expect.any(Number), caseNo: expect.stringMatching(/^WQ2025\d{6}$/), status: 'submitted' });
    const mine = expectStatus(await w.worker.get('/api/rights-cases/mine'), 200);
    expect(mine.items[0]).toEqual({ id: res.id, caseNo: res.caseNo, category: 'overtime', status: 'submitted', updatedAt: expect.any(String) });
    const queue = expectStatus(await f.clients.cadreA.get(`/api/rights-cases?q=${res.caseNo}`), 200);
    expect(queue.items[0]).toMatchObject({ orgId: f.orgs.unionA, channel: 'portal', sla: 'on_time', due: '2025-06-03T16:00:00.000Z' });
    // lists never carry the narrative or the amount
    expect(JSON.stringify(queue)).not.toContain('一万二千八百');
    expect(queue.items[0]).not.toHaveProperty('narrative');
  });

  it('routes a non-member to the employer’s union, or to its street when it has none, or to the street chosen', async () => {
    const { client } = await signUpWorker(app);
    const toStreet = expectStatus(await client.post('/api/rights-cases', caseBody({ employerName: null, enterpriseId: f.enterprises.noUnionA })), 201);
    const toUnion = expectStatus(await client.post('/api/rights-cases', caseBody({ employerName: null, enterpriseId: f.enterprises.b })), 201);
    const chosen = expectStatus(await client.post('/api/rights-cases', caseBody({ orgId: f.orgs.streetB })), 201);
    const orgOf = async (id: number, as = f.clients.countyCadre) => (await as.get(`/api/rights-cases/${id}`)).json().orgId;
    expect(await orgOf(toStreet.id)).toBe(f.orgs.streetA);
    expect(await orgOf(toUnion.id)).toBe(f.orgs.unionB);
    expect(await orgOf(chosen.id)).toBe(f.orgs.streetB);
    expect(expectStatus(await client.post('/api/rights-cases', caseBody()), 422).code).toBe('rights_case_no_union');
    expect(expectStatus(await client.post('/api/rights-cases', caseBody({ consent: false, orgId: f.orgs.streetA })), 422).errors[0].field).toBe('consent');
  });

  it('lets a cadre record a 12351 call in their scope only', async () => {
    const body = caseBody({ channel: 'hotline', applicantName: '来电职工', phone: '13912345678', orgId: f.orgs.streetA });
    const { id } = expectStatus(await f.clients.cadreA.post('/api/rights-cases/intake', body), 201);
    const detail = expectStatus(await f.clients.cadreA.get(`/api/rights-cases/${id}`), 200);
    expect(detail).toMatchObject({ channel: 'hotline', applicantName: '来电职工', phone: '13912345678', amountFen: 1_280_000, narrative: body.narrative });
    expectStatus(await f.clients.cadreB.post('/api/rights-cases/intake', body), 404);
  });
});

describe('scope and roles', () => {
  it('hides street A’s cases from street B (404) and from its lists and statistics', async () => {
    for (const url of [`/api/rights-cases/${w.submittedId}`]) expectStatus(await f.clients.cadreB.get(url), 404);
    expectStatus(await f.clients.cadreB.post(`/api/rights-cases/${w.submittedId}/accept`), 404);
    expectStatus(await f.clients.cadreB.post(`/api/rights-cases/${w.acceptedId}/steps`, { kind: 'consultation', note: '越权' }), 404);
    expect(expectStatus(await f.clients.cadreB.get('/api/rights-cases'), 200).items.some((c: { id: number }) => c.id === w.submittedId)).toBe(false);
    expectStatus(await f.clients.cadreB.get(`/api/orgs/${f.orgs.streetA}/rights-stats`), 404);
    // a viewer lists but never opens the narrative
    expectStatus(await f.clients.viewer.get('/api/rights-cases'), 200);
    expectStatus(await f.clients.viewer.get(`/api/rights-cases/${w.submittedId}`), 404);
    expectStatus(await f.clients.member.get('/api/rights-cases'), 403);
  });

  it('shows a lawyer only the cases assigned to them, which they may progress but not accept', async () => {
    const assigned = expectStatus(await w.lawyer.get('/api/rights-cases/assigned'), 200);
    expect(assigned.items.map((c: { id: number }) => c.id)).toEqual([w.acceptedId]);
    expectStatus(await w.lawyer.get(`/api/rights-cases/${w.acceptedId}`), 200);
    expectStatus(await w.lawyer.get(`/api/rights-cases/${w.submittedId}`), 404);
    expectStatus(await w.lawyer.get('/api/rights-cases'), 403);
    expectStatus(await w.lawyer.post(`/api/rights-cases/${w.submittedId}/accept`), 403);
    expectStatus(await w.lawyer.post(`/api/rights-cases/${w.submittedId}/steps`, { kind: 'consultation', note: '未指派' }), 404);
    expectStatus(await w.lawyer.post(`/api/rights-cases/${w.acceptedId}/steps`, { kind: 'mediation', note: '已约双方调解' }), 201);
    // only a legal_aid user of the case's chain can be assigned
    expect(expectStatus(await f.clients.cadreA.post(`/api/rights-cases/${w.submittedId}/assign`, { userId: f.users.member }), 422).code).toBe('rights_assignee_not_legal_aid');
  });
});

describe('the workflow', () => {
  it('goes submitted → accepted → in progress → closed → rated, the worker seeing steps but no internal note', async () => {
    const { id } = expectStatus(await w.worker.post('/api/rights-cases', caseBody()), 201);
    const cadre = f.clients.cadreA;
    expectStatus(await cadre.post(`/api/rights-cases/${id}/steps`, { kind: 'consultation', note: '太早' }), 422);
    expect(expectStatus(await cadre.post(`/api/rights-cases/${id}/accept`), 200)).toEqual({ id, status: 'accepted' });
    expect(expectStatus(await cadre.post(`/api/rights-cases/${id}/accept`), 422).code).toBe('rights_case_wrong_status');
    expectStatus(await cadre.post(`/api/rights-cases/${id}/steps`, { kind: 'consultation', note: '已电话联系职工核实情况' }), 201);
    expectStatus(await cadre.post(`/api/rights-cases/${id}/steps`, { kind: 'internal_note', note: '企业负责人态度消极' }), 201);
    expect(expectStatus(await w.worker.post(`/api/rights-cases/${id}/rating`, { score: 5 }), 422).code).toBe('rights_case_not_closed');
    expect(expectStatus(await cadre.post(`/api/rights-cases/${id}/close`, { outcome: 'resolved' }), 422).errors[0].field).toBe('recoveredFen');
    expect(expectStatus(await cadre.post(`/api/rights-cases/${id}/close`, { outcome: 'resolved', recoveredFen: 1_280_000 }), 200)).toEqual({ id, status: 'closed' });

    const mine = expectStatus(await w.worker.get(`/api/rights-cases/mine/${id}`), 200);
    expect(mine).toMatchObject({ status: 'closed', outcome: 'resolved', recoveredFen: 1_280_000, canRate: true });
    expect(mine.steps.map((s: { kind: string }) => s.kind)).toEqual(['consultation']);
    expect(JSON.stringify(mine)).not.toContain('态度消极');
    // someone else's case is not theirs
    const other = await signUpWorker(app);
    expectStatus(await other.client.get(`/api/rights-cases/mine/${id}`), 404);
    expectStatus(await other.client.post(`/api/rights-cases/${id}/rating`, { score: 1 }), 404);

    expectStatus(await w.worker.post(`/api/rights-cases/${id}/rating`, { score: 6 }), 422);
    expectStatus(await w.worker.post(`/api/rights-cases/${id}/rating`, { score: 4, comment: '处理及时' }), 200);
    expect(expectStatus(await w.worker.post(`/api/rights-cases/${id}/rating`, { score: 5 }), 422).code).toBe('rights_case_rated');

    const stats = expectStatus(await f.clients.countyCadre.get(`/api/orgs/${f.orgs.county}/rights-stats`), 200);
    expect(stats.recoveredFen).toBe(1_280_000);
    expect(stats.meanRating).toBe(4);
    expect(stats.byStatus.closed).toBe(1);
    expect(stats.byCategory.wage_arrears).toBeGreaterThan(0);

    // the audited read
    const log = expectStatus(await cadre.get(`/api/audit-log?pageSize=200`), 200).items;
    expect(log.some((e: { action: string; entityId: string }) => e.action === 'rights_case.read')).toBe(true);
  });

  it('declines with a reason the worker sees', async () => {
    const { id } = expectStatus(await w.worker.post('/api/rights-cases', caseBody({ category: 'other' })), 201);
    expectStatus(await f.clients.cadreA.post(`/api/rights-cases/${id}/decline`, { reason: '不属于劳动争议，建议向市场监管部门反映' }), 200);
    expect(expectStatus(await w.worker.get(`/api/rights-cases/mine/${id}`), 200)).toMatchObject({ status: 'declined', declineReason: expect.stringContaining('市场监管') });
  });
});

describe('deadlines', () => {
  it('escalates an overdue case to the parent federation through the job queue, once, and shows it on the workbench', async () => {
    const { id, caseNo } = expectStatus(await w.worker.post('/api/rights-cases', caseBody({ category: 'dismissal' })), 201);
    const clock = clockOf(app);
    const before = clock();
    try {
      // Monday 09:00 → Wednesday: the one working day to accept has passed
      clock.advance(2 * 86_400_000);
      const todos = expectStatus(await f.clients.cadreA.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === 'rights_cases_open');
      expect(todos.overdue).toBeGreaterThan(0);
      expect(expectStatus(await f.clients.cadreA.get('/api/rights-cases?overdue=true&pageSize=100'), 200).items.some((c: { id: number; sla: string }) => c.id === id && c.sla === 'overdue')).toBe(true);
      expect(await app.deps.jobs.send('rights.overdue-escalation', {}, { key: `test-${id}` })).toBe(true);
      await app.deps.jobs.drain();
      // union A's parent is street A: its cadre is told
      const notices = expectStatus(await f.clients.cadreA.get('/api/notifications'), 200).items.filter((n: { body: string }) => n.body.includes(caseNo));
      expect(notices.some((n: { title: string }) => n.title.includes('超时'))).toBe(true);
      const detail = expectStatus(await f.clients.cadreA.get(`/api/rights-cases/${id}`), 200);
      expect(detail.escalated).toBe(true);
      // run again: nothing new for the same deadline
      const count = notices.length;
      await app.deps.jobs.send('rights.overdue-escalation', {}, { key: `test-${id}-again` });
      await app.deps.jobs.drain();
      expect(expectStatus(await f.clients.cadreA.get('/api/notifications'), 200).items.filter((n: { body: string; title: string }) => n.body.includes(caseNo) && n.title.includes('超时')).length).toBe(notices.filter((n: { title: string }) => n.title.includes('超时')).length);
      expect(count).toBeGreaterThan(0);
    } finally {
      clock.set(before);
    }
  });

  it('takes a federation’s own deadline in working days', async () => {
    expectStatus(await f.clients.cadreA.put(`/api/orgs/${f.orgs.streetA}/rights-settings`, { acceptWorkingDays: 3, progressDays: 10 }), 200);
    const { caseNo } = expectStatus(await w.worker.post('/api/rights-cases', caseBody()), 201);
    // Monday 2 June + 3 working days → end of Thursday 5 June, Shanghai
    expect(expectStatus(await f.clients.cadreA.get(`/api/rights-cases?q=${caseNo}`), 200).items[0].due).toBe('2025-06-05T16:00:00.000Z');
    expect(expectStatus(await f.clients.cadreA.get(`/api/orgs/${f.orgs.unionA}/rights-settings`), 200)).toMatchObject({ own: false, settings: { acceptWorkingDays: 3 } });
    expectStatus(await f.clients.cadreA.put(`/api/orgs/${f.orgs.streetA}/rights-settings`, { acceptWorkingDays: 1, progressDays: 15 }), 200);
  });
});

describe('personal data', () => {
  it('keeps the narrative, amount and attachments encrypted at rest, and gives the file back to the worker and the handler', async () => {
    const narrative = '工地塔吊作业时摔伤右腿住院四十天';
    const { id } = expectStatus(await w.worker.post('/api/rights-cases', caseBody({ category: 'work_injury', narrative, amountFen: 8_765_400 })), 201);
    const row = await app.deps.db.selectFrom('rights_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.narrative_enc).not.toContain(narrative);
    expect(row.amount_enc).not.toContain('8765400');
    const up = expectStatus(await multipart(app, w.worker, `/api/rights-cases/${id}/attachments`, {}, { name: '住院证明.pdf', type: 'application/pdf', data: PDF }), 201);
    const stored = await app.deps.files.list(`rights/${id}/`);
    expect(stored).toHaveLength(1);
    expect((await app.deps.files.read(stored[0]))!.includes(Buffer.from('%PDF'))).toBe(false);
    for (const as of [w.worker, f.clients.cadreA]) {
      const res = await as.get(`/api/rights-case-attachments/${up.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(PDF)).toBe(true);
    }
    expectStatus(await f.clients.cadreB.get(`/api/rights-case-attachments/${up.id}`), 404);
    expectStatus(await multipart(app, f.clients.cadreB, `/api/rights-cases/${id}/attachments`, {}, { name: 'x.pdf', type: 'application/pdf', data: PDF }), 404);
    const detail = expectStatus(await f.clients.cadreA.get(`/api/rights-cases/${id}`), 200);
    expect(detail.attachments[0].fileName).toBe('住院证明.pdf');
  });

  it('exports the queue without narratives', async () => {
    const res = await f.clients.cadreA.get('/api/rights-cases/export');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.includes(Buffer.from('一万二千八百'))).toBe(false);
  });
});
