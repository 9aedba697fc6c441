import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../../test/exports.ts';
import type { FastifyInstance } from 'fastify';
import { PASSWORD, anonymous, buildFixture, clockOf, createTeam, createTestApp, expectStatus, keptFiles, login, newUscc, type Client, type Fixture } from '../../test/harness.ts';
import { buildPioneerWorld, campaignBody, makeJudge, multipart, PDF, selfAssess, titleWorkbook, uploadEvidence, type PioneerWorld } from './test-world.ts';

let app: FastifyInstance;
let f: Fixture;
let w: PioneerWorld;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const move = (as: Client, campaignId: number, body: Record<string, unknown>) => as.post(`/api/pioneer/campaigns/${campaignId}/transitions`, body);
const importTitles = (as: Client, orgId: number, data: Buffer) => multipart(app, as, '/api/pioneer/titles/import', { orgId: String(orgId) }, { name: 'titles.xlsx', type: XLSX_TYPE, data });
const usccOf = async (enterpriseId: number) => expectStatus(await f.admin.get(`/api/enterprises/${enterpriseId}`), 200).uscc as string;

function refusedWith(res: { statusCode: number; json(): any; body: string }, code: string, status = 422) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
  return res.json();
}

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  w = await buildPioneerWorld(app, f);
});
afterAll(() => app.close());

