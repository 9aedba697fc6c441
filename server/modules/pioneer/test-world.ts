import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PASSWORD, createUser, expectStatus, login, type Client, type Fixture } from '../../test/harness.ts';

/**
 * Test helpers of the Workers' Pioneer module, shared by its API tests and the permission matrix.
 * Everything goes through HTTP as the fixture's people.
 */

/** A multipart request: text fields and at most one file. */
export function multipart(app: FastifyInstance, as: Client, url: string, fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }): Promise<LightMyRequestResponse> {
  const boundary = `----gonghui-pioneer-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (as.cookie) headers.cookie = `gh_session=${as.cookie}`;
  if (as.csrfToken) headers['x-csrf-token'] = as.csrfToken;
  return app.inject({ method: 'POST', url, headers, payload: Buffer.concat(parts) });
}

/** A small but real PDF. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export const uploadEvidence = (app: FastifyInstance, as: Client, candidateId: number, name = '班组台账.pdf', data = PDF, type = 'application/pdf') =>
  multipart(app, as, `/api/pioneer/candidates/${candidateId}/evidence`, {}, { name, type, data });

/** An import workbook with the five title columns. */
export async function titleWorkbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工人先锋号');
  ws.addRow(['班组名称', '所属企业统一社会信用代码', '类型', '级别', '命名年份']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const campaignBody = (orgId: number, overrides: Record<string, unknown> = {}) => ({
  orgId,
  name: '2025年度嘉善县“五型工人先锋号”创建活动',
  year: 2025,
  registrationDeadline: '2025-06-30',
  assessmentDeadline: '2025-07-15',
  scoringDeadline: '2025-07-31',
  quota: 10,
  scoringMethod: 'trimmed_mean',
  ...overrides,
});

/** Marks every criterion of a candidate's standard: `pointsFor(criterion index)`. */
export async function selfAssess(as: Client, candidateId: number, pointsFor: (i: number) => number = () => 8) {
  const detail = expectStatus(await as.get(`/api/pioneer/candidates/${candidateId}`), 200);
  const scores = detail.criteria.map((c: { id: number }, i: number) => ({ criterionId: c.id, points: pointsFor(i) }));
  return expectStatus(await as.put(`/api/pioneer/candidates/${candidateId}/self-assessment`, { summary: '班组创建工作总结', scores }), 200);
}

/** A user holding the judge role on `orgId`, logged in. */
export async function makeJudge(app: FastifyInstance, f: Fixture, username: string, orgId: number, homeOrgId = orgId): Promise<{ id: number; client: Client }> {
  const id = await createUser(f.admin, { username, displayName: username, orgId: homeOrgId }, { role: 'judge', orgId });
  return { id, client: await login(app, username, PASSWORD) };
}

/**
 * One of everything in street A, for tests that need ids: the county's campaign in publicity with
 * team a proposed (self-assessed with evidence, marked by one judge) and an open objection; an
 * imported county title of team a with a pending recommendation, a scheduled inspection and a
 * revocation proposed by an incident against enterprise a.
 */
export async function buildPioneerWorld(app: FastifyInstance, f: Fixture, tag = 'w') {
  const county = f.clients.countyCadre;
  const campaign = expectStatus(await county.post('/api/pioneer/campaigns', campaignBody(f.orgs.county, { name: `矩阵活动${tag}`, quota: 3, scoringMethod: 'mean' })), 201);
  const candidateId = expectStatus(await f.clients.cadreA.post(`/api/pioneer/campaigns/${campaign.id}/candidates`, { teamId: f.teams.a, type: 'safe_production', workerCount: 24 }), 201).id;
  await selfAssess(f.clients.cadreA, candidateId);
  const evidenceId = expectStatus(await uploadEvidence(app, f.clients.cadreA, candidateId), 201).id;
  expectStatus(await f.clients.cadreA.post(`/api/pioneer/candidates/${candidateId}/submit`), 200);
  expectStatus(await county.post(`/api/pioneer/campaigns/${campaign.id}/transitions`, { transition: 'close_registration' }), 200);
  const judge = await makeJudge(app, f, `judge.${tag}`, f.orgs.county);
  const assignmentId = expectStatus(await county.post(`/api/pioneer/candidates/${candidateId}/judges`, { judgeId: judge.id }), 201).id;
  expectStatus(await county.post(`/api/pioneer/campaigns/${campaign.id}/transitions`, { transition: 'start_scoring' }), 200);
  const sheet = expectStatus(await judge.client.get('/api/pioneer/my-assignments'), 200).items[0];
  expectStatus(await judge.client.put(`/api/pioneer/my-assignments/${assignmentId}/scores`, { scores: sheet.criteria.map((c: { id: number }) => ({ criterionId: c.id, points: 9 })) }), 200);
  expectStatus(await county.post(`/api/pioneer/campaigns/${campaign.id}/transitions`, { transition: 'aggregate' }), 200);
  expectStatus(await county.post(`/api/pioneer/campaigns/${campaign.id}/transitions`, { transition: 'start_publicity', nominees: [candidateId] }), 200);
  const objectionId = expectStatus(await f.clients.member.post(`/api/pioneer/candidates/${candidateId}/objections`, { reason: '该班组去年曾有违章记录' }), 201).id;

  const uscc = expectStatus(await f.admin.get(`/api/enterprises/${f.enterprises.a}`), 200).uscc as string;
  const file = await titleWorkbook([[`先锋班组${tag}`, uscc, '科技创新型', '县级', 2019]]);
  expectStatus(await multipart(app, county, '/api/pioneer/titles/import', { orgId: String(f.orgs.county) }, { name: 'titles.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: file }), 200);
  const titleId = expectStatus(await county.get(`/api/pioneer/titles?q=先锋班组${tag}`), 200).items[0].id as number;
  const recommendationId = expectStatus(await county.post(`/api/pioneer/titles/${titleId}/recommendations`, {}), 201).id;
  const inspectionId = expectStatus(await county.post(`/api/pioneer/titles/${titleId}/inspections`, { dueOn: '2025-12-01' }), 201).id;
  const incident = expectStatus(await county.post('/api/pioneer/incidents', { enterpriseId: f.enterprises.a, kind: 'wage_arrears', occurredOn: '2024-03-01', description: '拖欠两个月工资' }), 201);
  const revocationId = expectStatus(await county.get(`/api/pioneer/titles/${titleId}`), 200).revocations[0].id as number;
  return {
    campaignId: campaign.id as number,
    standardId: campaign.standards[0].standardId as number,
    candidateId,
    evidenceId,
    judge,
    assignmentId,
    objectionId,
    titleId,
    recommendationId,
    inspectionId,
    incidentId: incident.id as number,
    revocationId,
    xlsx: file,
  };
}

export type PioneerWorld = Awaited<ReturnType<typeof buildPioneerWorld>>;
