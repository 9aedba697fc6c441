import type { FastifyInstance } from 'fastify';
import { campaignBody } from '../modules/pioneer/test-world.ts';
import { buildFundraisingWorld } from '../modules/fundraising/test-world.ts';
import { expectStatus, type Client, type Fixture } from './harness.ts';
import { signUpMember } from './people.ts';

/**
 * Where files are uploaded, ready to take them: a Workers' Pioneer candidate (team a, in the
 * county's campaign) still taking evidence, and street A's photo contest taking entries, with a
 * member of union A as its author (up to 20 entries), a draft article of street A taking attachments,
 * and that member's rights case taking attachments, a disbursement of union A's fundraiser taking proofs,
 * and a lesson of street A's course taking its file.
 */
export async function buildUploadTargets(
  app: FastifyInstance,
  f: Fixture,
): Promise<{ candidateId: number; contestId: number; author: Client; articleId: number; rightsCaseId: number; disbursementId: number; lessonId: number }> {
  const campaign = expectStatus<{ id: number }>(await f.clients.countyCadre.post('/api/pioneer/campaigns', campaignBody(f.orgs.county)), 201);
  const candidateId = expectStatus<{ id: number }>(
    await f.clients.cadreA.post(`/api/pioneer/campaigns/${campaign.id}/candidates`, { teamId: f.teams.a, type: 'safe_production', workerCount: 9 }),
    201,
  ).id;
  const contestId = expectStatus<{ id: number }>(
    await f.clients.cadreA.post('/api/contests', {
      orgId: f.orgs.streetA,
      title: '身边的工会',
      theme: '随手拍',
      entryKind: 'photo',
      entriesPerMember: 20,
      submitOpensAt: '2025-06-01T00:00:00.000Z',
      submitClosesAt: '2025-07-01T00:00:00.000Z',
      voteOpensAt: '2025-06-01T00:00:00.000Z',
      voteClosesAt: '2025-07-15T00:00:00.000Z',
    }),
    201,
  ).id;
  const author = (await signUpMember(app, f.clients.cadreA, f.orgs.unionA)).client;
  const articleId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/articles', { orgId: f.orgs.streetA, column: 'policy', title: '附件上传', body: '<p>附件</p>', public: true }), 201).id;
  const rightsCaseId = expectStatus<{ id: number }>(await author.post('/api/rights-cases', { category: 'wage_arrears', employerName: '魏塘精工有限公司', narrative: '附件上传', consent: true }), 201).id;
  const { disbursementId } = await buildFundraisingWorld(f);
  const courseId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/courses', { orgId: f.orgs.streetA, title: '课件上传', lessons: [{ title: '课件', hours: 1 }] }), 201).id;
  const lessonId = expectStatus<{ lessonList: { id: number }[] }>(await f.clients.cadreA.get(`/api/courses/${courseId}`), 200).lessonList[0].id;
  return { candidateId, contestId, author, articleId, rightsCaseId, disbursementId, lessonId };
}
