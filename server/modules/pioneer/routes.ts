import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importWorkbook, sendWorkbook } from '../../platform/spreadsheet.ts';
import { fileHeaders } from '../../platform/uploads.ts';
import { AppError } from '../../platform/errors.ts';
import { id, idParams, pageOf } from '../../platform/validation.ts';
import * as s from './schema.ts';
import * as standards from './standards.ts';
import * as campaigns from './campaigns.ts';
import * as candidates from './candidates.ts';
import * as judging from './judging.ts';
import * as publicity from './publicity.ts';
import * as titles from './titles.ts';
import { evidenceFile, removeEvidence, uploadEvidence } from './evidence.ts';
import { importTitles, titleTemplate, titleTemplateName } from './title-files.ts';
import { dashboard, pioneerStats } from './stats.ts';

export const pioneerRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['pioneer'];
  const created = z.object({ id: z.number().int(), status: z.string() });

  // ----- standards -----
  app.get(
    '/pioneer/standards',
    { config: { access: 'pioneer.read' }, schema: { summary: 'The five current assessment standards (a federation’s own versions, else the built-in ones)', tags, querystring: s.standardListQuery, response: { 200: pageOf(s.standardView) } } },
    async (req) => standards.listStandards(deps, req.caller, req.query.orgId),
  );
  app.get(
    '/pioneer/standards/:id',
    { config: { access: 'pioneer.read' }, schema: { summary: 'One version of a standard with its criteria', tags, params: idParams, response: { 200: s.standardView } } },
    async (req) => standards.getStandard(deps, req.caller, req.params.id),
  );
  app.post(
    '/pioneer/standards',
    { config: { access: 'pioneer.write' }, schema: { summary: 'A county federation saves a new version of one type’s standard (for campaigns opened from now on)', tags, body: s.createStandardBody, response: { 201: s.standardView } } },
    async (req, reply) => reply.status(201).send(await standards.createStandard(deps, req.caller, req.body)),
  );

  // ----- campaigns -----
  app.post(
    '/pioneer/campaigns',
    { config: { access: 'pioneer.write' }, schema: { summary: 'A county federation opens a campaign (freezes the current standards)', tags, body: s.createCampaignBody, response: { 201: s.campaignView } } },
    async (req, reply) => reply.status(201).send(await campaigns.openCampaign(deps, req.caller, req.body)),
  );
  app.get(
    '/pioneer/campaigns',
    { config: { access: 'pioneer.read' }, schema: { summary: 'Campaigns the caller manages or takes part in, with progress', tags, querystring: s.campaignListQuery, response: { 200: pageOf(s.campaignView) } } },
    async (req) => campaigns.listCampaigns(deps, req.caller, req.query),
  );
  app.get(
    '/pioneer/campaigns/export',
    { config: { access: 'pioneer.read' }, schema: { summary: 'Campaigns as the list filters them, with progress, in Excel (audited)', tags, querystring: s.campaignExportQuery } },
    async (req, reply) => {
      const file = await campaigns.exportCampaigns(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/pioneer/campaigns/:id',
    { config: { access: 'pioneer.read' }, schema: { summary: 'One campaign with progress and the transitions the caller may make from its state', tags, params: idParams, response: { 200: s.campaignView } } },
    async (req) => campaigns.getCampaign(deps, req.caller, req.params.id),
  );
  app.post(
    '/pioneer/campaigns/:id/transitions',
    {
      config: { access: 'pioneer.write' },
      schema: {
        summary: 'Move the campaign by a named transition (close_registration, start_scoring, aggregate, start_publicity, name, cancel)',
        description: 'registration →close_registration→ self_assessment →start_scoring→ scoring →aggregate→ showcase →start_publicity→ publicity →name→ named; cancel from any open state. An illegal move or a failed guard answers 422 with its reason.',
        tags,
        params: idParams,
        body: s.transitionBody,
        response: { 200: s.campaignView },
      },
    },
    async (req) => campaigns.transition(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/pioneer/campaigns/:id/candidates',
    { config: { access: 'pioneer.write' }, schema: { summary: 'A team’s union registers it as a candidate of one type (eligibility checked)', tags, params: idParams, body: s.registerBody, response: { 201: created } } },
    async (req, reply) => reply.status(201).send(await candidates.registerCandidate(deps, req.caller, req.params.id, req.body)),
  );
  app.get(
    '/pioneer/campaigns/:id/candidates',
    { config: { access: 'pioneer.read' }, schema: { summary: 'Candidates of a campaign (managers see all; others their own subtree’s), ranked within each type', tags, params: idParams, querystring: s.candidateListQuery, response: { 200: pageOf(s.candidateItem) } } },
    async (req) => candidates.listCandidates(deps, req.caller, req.params.id, req.query),
  );
  app.get(
    '/pioneer/campaigns/:id/candidates/export',
    { config: { access: 'pioneer.read' }, schema: { summary: 'Candidates of a campaign as the list filters them, with scores, ranks and awards, in Excel (audited)', tags, params: idParams, querystring: s.candidateExportQuery } },
    async (req, reply) => {
      const file = await candidates.exportCandidates(deps, req.caller, req.params.id, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/pioneer/campaigns/:id/objections',
    { config: { access: 'pioneer.read' }, schema: { summary: 'Objections lodged during the campaign’s publicity', tags, params: idParams, response: { 200: pageOf(s.objectionView) } } },
    async (req) => publicity.listObjections(deps, req.caller, req.params.id),
  );

  // ----- candidates -----
  app.get(
    '/pioneer/candidates/:id',
    { config: { access: 'pioneer.read' }, schema: { summary: 'One candidate: self-assessment, evidence, judges and their totals, objections', tags, params: idParams, response: { 200: s.candidateDetail } } },
    async (req) => candidates.getCandidate(deps, req.caller, req.params.id),
  );
  app.put(
    '/pioneer/candidates/:id/self-assessment',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Save the self-assessment (summary and self-marked criteria) before submitting', tags, params: idParams, body: s.selfAssessmentBody, response: { 200: s.candidateDetail } } },
    async (req) => candidates.saveSelfAssessment(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/pioneer/candidates/:id/submit',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Submit the self-assessment (every criterion marked, evidence attached)', tags, params: idParams, response: { 200: s.candidateDetail } } },
    async (req) => candidates.candidateMove(deps, req.caller, req.params.id, 'submit'),
  );
  app.post(
    '/pioneer/candidates/:id/withdraw',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Withdraw from the campaign (before scoring starts)', tags, params: idParams, response: { 200: s.candidateDetail } } },
    async (req) => candidates.candidateMove(deps, req.caller, req.params.id, 'withdraw'),
  );
  app.post(
    '/pioneer/candidates/:id/evidence',
    {
      config: { access: 'pioneer.write' },
      schema: {
        summary: 'Upload one evidence file (multipart: file; PDF, JPG, PNG, DOCX or XLSX by content, at most 20 MB; checksummed)',
        tags,
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: s.evidenceView },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
      return reply.status(201).send(await uploadEvidence(deps, req.caller, req.params.id, req.parts()));
    },
  );
  app.post(
    '/pioneer/candidates/:id/judges',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Assign a judge (a judge grant covering the campaign; never the team’s own enterprise)', tags, params: idParams, body: s.assignBody, response: { 201: z.object({ id: z.number().int(), candidateId: z.number().int(), judgeId: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await judging.assignJudge(deps, req.caller, req.params.id, req.body.judgeId)),
  );
  app.post(
    '/pioneer/candidates/:id/award',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Give (or take back) a showcase award: innovation_award 创新成果奖 or finalist_award 入围成果奖', tags, params: idParams, body: s.awardBody, response: { 200: s.candidateDetail } } },
    async (req) => candidates.setAward(deps, req.caller, req.params.id, req.body.award),
  );
  app.post(
    '/pioneer/candidates/:id/objections',
    { config: { access: 'authenticated' }, schema: { summary: 'Lodge an objection to a proposed candidate during publicity (anyone logged in)', tags, params: idParams, body: s.objectionBody, response: { 201: created } } },
    async (req, reply) => reply.status(201).send(await publicity.lodgeObjection(deps, req.caller, req.params.id, req.body.reason)),
  );
  app.post(
    '/pioneer/objections/:id/resolve',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Resolve an objection (upheld: the candidate is not named)', tags, params: idParams, body: s.resolveBody, response: { 200: s.objectionView } } },
    async (req) => publicity.resolveObjection(deps, req.caller, req.params.id, req.body.outcome, req.body.resolution),
  );

  // ----- evidence files -----
  app.get(
    '/pioneer/evidence/:id',
    { config: { access: 'authenticated' }, schema: { summary: 'Download an evidence file (cadres who see the candidate, and its judges); always an attachment', tags, params: idParams } },
    async (req, reply) => {
      const e = await evidenceFile(deps, req.caller, req.params.id);
      return reply
        .headers(fileHeaders(e.contentType, e.fileName, false))
        .header('cache-control', 'private, no-store')
        .header('x-checksum-sha256', e.sha256)
        .send(e.body);
    },
  );
  app.delete(
    '/pioneer/evidence/:id',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Remove an evidence file before the self-assessment is submitted', tags, params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await removeEvidence(deps, req.caller, req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ----- judges (their own assignments only) -----
  app.get(
    '/pioneer/my-assignments',
    { config: { access: 'authenticated' }, schema: { summary: 'A judge’s own assignments with the criteria to score and the marks given so far', tags, response: { 200: pageOf(s.assignmentView) } } },
    async (req) => judging.myAssignments(deps, req.caller),
  );
  app.put(
    '/pioneer/my-assignments/:id/scores',
    { config: { access: 'authenticated' }, schema: { summary: 'A judge marks criteria of their own assignment (while the campaign is in scoring)', tags, params: idParams, body: s.marksBody, response: { 200: s.assignmentView } } },
    async (req) => judging.saveMarks(deps, req.caller, req.params.id, req.body.scores),
  );

  // ----- publicity -----
  app.get(
    '/pioneer/publicity/:campaignId',
    { config: { access: 'public' }, schema: { summary: 'The public notice (公示) of a campaign in publicity: public fields only', tags, params: z.object({ campaignId: id }), response: { 200: s.publicityView } } },
    async (req) => publicity.publicity(deps, req.params.campaignId),
  );

  // ----- titles -----
  app.get(
    '/pioneer/titles',
    { config: { access: 'pioneer.read' }, schema: { summary: 'Titles in scope', tags, querystring: s.titleListQuery, response: { 200: pageOf(s.titleItem) } } },
    async (req) => titles.listTitles(deps, req.caller, req.query),
  );
  app.get(
    '/pioneer/titles/export',
    { config: { access: 'pioneer.read' }, schema: { summary: 'Titles as the list filters them, in Excel (audited)', tags, querystring: s.titleExportQuery } },
    async (req, reply) => {
      const file = await titles.exportTitles(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/pioneer/titles/import-template',
    { config: { access: 'pioneer.write' }, schema: { summary: 'The Excel template for importing historic titles', tags } },
    async (_req, reply) => sendWorkbook(reply, titleTemplateName, await titleTemplate()),
  );
  app.post(
    '/pioneer/titles/import',
    {
      config: { access: 'pioneer.write' },
      schema: {
        summary: 'Import historic titles (multipart: file, orgId); all or nothing',
        description: 'Columns: 班组名称, 所属企业统一社会信用代码, 类型, 级别 (县级|市级|省级|全国), 命名年份. 200 {"imported":N}, or 422 problem with errors:[{row,field,message}] and reportUrl.',
        tags,
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ imported: z.number().int() }) },
      },
    },
    async (req) => importWorkbook(req, deps.config.dataDir, (orgId, file) => importTitles(deps, req.caller, orgId, file)),
  );
  app.get(
    '/pioneer/titles/:id',
    { config: { access: 'pioneer.read' }, schema: { summary: 'A title’s full history in one answer', tags, params: idParams, response: { 200: s.titleHistory } } },
    async (req) => titles.titleHistory(deps, req.caller, req.params.id),
  );
  app.get(
    '/pioneer/titles/:id/certificate',
    { config: { access: 'pioneer.read' }, schema: { summary: 'Everything the printable A4 certificate shows', tags, params: idParams, response: { 200: s.certificateView } } },
    async (req) => titles.certificate(deps, req.caller, req.params.id),
  );
  app.post(
    '/pioneer/titles/:id/recommendations',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Recommend the title’s team to the next level (county → city → province → national)', tags, params: idParams, body: s.recommendBody, response: { 201: s.recommendationView } } },
    async (req, reply) => reply.status(201).send(await titles.recommend(deps, req.caller, req.params.id, req.body.recommendedOn)),
  );
  app.post(
    '/pioneer/recommendations/:id/decision',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Record the higher level’s decision (named gives the team that level’s title)', tags, params: idParams, body: s.decisionBody, response: { 200: s.recommendationView } } },
    async (req) => titles.decideRecommendation(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/pioneer/titles/:id/inspections',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Schedule a periodic inspection (定期检查)', tags, params: idParams, body: s.inspectionBody, response: { 201: s.inspectionView } } },
    async (req, reply) => reply.status(201).send(await titles.scheduleInspection(deps, req.caller, req.params.id, req.body.dueOn)),
  );
  app.post(
    '/pioneer/inspections/:id/result',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Record an inspection’s result', tags, params: idParams, body: s.inspectionResultBody, response: { 200: s.inspectionView } } },
    async (req) => titles.recordInspection(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/pioneer/titles/:id/revoke',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Revoke a title (撤销) with reason and date', tags, params: idParams, body: s.revokeBody, response: { 200: s.revocationView } } },
    async (req) => titles.revoke(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/pioneer/revocations/:id/decision',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Confirm (revokes the title) or dismiss a proposed revocation', tags, params: idParams, body: s.revocationDecisionBody, response: { 200: s.revocationView } } },
    async (req) => titles.decideRevocation(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/pioneer/titles/:id/rewards',
    { config: { access: 'pioneer.write' }, schema: { summary: 'Record a reward (奖励) given for the title', tags, params: idParams, body: s.rewardBody, response: { 201: s.rewardView } } },
    async (req, reply) => reply.status(201).send(await titles.addReward(deps, req.caller, req.params.id, req.body)),
  );

  // ----- incidents -----
  app.post(
    '/pioneer/incidents',
    {
      config: { access: 'pioneer.write' },
      schema: { summary: 'Record an incident against an enterprise (bars registration; proposes revoking its teams’ titles)', tags, body: s.incidentBody, response: { 201: s.incidentView.extend({ proposedRevocations: z.array(z.number().int()) }) } },
    },
    async (req, reply) => reply.status(201).send(await titles.recordIncident(deps, req.caller, req.body)),
  );
  app.get(
    '/pioneer/incidents',
    { config: { access: 'pioneer.read' }, schema: { summary: 'Incidents recorded against enterprises in scope', tags, querystring: s.incidentListQuery, response: { 200: pageOf(s.incidentView) } } },
    async (req) => titles.listIncidents(deps, req.caller, req.query),
  );

  // ----- statistics -----
  app.get(
    '/orgs/:id/pioneer-stats',
    { config: { access: 'pioneer.read' }, schema: { summary: 'Active Workers’ Pioneer titles over the org’s subtree, by level and by type', tags, params: idParams, response: { 200: s.pioneerStats } } },
    async (req) => pioneerStats(deps, req.caller, req.params.id),
  );
  app.get(
    '/pioneer/dashboard',
    { config: { access: 'pioneer.read' }, schema: { summary: 'Dashboard: titles by level and type, and candidates, teams and workers per campaign, over the caller’s subtree', tags, querystring: s.dashboardQuery, response: { 200: s.dashboardView } } },
    async (req) => dashboard(deps, req.caller, req.query.orgId),
  );
};