describe('standards', () => {
  it('ships the five default standards over the five dimensions, and a county federation saves a new version that only later campaigns freeze', async () => {
    const list = expectStatus(await f.clients.viewer.get('/api/pioneer/standards'), 200);
    expect(list.items.map((s: { type: string }) => s.type).sort()).toEqual(['model_education', 'modern_management', 'quality_service', 'safe_production', 'tech_innovation']);
    for (const s of list.items) {
      expect(new Set(s.criteria.map((c: { dimension: string }) => c.dimension))).toEqual(new Set(['infrastructure', 'organization', 'workforce', 'management', 'effectiveness']));
      expect(Object.values(s.weights as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(100);
      expect(s.orgId).toBeNull();
    }
    const safe = list.items.find((s: { type: string }) => s.type === 'safe_production');
    expect(safe.criteria.map((c: { title: string }) => c.title).join()).toContain('安康杯');

    const before = expectStatus(await f.clients.countyCadre.post('/api/pioneer/campaigns', campaignBody(f.orgs.county, { name: '标准冻结前' })), 201);
    const body = {
      orgId: f.orgs.county,
      type: 'safe_production',
      name: '嘉善县安全生产型考核标准（2025 修订）',
      weights: { infrastructure: 10, organization: 10, workforce: 20, management: 20, effectiveness: 40 },
      criteria: safe.criteria.map((c: { dimension: string; title: string; maxPoints: number }) => ({ dimension: c.dimension, title: c.title, description: null, maxPoints: c.maxPoints })),
    };
    const bad = await f.clients.countyCadre.post('/api/pioneer/standards', { ...body, weights: { ...body.weights, effectiveness: 30 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('weights');
    const missing = await f.clients.countyCadre.post('/api/pioneer/standards', { ...body, criteria: body.criteria.filter((c: { dimension: string }) => c.dimension !== 'workforce') });
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toContain('criteria');
    expect((await f.clients.cadreA.post('/api/pioneer/standards', body)).statusCode).toBe(404);
    expect((await f.clients.viewer.post('/api/pioneer/standards', body)).statusCode).toBe(403);
    const v2 = expectStatus(await f.clients.countyCadre.post('/api/pioneer/standards', body), 201);
    expect(v2).toMatchObject({ orgId: f.orgs.county, version: 1, type: 'safe_production' });

    const after = expectStatus(await f.clients.countyCadre.post('/api/pioneer/campaigns', campaignBody(f.orgs.county, { name: '标准冻结后' })), 201);
    const frozen = (c: { standards: { type: string; standardId: number }[] }) => c.standards.find((s) => s.type === 'safe_production')!.standardId;
    expect(frozen(before)).toBe(safe.id);
    expect(frozen(after)).toBe(v2.id);
    expect(frozen(expectStatus(await f.clients.countyCadre.get(`/api/pioneer/campaigns/${before.id}`), 200))).toBe(safe.id);
    for (const id of [before.id, after.id]) expectStatus(await move(f.clients.countyCadre, id, { transition: 'cancel', reason: '测试结束' }), 200);
  });

  it('opens campaigns only at a county federation, with deadlines in order and 7 publicity days by default', async () => {
    const c = expectStatus(await f.clients.countyCadre.post('/api/pioneer/campaigns', campaignBody(f.orgs.county, { publicityDays: undefined })), 201);
    expect(c).toMatchObject({ status: 'registration', level: 'county', publicityDays: 7, actions: ['close_registration', 'cancel'] });
    // A street cadre taking part reads the county's campaign, but is offered none of its moves, in
    // the list as in the detail; a viewer of the county neither.
    for (const as of [f.clients.cadreA, f.clients.viewer]) {
      expect(expectStatus(await as.get(`/api/pioneer/campaigns/${c.id}`), 200).actions).toEqual([]);
      expect(expectStatus(await as.get('/api/pioneer/campaigns?pageSize=100'), 200).items.find((x: { id: number }) => x.id === c.id).actions).toEqual([]);
    }
    expect(expectStatus(await f.clients.countyCadre.get('/api/pioneer/campaigns?pageSize=100'), 200).items.find((x: { id: number }) => x.id === c.id).actions).toEqual(['close_registration', 'cancel']);
    expectStatus(await move(f.clients.countyCadre, c.id, { transition: 'cancel', reason: '重复' }), 200);
    const street = await f.admin.post('/api/pioneer/campaigns', campaignBody(f.orgs.streetA));
    expect(street.json().errors[0].field).toBe('orgId');
    const order = await f.clients.countyCadre.post('/api/pioneer/campaigns', campaignBody(f.orgs.county, { assessmentDeadline: '2025-06-01' }));
    expect(order.json().errors.map((e: { field: string }) => e.field)).toContain('assessmentDeadline');
  });
});

describe('the campaign state machine', () => {
  it('refuses every transition that is illegal from each state, naming the state, and audits every legal one', async () => {
    const county = f.clients.countyCadre;
    const { id } = expectStatus(await county.post('/api/pioneer/campaigns', campaignBody(f.orgs.county, { name: '状态机', quota: 1, scoringMethod: 'mean' })), 201);
    const all = ['close_registration', 'start_scoring', 'aggregate', 'start_publicity', 'name', 'cancel'];
    const bodies: Record<string, Record<string, unknown>> = {
      close_registration: { transition: 'close_registration' },
      start_scoring: { transition: 'start_scoring' },
      aggregate: { transition: 'aggregate' },
      start_publicity: { transition: 'start_publicity', nominees: [1] },
      name: { transition: 'name' },
      cancel: { transition: 'cancel', reason: '测试' },
    };
    const legal: Record<string, string[]> = {
      registration: ['close_registration', 'cancel'],
      self_assessment: ['start_scoring', 'cancel'],
      scoring: ['aggregate', 'cancel'],
      showcase: ['start_publicity', 'cancel'],
      publicity: ['name', 'cancel'],
      named: [],
    };
    const expectIllegal = async (state: string) => {
      for (const t of all.filter((x) => !legal[state].includes(x))) {
        const body = refusedWith(await move(county, id, bodies[t]), 'pioneer_transition_illegal');
        expect(body.detail, `${t} from ${state}`).toContain('「');
      }
      expect(expectStatus(await county.get(`/api/pioneer/campaigns/${id}`), 200)).toMatchObject({ status: state, actions: legal[state] });
    };

    await expectIllegal('registration');
    refusedWith(await move(county, id, bodies.close_registration), 'pioneer_no_candidates');
    const a = expectStatus(await f.clients.cadreA.post(`/api/pioneer/campaigns/${id}/candidates`, { teamId: f.teams.a, type: 'modern_management', workerCount: 30 }), 201).id;
    const b = expectStatus(await f.clients.cadreB.post(`/api/pioneer/campaigns/${id}/candidates`, { teamId: f.teams.b, type: 'modern_management', workerCount: 12 }), 201).id;
    expectStatus(await move(county, id, bodies.close_registration), 200);

    await expectIllegal('self_assessment');
    expect(refusedWith(await move(county, id, bodies.start_scoring), 'pioneer_unsubmitted_candidates').detail).toContain('2');
    for (const [as, cand] of [[f.clients.cadreA, a], [f.clients.cadreB, b]] as const) {
      await selfAssess(as, cand);
      expectStatus(await uploadEvidence(app, as, cand), 201);
      expectStatus(await as.post(`/api/pioneer/candidates/${cand}/submit`), 200);
    }
    expectStatus(await move(county, id, bodies.start_scoring), 200);

    await expectIllegal('scoring');
    refusedWith(await move(county, id, bodies.aggregate), 'pioneer_candidates_without_judges');
    const judge = await makeJudge(app, f, 'judge.machine', f.orgs.county);
    const ja = expectStatus(await county.post(`/api/pioneer/candidates/${a}/judges`, { judgeId: judge.id }), 201).id;
    const jb = expectStatus(await county.post(`/api/pioneer/candidates/${b}/judges`, { judgeId: judge.id }), 201).id;
    const sheets = expectStatus(await judge.client.get('/api/pioneer/my-assignments'), 200).items;
    const criteria = sheets[0].criteria as { id: number }[];
    expectStatus(await judge.client.put(`/api/pioneer/my-assignments/${ja}/scores`, { scores: criteria.map((c) => ({ criterionId: c.id, points: 10 })) }), 200);
    expectStatus(await judge.client.put(`/api/pioneer/my-assignments/${jb}/scores`, { scores: criteria.slice(1).map((c) => ({ criterionId: c.id, points: 5 })) }), 200);
    expect(refusedWith(await move(county, id, bodies.aggregate), 'pioneer_scores_missing').params ?? {}).toBeTruthy();
    expectStatus(await judge.client.put(`/api/pioneer/my-assignments/${jb}/scores`, { scores: [{ criterionId: criteria[0].id, points: 5 }] }), 200);
    const shown = expectStatus(await move(county, id, bodies.aggregate), 200);
    expect(shown.status).toBe('showcase');

    await expectIllegal('showcase');
    const ranked = expectStatus(await county.get(`/api/pioneer/campaigns/${id}/candidates`), 200).items;
    expect(ranked.map((c: { id: number; score: number; rank: number }) => [c.id, c.score, c.rank])).toEqual([
      [a, 100, 1],
      [b, 50, 2],
    ]);
    refusedWith(await move(county, id, { transition: 'start_publicity', nominees: [a, b] }), 'pioneer_quota_exceeded');
    refusedWith(await move(county, id, { transition: 'start_publicity', nominees: [] }), 'pioneer_nominees_required');
    refusedWith(await move(county, id, { transition: 'start_publicity', nominees: [w.candidateId] }), 'pioneer_nominee_not_scored');
    expect(expectStatus(await move(county, id, { transition: 'start_publicity', nominees: [a] }), 200)).toMatchObject({ status: 'publicity', publicityStart: '2025-06-02', publicityEnd: '2025-06-08' });

    await expectIllegal('publicity');
    refusedWith(await move(county, id, bodies.name), 'pioneer_publicity_not_over');
    const clock = clockOf(app);
    const saved = clock();
    try {
      clock.set('2025-06-09T01:00:00.000Z');
      const cadre = await login(app, 'county.cadre', PASSWORD);
      const named = expectStatus(await move(cadre, id, { transition: 'name', documentNo: '善工〔2025〕18号' }), 200);
      expect(named).toMatchObject({ status: 'named', namedOn: '2025-06-09', documentNo: '善工〔2025〕18号', actions: [] });
      const list = expectStatus(await cadre.get(`/api/pioneer/campaigns/${id}/candidates`), 200).items;
      expect(list.map((c: { id: number; status: string }) => [c.id, c.status])).toEqual([
        [a, 'named'],
        [b, 'not_named'],
      ]);
      const titles = expectStatus(await cadre.get('/api/pioneer/titles?year=2025&level=county'), 200).items.filter((t: { teamId: number }) => t.teamId === f.teams.a);
      expect(titles).toHaveLength(1);
      expect(titles[0]).toMatchObject({ type: 'modern_management', source: 'campaign', namedOn: '2025-06-09', documentNo: '善工〔2025〕18号' });
      for (const t of all) refusedWith(await move(cadre, id, bodies[t]), 'pioneer_transition_illegal');
    } finally {
      clock.set(saved);
    }
    const audit = expectStatus(await f.admin.get(`/api/audit-log?entity=pioneer_campaign&entityId=${id}&pageSize=50`), 200);
    expect(audit.items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'pioneer_campaign.open',
      'pioneer_campaign.close_registration',
      'pioneer_campaign.start_scoring',
      'pioneer_campaign.aggregate',
      'pioneer_campaign.start_publicity',
      'pioneer_campaign.name',
    ]);
    expect(audit.items[0]).toMatchObject({ before: { status: 'publicity' }, after: { status: 'named', named: 1 } });
  });

  it('cancels from every open state, and nothing moves a cancelled campaign', async () => {
    const county = f.clients.countyCadre;
    const { id } = expectStatus(await county.post('/api/pioneer/campaigns', campaignBody(f.orgs.county, { name: '终止' })), 201);
    refusedWith(await move(county, id, { transition: 'cancel', reason: '' }), 'validation_failed');
    expect(expectStatus(await move(county, id, { transition: 'cancel', reason: '上级通知延期' }), 200)).toMatchObject({ status: 'cancelled', cancelReason: '上级通知延期', actions: [] });
    for (const t of ['close_registration', 'start_scoring', 'aggregate', 'name']) refusedWith(await move(county, id, { transition: t }), 'pioneer_transition_illegal');
    refusedWith(await move(county, id, { transition: 'cancel', reason: '再次' }), 'pioneer_transition_illegal');
    refusedWith(await f.clients.cadreA.post(`/api/pioneer/campaigns/${id}/candidates`, { teamId: f.teams.a, type: 'safe_production', workerCount: 3 }), 'pioneer_registration_closed');
    // only the campaign's managers move it; a street taking part sees it but cannot
    expect((await move(f.clients.cadreA, id, { transition: 'cancel', reason: 'x' })).statusCode).toBe(404);
    expect((await move(f.clients.viewer, id, { transition: 'cancel', reason: 'x' })).statusCode).toBe(403);
  });

  it('a candidate submits only when every criterion is self-marked and evidence is attached, and withdraws only before scoring', async () => {
    const { id } = expectStatus(await f.clients.countyCadre.post('/api/pioneer/campaigns', campaignBody(f.orgs.county, { name: '自评' })), 201);
    const cand = expectStatus(await f.clients.cadreA.post(`/api/pioneer/campaigns/${id}/candidates`, { teamId: f.teams.a, type: 'quality_service', workerCount: 8 }), 201).id;
    refusedWith(await f.clients.cadreA.post(`/api/pioneer/campaigns/${id}/candidates`, { teamId: f.teams.a, type: 'quality_service', workerCount: 8 }), 'pioneer_already_candidate', 409);
    refusedWith(await f.clients.cadreA.post(`/api/pioneer/candidates/${cand}/submit`), 'pioneer_self_assessment_incomplete');
    const detail = expectStatus(await f.clients.cadreA.get(`/api/pioneer/candidates/${cand}`), 200);
    const tooMany = await f.clients.cadreA.put(`/api/pioneer/candidates/${cand}/self-assessment`, { summary: '总结', scores: [{ criterionId: detail.criteria[0].id, points: 11 }] });
    expect(tooMany.json().errors[0].field).toBe('scores.0.points');
    const foreign = await f.clients.cadreA.put(`/api/pioneer/candidates/${cand}/self-assessment`, { summary: '总结', scores: [{ criterionId: 999999, points: 1 }] });
    expect(foreign.json().errors[0].field).toBe('scores.0.criterionId');
    await selfAssess(f.clients.cadreA, cand);
    refusedWith(await f.clients.cadreA.post(`/api/pioneer/candidates/${cand}/submit`), 'pioneer_evidence_required');
    expectStatus(await uploadEvidence(app, f.clients.cadreA, cand), 201);
    expect(expectStatus(await f.clients.cadreA.post(`/api/pioneer/candidates/${cand}/submit`), 200)).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    refusedWith(await f.clients.cadreA.post(`/api/pioneer/candidates/${cand}/submit`), 'pioneer_transition_illegal');
    refusedWith(await uploadEvidence(app, f.clients.cadreA, cand), 'pioneer_evidence_locked');
    expect(expectStatus(await f.clients.cadreA.post(`/api/pioneer/candidates/${cand}/withdraw`), 200).status).toBe('withdrawn');
    refusedWith(await f.clients.cadreA.post(`/api/pioneer/candidates/${cand}/withdraw`), 'pioneer_transition_illegal');
    expect((await f.clients.cadreB.post(`/api/pioneer/candidates/${cand}/withdraw`)).statusCode).toBe(404);
    expectStatus(await move(f.clients.countyCadre, id, { transition: 'cancel', reason: '测试结束' }), 200);
  });
});

describe('eligibility', () => {
  let campaignId: number;
  let enterprise: number;
  let team: number;
  const register = (teamId = team) => f.clients.cadreA.post(`/api/pioneer/campaigns/${campaignId}/candidates`, { teamId, type: 'safe_production', workerCount: 10 });
  const incident = (kind: string, occurredOn: string) => f.clients.cadreA.post('/api/pioneer/incidents', { enterpriseId: enterprise, kind, occurredOn, description: '记录' });

  beforeAll(async () => {
    campaignId = expectStatus(await f.clients.countyCadre.post('/api/pioneer/campaigns', campaignBody(f.orgs.county, { name: '资格审查' })), 201).id;
    const union = expectStatus(await f.admin.post('/api/orgs', { name: '魏塘资格测试工会', kind: 'grassroots_union', parentId: f.orgs.streetA }), 201).id;
    enterprise = expectStatus(await f.admin.post('/api/enterprises', { name: '魏塘资格测试有限公司', uscc: newUscc(), orgId: union }), 201).id;
    team = await createTeam(f.admin, { name: '资格班组', enterpriseId: enterprise });
  });

  it('refuses a team whose enterprise has no union of its own', async () => {
    const noUnionTeam = await createTeam(f.admin, { name: '小微班组', enterpriseId: f.enterprises.noUnionA });
    refusedWith(await register(noUnionTeam), 'pioneer_ineligible_no_union');
  });

  it('counts a safety accident exactly three years ago as outside the window, and one a day later as inside it', async () => {
    expectStatus(await incident('safety_accident', '2022-06-02'), 201);
    expectStatus(await incident('mass_incident', '2025-06-03'), 201); // tomorrow: not yet happened, ignored
    const ok = expectStatus(await register(), 201).id;
    expectStatus(await f.clients.cadreA.post(`/api/pioneer/candidates/${ok}/withdraw`), 200);
    const other = await createTeam(f.admin, { name: '资格班组二', enterpriseId: enterprise });
    expectStatus(await incident('occupational_hazard', '2022-06-03'), 201);
    const body = refusedWith(await register(other), 'pioneer_ineligible_incident');
    expect(body.detail).toContain('2022-06-03');
    expect(body.detail).toContain('严重职业病危害');
  });

  it('bars wage arrears or unpaid social insurance only in the campaign’s year', async () => {
    const union = expectStatus(await f.admin.post('/api/orgs', { name: '魏塘欠薪测试工会', kind: 'grassroots_union', parentId: f.orgs.streetA }), 201).id;
    enterprise = expectStatus(await f.admin.post('/api/enterprises', { name: '魏塘欠薪测试有限公司', uscc: newUscc(), orgId: union }), 201).id;
    const t1 = await createTeam(f.admin, { name: '欠薪班组', enterpriseId: enterprise });
    expectStatus(await incident('wage_arrears', '2024-12-31'), 201);
    const ok = expectStatus(await register(t1), 201).id;
    expectStatus(await f.clients.cadreA.post(`/api/pioneer/candidates/${ok}/withdraw`), 200);
    expectStatus(await incident('social_insurance_arrears', '2025-01-01'), 201);
    const t2 = await createTeam(f.admin, { name: '欠薪班组二', enterpriseId: enterprise });
    expect(refusedWith(await register(t2), 'pioneer_ineligible_arrears').detail).toContain('2025');
  });

  it('refuses registration after the deadline, and teams of another street', async () => {
    refusedWith(await f.clients.cadreA.post(`/api/pioneer/campaigns/${campaignId}/candidates`, { teamId: f.teams.b, type: 'safe_production', workerCount: 1 }), 'not_found', 404);
    const clock = clockOf(app);
    const saved = clock();
    try {
      clock.set('2025-06-30T15:59:00.000Z'); // 23:59 in Shanghai on the deadline
      const cadre = await login(app, 'street.a', PASSWORD);
      const t = await createTeam(cadre, { name: '截止日班组', enterpriseId: f.enterprises.a });
      const onTime = expectStatus(await cadre.post(`/api/pioneer/campaigns/${campaignId}/candidates`, { teamId: t, type: 'safe_production', workerCount: 1 }), 201);
      expect(onTime.status).toBe('registered');
      clock.set('2025-06-30T16:00:00.000Z'); // midnight: 1 July in Shanghai
      const late = await login(app, 'street.a', PASSWORD);
      const t2 = await createTeam(late, { name: '逾期班组', enterpriseId: f.enterprises.a });
      refusedWith(await late.post(`/api/pioneer/campaigns/${campaignId}/candidates`, { teamId: t2, type: 'safe_production', workerCount: 1 }), 'pioneer_registration_closed');
    } finally {
      clock.set(saved);
    }
  });
});

describe('judges and scoring', () => {
  let campaignId: number;
  let a: number;
  let b: number;
  const judges: { id: number; client: Client }[] = [];
  const assignments = new Map<string, number>();

  beforeAll(async () => {
    campaignId = expectStatus(await f.clients.countyCadre.post('/api/pioneer/campaigns', campaignBody(f.orgs.county, { name: '评审', scoringMethod: 'trimmed_mean', quota: 2 })), 201).id;
    a = expectStatus(await f.clients.cadreA.post(`/api/pioneer/campaigns/${campaignId}/candidates`, { teamId: f.teams.a, type: 'tech_innovation', workerCount: 40 }), 201).id;
    b = expectStatus(await f.clients.cadreB.post(`/api/pioneer/campaigns/${campaignId}/candidates`, { teamId: f.teams.b, type: 'tech_innovation', workerCount: 20 }), 201).id;
    for (const [as, cand] of [[f.clients.cadreA, a], [f.clients.cadreB, b]] as const) {
      await selfAssess(as, cand);
      expectStatus(await uploadEvidence(app, as, cand), 201);
      expectStatus(await as.post(`/api/pioneer/candidates/${cand}/submit`), 200);
    }
    expectStatus(await move(f.clients.countyCadre, campaignId, { transition: 'close_registration' }), 200);
    for (let i = 1; i <= 5; i++) judges.push(await makeJudge(app, f, `judge.s${i}`, f.orgs.county));
  });

  it('assigns only judges holding a judge grant over the campaign, never to their own enterprise', async () => {
    const county = f.clients.countyCadre;
    refusedWith(await county.post(`/api/pioneer/candidates/${a}/judges`, { judgeId: f.users.cadreA }), 'pioneer_judge_not_eligible');
    const streetJudge = await makeJudge(app, f, 'judge.street', f.orgs.streetA);
    refusedWith(await county.post(`/api/pioneer/candidates/${a}/judges`, { judgeId: streetJudge.id }), 'pioneer_judge_not_eligible');
    const insider = await makeJudge(app, f, 'judge.insider', f.orgs.county, f.orgs.unionA);
    refusedWith(await county.post(`/api/pioneer/candidates/${a}/judges`, { judgeId: insider.id }), 'pioneer_judge_conflict');
    expectStatus(await county.post(`/api/pioneer/candidates/${b}/judges`, { judgeId: insider.id }), 201);
    for (const [i, j] of judges.entries()) {
      assignments.set(`a${i}`, expectStatus(await county.post(`/api/pioneer/candidates/${a}/judges`, { judgeId: j.id }), 201).id);
    }
    refusedWith(await county.post(`/api/pioneer/candidates/${a}/judges`, { judgeId: judges[0].id }), 'pioneer_judge_assigned', 409);
    assignments.set('b0', expectStatus(await county.post(`/api/pioneer/candidates/${b}/judges`, { judgeId: judges[0].id }), 201).id);
    expect((await f.clients.cadreA.post(`/api/pioneer/candidates/${a}/judges`, { judgeId: judges[1].id })).statusCode).toBe(404);
    // the insider's own assignment to b, marked in full once scoring starts
    assignments.set('insider', expectStatus(await insider.client.get('/api/pioneer/my-assignments'), 200).items[0].id);
    judges.push(insider);
  });

  it('a judge sees and marks only their own assignments, only during scoring', async () => {
    const [j0, j1] = judges;
    const mine = expectStatus(await j0.client.get('/api/pioneer/my-assignments'), 200);
    expect(mine.items.map((x: { candidateId: number }) => x.candidateId).sort()).toEqual([a, b].sort());
    expect(mine.items[0].criteria).toHaveLength(10);
    expect(mine.items[0].evidence).toHaveLength(1);
    const criteria = mine.items[0].criteria as { id: number }[];
    refusedWith(await j0.client.put(`/api/pioneer/my-assignments/${assignments.get('a0')}/scores`, { scores: [{ criterionId: criteria[0].id, points: 5 }] }), 'pioneer_scoring_closed');
    expectStatus(await move(f.clients.countyCadre, campaignId, { transition: 'start_scoring' }), 200);
    // another judge's assignment: as if it did not exist
    expect((await j1.client.put(`/api/pioneer/my-assignments/${assignments.get('a0')}/scores`, { scores: [{ criterionId: criteria[0].id, points: 5 }] })).statusCode).toBe(404);
    expect((await f.clients.member.put(`/api/pioneer/my-assignments/${assignments.get('a0')}/scores`, { scores: [{ criterionId: criteria[0].id, points: 5 }] })).statusCode).toBe(404);
    expect(expectStatus(await j1.client.get('/api/pioneer/my-assignments'), 200).items.map((x: { id: number }) => x.id)).toEqual([assignments.get('a1')]);
    expect(expectStatus(await f.clients.member.get('/api/pioneer/my-assignments'), 200).items).toEqual([]);
    // judges have no subtree permission: the cadre pages stay closed to them
    expect((await j0.client.get(`/api/pioneer/candidates/${a}`)).statusCode).toBe(403);
    expect((await j0.client.get(`/api/pioneer/campaigns/${campaignId}/candidates`)).statusCode).toBe(403);
    // but the evidence of their own candidate can be opened, and nobody else's
    const evidenceId = mine.items[0].evidence[0].id;
    expect((await j0.client.get(`/api/pioneer/evidence/${evidenceId}`)).statusCode).toBe(200);
    expect((await judges[2].client.get(`/api/pioneer/evidence/${w.evidenceId}`)).statusCode).toBe(404);
    const over = await j0.client.put(`/api/pioneer/my-assignments/${assignments.get('a0')}/scores`, { scores: [{ criterionId: criteria[0].id, points: 11 }] });
    expect(over.json().errors[0].field).toBe('scores.0.points');
  });

  it('aggregates by dropping the highest and lowest of five judges, ranks ties equally, and refuses while marks are missing', async () => {
    const mark = async (j: { client: Client }, assignment: number, pointsFor: (i: number) => number) => {
      const sheet = expectStatus(await j.client.get('/api/pioneer/my-assignments'), 200).items.find((x: { id: number }) => x.id === assignment);
      return expectStatus(await j.client.put(`/api/pioneer/my-assignments/${assignment}/scores`, { scores: sheet.criteria.map((c: { id: number }, i: number) => ({ criterionId: c.id, points: pointsFor(i) })) }), 200);
    };
    // candidate a: five judges giving 100, 80, 80, 80, 20 → trimmed mean 80
    const given = [10, 8, 8, 8, 2];
    for (let i = 0; i < 4; i++) expect((await mark(judges[i], assignments.get(`a${i}`)!, () => given[i])).complete).toBe(true);
    // candidate b: two judges (fewer than five: the plain mean) giving 90 and 70 → 80, a tie with a
    await mark(judges[0], assignments.get('b0')!, () => 9);
    await mark(judges[5], assignments.get('insider')!, () => 7);
    const missing = refusedWith(await move(f.clients.countyCadre, campaignId, { transition: 'aggregate' }), 'pioneer_scores_missing');
    expect(missing.detail).toContain('10');
    const progress = expectStatus(await f.clients.countyCadre.get(`/api/pioneer/campaigns/${campaignId}`), 200).progress;
    expect(progress).toMatchObject({ candidates: 2, workers: 60, assignments: 7, marksExpected: 70, marksGiven: 60 });
    await mark(judges[4], assignments.get('a4')!, () => 2);
    expectStatus(await move(f.clients.countyCadre, campaignId, { transition: 'aggregate' }), 200);
    const ranked = expectStatus(await f.clients.countyCadre.get(`/api/pioneer/campaigns/${campaignId}/candidates`), 200).items;
    expect(ranked.map((c: { id: number; score: number; rank: number }) => [c.id, c.score, c.rank])).toEqual([
      [a, 80, 1],
      [b, 80, 1],
    ]);
    const detail = expectStatus(await f.clients.countyCadre.get(`/api/pioneer/candidates/${a}`), 200);
    expect(detail.assignments.map((x: { total: number }) => x.total).sort((p: number, q: number) => p - q)).toEqual([20, 80, 80, 80, 100]);
    // a street sees its own candidate only
    expect(expectStatus(await f.clients.cadreA.get(`/api/pioneer/campaigns/${campaignId}/candidates`), 200).items.map((c: { id: number }) => c.id)).toEqual([a]);
    expect((await f.clients.cadreB.get(`/api/pioneer/candidates/${a}`)).statusCode).toBe(404);
  });

  it('exports the candidates with their scores and ranks as the list filters them; a street’s export holds its own only', async () => {
    const sheet = await readExport(await f.clients.countyCadre.get(`/api/pioneer/campaigns/${campaignId}/candidates/export?type=tech_innovation`));
    expect(sheet.name).toMatch(/^创建单位（评审）-嘉善县总工会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(sheet.rows.map((r) => [r[sheet.header.indexOf('班组')], r[sheet.header.indexOf('得分')], r[sheet.header.indexOf('类型内排名')]]).sort()).toEqual([
      ['一车间', '80', '1'],
      ['装配班组', '80', '1'],
    ]);
    expect(sheet.column('评委数').sort()).toEqual(['2', '5']);
    expect((await readExport(await f.clients.cadreA.get(`/api/pioneer/campaigns/${campaignId}/candidates/export`))).column('班组')).toEqual(['一车间']);
  });

  it('gives showcase awards only during the showcase', async () => {
    expect(expectStatus(await f.clients.countyCadre.post(`/api/pioneer/candidates/${a}/award`, { award: 'innovation_award' }), 200).award).toBe('innovation_award');
    expect(expectStatus(await f.clients.countyCadre.post(`/api/pioneer/candidates/${b}/award`, { award: 'finalist_award' }), 200).award).toBe('finalist_award');
    expect((await f.clients.cadreA.post(`/api/pioneer/candidates/${a}/award`, { award: null })).statusCode).toBe(404);
    expectStatus(await move(f.clients.countyCadre, campaignId, { transition: 'start_publicity', nominees: [a, b] }), 200);
    refusedWith(await f.clients.countyCadre.post(`/api/pioneer/candidates/${a}/award`, { award: null }), 'pioneer_award_closed');
  });

  it('publishes public fields only while in publicity; objections block naming until resolved; an upheld one drops the candidate', async () => {
    const pub = expectStatus(await anonymous(app).get(`/api/pioneer/publicity/${campaignId}`), 200);
    expect(pub.nominees).toHaveLength(2);
    expect(Object.keys(pub.nominees[0]).sort()).toEqual(['candidateId', 'enterpriseName', 'score', 'teamName', 'type', 'unionName']);
    expect(pub).toMatchObject({ publicityStart: '2025-06-02', publicityEnd: '2025-06-08' });
    expect((await anonymous(app).post(`/api/pioneer/candidates/${a}/objections`, { reason: '匿名' })).statusCode).toBe(401);
    expect((await f.clients.member.post('/api/pioneer/candidates/999999/objections', { reason: '不存在' })).statusCode).toBe(404);
    const o1 = expectStatus(await f.clients.member.post(`/api/pioneer/candidates/${a}/objections`, { reason: '班组长冒领成果' }), 201).id;
    const o2 = expectStatus(await f.clients.viewer.post(`/api/pioneer/candidates/${b}/objections`, { reason: '材料不实' }), 201).id;
    const clock = clockOf(app);
    const saved = clock();
    try {
      clock.set('2025-06-08T15:00:00.000Z'); // 23:00 on the last day of publicity
      const member = await login(app, 'worker.a', PASSWORD);
      expectStatus(await member.post(`/api/pioneer/candidates/${a}/objections`, { reason: '补充异议' }), 201);
      clock.set('2025-06-09T02:00:00.000Z');
      const late = await login(app, 'worker.a', PASSWORD);
      refusedWith(await late.post(`/api/pioneer/candidates/${a}/objections`, { reason: '逾期' }), 'pioneer_objection_closed');
      const county = await login(app, 'county.cadre', PASSWORD);
      expect(refusedWith(await move(county, campaignId, { transition: 'name' }), 'pioneer_objections_open').detail).toContain('3');
      const objections = expectStatus(await county.get(`/api/pioneer/campaigns/${campaignId}/objections`), 200).items;
      expect(objections).toHaveLength(3);
      expect((await (await login(app, 'street.a', PASSWORD)).post(`/api/pioneer/objections/${o1}/resolve`, { outcome: 'dismissed', resolution: 'x' })).statusCode).toBe(404);
      for (const o of objections.filter((x: { id: number }) => x.id !== o2)) {
        expectStatus(await county.post(`/api/pioneer/objections/${o.id}/resolve`, { outcome: 'dismissed', resolution: '经核实，异议不成立' }), 200);
      }
      expect(expectStatus(await county.post(`/api/pioneer/objections/${o2}/resolve`, { outcome: 'upheld', resolution: '材料确有不实' }), 200).status).toBe('upheld');
      refusedWith(await county.post(`/api/pioneer/objections/${o2}/resolve`, { outcome: 'dismissed', resolution: '再次' }), 'pioneer_objection_resolved', 409);
      expectStatus(await move(county, campaignId, { transition: 'name' }), 200);
      const after = expectStatus(await county.get(`/api/pioneer/campaigns/${campaignId}/candidates`), 200).items;
      expect(Object.fromEntries(after.map((c: { id: number; status: string }) => [c.id, c.status]))).toEqual({ [a]: 'named', [b]: 'not_named' });
      expect((await anonymous(app).get(`/api/pioneer/publicity/${campaignId}`)).statusCode).toBe(404);
      const dash = expectStatus(await county.get('/api/pioneer/dashboard'), 200);
      expect(dash.campaigns.find((c: { id: number }) => c.id === campaignId)).toMatchObject({ candidates: 2, teams: 2, workers: 60, named: 1 });
      const dashA = expectStatus(await (await login(app, 'street.a', PASSWORD)).get('/api/pioneer/dashboard'), 200);
      expect(dashA.campaigns.find((c: { id: number }) => c.id === campaignId)).toMatchObject({ candidates: 1, teams: 1, workers: 40, named: 1 });
    } finally {
      clock.set(saved);
    }
  });
});

describe('evidence files', () => {
  let cand: number;
  beforeAll(async () => {
    const { id } = expectStatus(await f.clients.countyCadre.post('/api/pioneer/campaigns', campaignBody(f.orgs.county, { name: '佐证材料' })), 201);
    cand = expectStatus(await f.clients.cadreA.post(`/api/pioneer/campaigns/${id}/candidates`, { teamId: f.teams.a, type: 'model_education', workerCount: 5 }), 201).id;
  });

  it('stores a checksummed file under the data directory and serves it back only as an attachment, only in scope', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const e = expectStatus(await uploadEvidence(app, f.clients.cadreA, cand, '现场照片.PNG', png, 'image/png'), 201);
    expect(e).toMatchObject({ fileName: '现场照片.PNG', contentType: 'image/png', size: png.length, sha256: (await import('node:crypto')).createHash('sha256').update(png).digest('hex') });
    const res = await f.clients.cadreA.get(`/api/pioneer/evidence/${e.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(png)).toBe(true);
    expect((await f.clients.countyCadre.get(`/api/pioneer/evidence/${e.id}`)).statusCode).toBe(200);
    expect((await f.clients.cadreB.get(`/api/pioneer/evidence/${e.id}`)).statusCode).toBe(404);
    expect((await f.clients.member.get(`/api/pioneer/evidence/${e.id}`)).statusCode).toBe(404);
    const stored = await app.deps.files.list(`evidence/${cand}/`);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain('照片');
    expect((await f.clients.cadreB.delete(`/api/pioneer/evidence/${e.id}`)).statusCode).toBe(404);
    expect((await f.clients.cadreA.delete(`/api/pioneer/evidence/${e.id}`)).statusCode).toBe(204);
    expect(await app.deps.files.list(`evidence/${cand}/`)).toHaveLength(0);
  });

  it.each([
    ['an HTML page named .pdf', 'report.pdf', Buffer.from('<html><script>alert(1)</script></html>')],
    ['a PNG named .pdf', 'report.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])],
    ['an HTML page', 'page.html', Buffer.from('<html></html>')],
    ['a zip that is no Word file', 'notes.docx', Buffer.from('PK\x03\x04not-a-word-document', 'latin1')],
    ['an empty file', 'empty.pdf', Buffer.alloc(0)],
  ])('refuses %s on the file field and keeps nothing', async (_what, name, data) => {
    const res = await uploadEvidence(app, f.clients.cadreA, cand, name, data, 'application/octet-stream');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('file');
    expect(await app.deps.files.list(`evidence/${cand}/`)).toHaveLength(0);
    expect(await keptFiles(app)).not.toContainEqual(expect.stringMatching(/^tmp\//));
  });

  it('refuses a file over 20 MB with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    expect((await uploadEvidence(app, f.clients.cadreA, cand, 'big.pdf', big)).statusCode).toBe(413);
  });
});

describe('titles', () => {
  it('imports historic titles all or nothing, with per-row errors, creating missing teams', async () => {
    const usccA = await usccOf(f.enterprises.a);
    const usccB = await usccOf(f.enterprises.b);
    const before = expectStatus(await f.clients.countyCadre.get(`/api/orgs/${f.orgs.county}/pioneer-stats`), 200);
    const bad = await importTitles(f.clients.countyCadre, f.orgs.county, await titleWorkbook([
      ['一车间', usccA, '现代管理型', '市级', 2016],
      ['', 'NOT-A-CODE', '管理型', '区级', 1980],
      ['一车间', usccA, '现代管理型', '市级', 2016],
    ]));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('import_failed');
    expect(bad.json().errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort()).toEqual(['3:level', '3:teamName', '3:type', '3:uscc', '3:year', '4:teamName']);
    expect(bad.json().errors[0]).toEqual({ row: 3, field: expect.any(String), column: expect.any(String), message: expect.any(String) });
    expect(expectStatus(await f.clients.countyCadre.get(`/api/orgs/${f.orgs.county}/pioneer-stats`), 200)).toEqual(before);
    expect((await f.clients.countyCadre.get(bad.json().reportUrl)).statusCode).toBe(200);
    expect((await f.clients.cadreA.get(bad.json().reportUrl)).statusCode).toBe(404);

    const good = await titleWorkbook([
      ['一车间', usccA, '现代管理型', '市级', 2016],
      ['新建质检班组', usccB, '优质服务型', '全国', '2020'],
      ['新建质检班组', usccB, '优质服务型', '省级', 2019],
    ]);
    expect((await importTitles(f.clients.cadreA, f.orgs.county, good)).statusCode).toBe(404);
    const outside = await importTitles(f.clients.cadreA, f.orgs.streetA, good);
    expect(outside.json().errors.filter((e: { field: string }) => e.field === 'uscc').map((e: { row: number }) => e.row)).toEqual([3, 4]);
    expect(expectStatus(await importTitles(f.clients.countyCadre, f.orgs.county, good), 200)).toEqual({ imported: 3 });
    const after = expectStatus(await f.clients.countyCadre.get(`/api/orgs/${f.orgs.county}/pioneer-stats`), 200);
    expect(after.byLevel).toEqual({ ...before.byLevel, city: before.byLevel.city + 1, province: before.byLevel.province + 1, national: before.byLevel.national + 1 });
    expect(after.activeTitles).toBe(before.activeTitles + 3);
    expect(Object.keys(after).sort()).toEqual(['activeTitles', 'byLevel', 'byType']);
    const teams = expectStatus(await f.admin.get(`/api/teams?enterpriseId=${f.enterprises.b}`), 200).items.map((t: { name: string }) => t.name);
    expect(teams).toContain('新建质检班组');
    refusedWith(await importTitles(f.clients.countyCadre, f.orgs.county, good), 'import_failed');
    const template = await f.clients.countyCadre.get('/api/pioneer/titles/import-template');
    expect(template.statusCode).toBe(200);
  });

  it('recommends upward level by level and records the higher level’s decision', async () => {
    const county = f.clients.countyCadre;
    refusedWith(await county.post(`/api/pioneer/titles/${w.titleId}/recommendations`, {}), 'pioneer_recommendation_open', 409);
    const named = expectStatus(await county.post(`/api/pioneer/recommendations/${w.recommendationId}/decision`, { outcome: 'named', decidedOn: '2025-05-01', documentNo: '嘉工〔2025〕6号' }), 200);
    expect(named).toMatchObject({ status: 'named', toLevel: 'city', resultTitleId: expect.any(Number) });
    refusedWith(await county.post(`/api/pioneer/recommendations/${w.recommendationId}/decision`, { outcome: 'not_named', decidedOn: '2025-05-01' }), 'pioneer_recommendation_decided', 409);
    const city = named.resultTitleId;
    const toProvince = expectStatus(await county.post(`/api/pioneer/titles/${city}/recommendations`, { recommendedOn: '2025-05-10' }), 201);
    expect(toProvince.toLevel).toBe('province');
    expect(expectStatus(await county.post(`/api/pioneer/recommendations/${toProvince.id}/decision`, { outcome: 'not_named', decidedOn: '2025-05-20' }), 200).resultTitleId).toBeNull();
    const national = expectStatus(await county.get('/api/pioneer/titles?level=national'), 200).items[0];
    refusedWith(await county.post(`/api/pioneer/titles/${national.id}/recommendations`, {}), 'pioneer_recommendation_top');
    expect((await f.clients.cadreB.post(`/api/pioneer/titles/${city}/recommendations`, {})).statusCode).toBe(404);
    const history = expectStatus(await county.get(`/api/pioneer/titles/${city}`), 200);
    expect(history.ladder.map((l: { level: string }) => l.level)).toEqual(['county', 'city']);
    expect(history.recommendations[0]).toMatchObject({ toLevel: 'province', status: 'not_named' });
  });

  it('keeps a title honest: inspections, rewards, an incident proposing revocation, and the whole history in one answer', async () => {
    const county = f.clients.countyCadre;
    const result = expectStatus(await county.post(`/api/pioneer/inspections/${w.inspectionId}/result`, { result: 'rectify', inspectedOn: '2025-06-01', notes: '台账需补齐' }), 200);
    expect(result).toMatchObject({ status: 'done', result: 'rectify' });
    refusedWith(await county.post(`/api/pioneer/inspections/${w.inspectionId}/result`, { result: 'passed', inspectedOn: '2025-06-01' }), 'pioneer_inspection_done', 409);
    expectStatus(await county.post(`/api/pioneer/titles/${w.titleId}/rewards`, { awardedOn: '2025-05-01', description: '县总工会奖励', amountFen: 500000 }), 201);
    const cert = expectStatus(await county.get(`/api/pioneer/titles/${w.titleId}/certificate`), 200);
    expect(cert).toMatchObject({ title: '县级“工人先锋号”（科技创新型）', typeName: '科技创新型', levelName: '县级', year: 2019, status: 'active', enterpriseName: '魏塘精工有限公司' });
    const stats = expectStatus(await county.get(`/api/orgs/${f.orgs.streetA}/pioneer-stats`), 200);

    const proposed = expectStatus(await county.get(`/api/pioneer/titles/${w.titleId}`), 200).revocations[0];
    expect(proposed).toMatchObject({ id: w.revocationId, status: 'proposed', incidentId: w.incidentId });
    expect(proposed.reason).toContain('拖欠工资');
    expect((await f.clients.cadreB.post(`/api/pioneer/revocations/${w.revocationId}/decision`, { outcome: 'confirmed', decidedOn: '2025-06-02' })).statusCode).toBe(404);
    expectStatus(await county.post(`/api/pioneer/revocations/${w.revocationId}/decision`, { outcome: 'confirmed', decidedOn: '2025-06-02', note: '核实属实' }), 200);
    refusedWith(await county.post(`/api/pioneer/revocations/${w.revocationId}/decision`, { outcome: 'dismissed', decidedOn: '2025-06-02' }), 'pioneer_revocation_decided', 409);
    refusedWith(await county.post(`/api/pioneer/titles/${w.titleId}/revoke`, { reason: '再次', revokedOn: '2025-06-02' }), 'pioneer_title_revoked');

    const history = expectStatus(await county.get(`/api/pioneer/titles/${w.titleId}`), 200);
    expect(history).toMatchObject({ status: 'revoked', revokedOn: '2025-06-02', source: 'import', campaign: null });
    expect(history.inspections[0]).toMatchObject({ result: 'rectify', notes: '台账需补齐' });
    expect(history.rewards[0]).toMatchObject({ amountFen: 500000 });
    expect(history.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['naming', 'recommendation', 'decision', 'inspection', 'reward', 'revocation_proposed', 'revocation_confirmed']));
    const after = expectStatus(await county.get(`/api/orgs/${f.orgs.streetA}/pioneer-stats`), 200);
    expect(after.activeTitles).toBe(stats.activeTitles - 1);
    expect(after.byType.tech_innovation).toBe(stats.byType.tech_innovation - 1);
  });

  it('exports titles and campaigns as their lists filter them, within the caller’s scope', async () => {
    const listed = expectStatus(await f.clients.countyCadre.get('/api/pioneer/titles?level=county&pageSize=200'), 200);
    const sheet = await readExport(await f.clients.countyCadre.get('/api/pioneer/titles/export?level=county'));
    expect(sheet.name).toMatch(/^工人先锋号-嘉善县总工会-/);
    expect(sheet.column('班组').sort()).toEqual(listed.items.map((t: { teamName: string }) => t.teamName).sort());
    expect(sheet.column('级别').every((v) => v === '县级')).toBe(true);
    expect((await readExport(await f.clients.cadreB.get('/api/pioneer/titles/export'))).column('企业').every((v) => v !== '魏塘精工有限公司')).toBe(true);
    const campaigns = expectStatus(await f.clients.countyCadre.get('/api/pioneer/campaigns?pageSize=200'), 200);
    const campaignSheet = await readExport(await f.clients.countyCadre.get('/api/pioneer/campaigns/export'));
    expect(campaignSheet.column('活动名称').sort()).toEqual(campaigns.items.map((c: { name: string }) => c.name).sort());
  });

  it('a cadre revokes directly with reason and date; titles of one street stay out of another’s sight', async () => {
    const list = expectStatus(await f.clients.cadreA.get('/api/pioneer/titles?status=active'), 200);
    const title = list.items[0];
    expect(list.items.every((t: { enterpriseId: number }) => t.enterpriseId !== f.enterprises.b)).toBe(true);
    expect((await f.clients.cadreB.get(`/api/pioneer/titles/${title.id}`)).statusCode).toBe(404);
    expect((await f.clients.cadreB.get(`/api/pioneer/titles/${title.id}/certificate`)).statusCode).toBe(404);
    expect((await f.clients.cadreB.get(`/api/orgs/${f.orgs.streetA}/pioneer-stats`)).statusCode).toBe(404);
    expect((await f.clients.viewer.post(`/api/pioneer/titles/${title.id}/revoke`, { reason: '只读', revokedOn: '2025-06-02' })).statusCode).toBe(403);
    const r = expectStatus(await f.clients.cadreA.post(`/api/pioneer/titles/${title.id}/revoke`, { reason: '班组撤并', revokedOn: '2025-06-01' }), 200);
    expect(r).toMatchObject({ status: 'confirmed', reason: '班组撤并', decidedOn: '2025-06-01' });
    expect(expectStatus(await f.clients.cadreA.get(`/api/pioneer/titles/${title.id}`), 200)).toMatchObject({ status: 'revoked', revocationReason: '班组撤并' });
    expect(expectStatus(await f.clients.cadreB.get('/api/pioneer/incidents'), 200).items.every((i: { enterpriseId: number }) => i.enterpriseId !== f.enterprises.a)).toBe(true);
  });
});

describe('scope', () => {
  it('keeps cadres to their subtree, viewers to reading, and judges and members out of the cadre routes', async () => {
    const judge = w.judge.client;
    for (const url of ['/api/pioneer/campaigns', '/api/pioneer/titles', '/api/pioneer/dashboard', `/api/orgs/${f.orgs.county}/pioneer-stats`, '/api/pioneer/standards']) {
      expect((await judge.get(url)).statusCode, url).toBe(403);
      expect((await f.clients.member.get(url)).statusCode, url).toBe(403);
      expect((await f.clients.viewer.get(url)).statusCode, url).toBe(200);
    }
    expect((await f.clients.viewer.post('/api/pioneer/campaigns', campaignBody(f.orgs.county))).statusCode).toBe(403);
    // both streets take part in the county's campaign; only the county manages it
    expect((await f.clients.cadreB.get(`/api/pioneer/campaigns/${w.campaignId}`)).statusCode).toBe(200);
    expect(expectStatus(await f.clients.cadreB.get(`/api/pioneer/campaigns/${w.campaignId}/candidates`), 200).items).toEqual([]);
    expect(expectStatus(await f.clients.cadreB.get(`/api/pioneer/campaigns/${w.campaignId}/objections`), 200).items).toEqual([]);
    expect((await f.clients.cadreB.get(`/api/pioneer/candidates/${w.candidateId}`)).statusCode).toBe(404);
    expect((await f.clients.cadreA.get(`/api/pioneer/candidates/${w.candidateId}`)).statusCode).toBe(200);
    expect((await f.clients.cadreB.get(`/api/pioneer/evidence/${w.evidenceId}`)).statusCode).toBe(404);
    expect((await f.clients.cadreB.put(`/api/pioneer/candidates/${w.candidateId}/self-assessment`, { summary: 'x', scores: [] })).statusCode).toBe(404);
    expect((await f.clients.cadreB.post(`/api/pioneer/titles/${w.titleId}/rewards`, { awardedOn: '2025-01-01', description: 'x' })).statusCode).toBe(404);
    expect((await f.clients.cadreB.post(`/api/pioneer/titles/${w.titleId}/inspections`, { dueOn: '2025-01-01' })).statusCode).toBe(404);
    expect((await f.clients.cadreB.post('/api/pioneer/incidents', { enterpriseId: f.enterprises.a, kind: 'mass_incident', occurredOn: '2025-01-01', description: 'x' })).statusCode).toBe(404);
    expect((await f.clients.cadreA.get(`/api/pioneer/standards?orgId=${f.orgs.county}`)).statusCode).toBe(404);
    const dashB = expectStatus(await f.clients.cadreB.get(`/api/pioneer/dashboard?orgId=${f.orgs.streetB}`), 200);
    expect((await f.clients.cadreB.get(`/api/pioneer/dashboard?orgId=${f.orgs.streetA}`)).statusCode).toBe(404);
    expect(dashB.activeTitles).toBe(expectStatus(await f.clients.cadreB.get(`/api/orgs/${f.orgs.streetB}/pioneer-stats`), 200).activeTitles);
  });
});
