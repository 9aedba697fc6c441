import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import * as settings from './settings.ts';
import * as modelWorkers from './model-workers.ts';
import * as ledger from './ledger.ts';
import * as studios from './studios.ts';
import * as craftsmen from './craftsmen.ts';

export const honoursRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['honours'];
  const created = { 201: z.object({ id: z.number().int() }) };
  const read = { access: 'honour.read' } as const;
  const write = { access: 'honour.write' } as const;

  // ---- settings per federation ----
  app.get(
    '/orgs/:id/honour-settings',
    { config: read, schema: { summary: 'The allowance amounts and periods an org works under (its own, inherited, or the defaults)', tags, params: idParams, response: { 200: s.settingsView } } },
    async (req) => settings.getSettings(deps, req.caller, req.params.id),
  );
  app.put(
    '/orgs/:id/honour-settings',
    { config: write, schema: { summary: 'Set a federation’s own allowance amounts and periods (fen, years, days)', tags, params: idParams, body: s.honourSettings, response: { 200: s.settingsView } } },
    async (req) => settings.putSettings(deps, req.caller, req.params.id, req.body),
  );

  // ---- model workers and their allowance ledger ----
  app.post(
    '/model-workers',
    { config: write, schema: { summary: 'Register a model worker (劳动模范/先进工作者): a member, or a person by name', tags, body: s.createModelWorkerBody, response: created } },
    async (req, reply) => reply.status(201).send(await modelWorkers.createModelWorker(deps, req.caller, req.body)),
  );
  app.get(
    '/model-workers',
    { config: read, schema: { summary: 'Model workers in scope, with this year’s verification and their ledger balance', tags, querystring: s.modelWorkerListQuery, response: { 200: pageOf(s.modelWorkerView) } } },
    async (req) => modelWorkers.listModelWorkers(deps, req.caller, req.query),
  );
  app.get(
    '/model-workers/export',
    { config: read, schema: { summary: 'Model workers with their allowances, as the list filters them, in Excel (audited)', tags, querystring: s.modelWorkerExportQuery } },
    async (req, reply) => {
      const file = await modelWorkers.exportModelWorkers(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.post(
    '/model-workers/:id/verifications',
    { config: write, schema: { summary: 'Record the yearly verification (alive, in post): required before the year’s allowances', tags, params: idParams, body: s.verificationBody, response: created } },
    async (req, reply) => reply.status(201).send(await modelWorkers.verify(deps, req.caller, req.params.id, req.body)),
  );
  app.get(
    '/model-workers/:id/ledger',
    { config: read, schema: { summary: 'A model worker’s allowance ledger (append-only, in fen) and verifications', tags, params: idParams, response: { 200: s.ledgerView } } },
    async (req) => modelWorkers.ledgerOf(deps, req.caller, req.params.id),
  );
  app.post(
    '/allowance-entries/:id/reversal',
    { config: write, schema: { summary: 'Correct an allowance entry by a reversing entry (entries are never edited)', tags, params: idParams, body: s.reversalBody, response: created } },
    async (req, reply) => reply.status(201).send(await ledger.reverseEntry(deps, req.caller, req.params.id, req.body.reason)),
  );
  app.post(
    '/allowance-runs',
    {
      config: write,
      schema: {
        summary: 'Run a month’s allowances for an org’s subtree: a durable job, once per org and month (202 queued; 200 the existing run)',
        tags,
        body: s.allowanceRunBody,
        response: { 200: s.allowanceRunView, 202: s.allowanceRunView },
      },
    },
    async (req, reply) => {
      const { created: isNew, run } = await modelWorkers.startRun(deps, req.caller, req.body);
      return reply.status(isNew ? 202 : 200).send(run);
    },
  );
  app.get(
    '/allowance-runs',
    { config: read, schema: { summary: 'Allowance runs in scope, newest first', tags, querystring: s.allowanceRunListQuery, response: { 200: pageOf(s.allowanceRunView) } } },
    async (req) => modelWorkers.listRuns(deps, req.caller, req.query),
  );

  // ---- innovation studios ----
  app.post(
    '/studios',
    { config: write, schema: { summary: 'Set up an innovation studio (劳模/工匠创新工作室) led by a model worker or a craftsman', tags, body: s.createStudioBody, response: created } },
    async (req, reply) => reply.status(201).send(await studios.createStudio(deps, req.caller, req.body)),
  );
  app.get(
    '/studios',
    { config: read, schema: { summary: 'Innovation studios in scope with their figures', tags, querystring: s.studioListQuery, response: { 200: pageOf(s.studioView) } } },
    async (req) => studios.listStudios(deps, req.caller, req.query),
  );
  app.get(
    '/studios/export',
    { config: read, schema: { summary: 'Innovation studios as the list filters them, in Excel (audited)', tags, querystring: s.studioExportQuery } },
    async (req, reply) => {
      const file = await studios.exportStudios(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/studios/:id',
    { config: read, schema: { summary: 'One studio with its members, achievements and assessments', tags, params: idParams, response: { 200: s.studioDetail } } },
    async (req) => studios.getStudio(deps, req.caller, req.params.id),
  );
  app.post(
    '/studios/:id/members',
    { config: write, schema: { summary: 'Add a member to a studio (a union member, or a name)', tags, params: idParams, body: s.studioMemberBody, response: created } },
    async (req, reply) => reply.status(201).send(await studios.addMember(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/studios/:id/achievements',
    { config: write, schema: { summary: 'Record an achievement: a patent, or a technical improvement with its savings in fen', tags, params: idParams, body: s.achievementBody, response: created } },
    async (req, reply) => reply.status(201).send(await studios.addAchievement(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/studios/:id/assessments',
    { config: write, schema: { summary: 'Record the yearly assessment; passed, the studio holds its level', tags, params: idParams, body: s.assessmentBody, response: created } },
    async (req, reply) => reply.status(201).send(await studios.assess(deps, req.caller, req.params.id, req.body)),
  );
  app.get(
    '/orgs/:id/studio-stats',
    { config: read, schema: { summary: 'Studios of an org’s subtree: count by level, achievements, savings', tags, params: idParams, response: { 200: s.studioStats } } },
    async (req) => studios.studioStats(deps, req.caller, req.params.id),
  );

  // ---- craftsman selections ----
  app.post(
    '/craftsman-selections',
    { config: write, schema: { summary: 'Open a craftsman selection (工匠评选); refused inside the period of the federation’s previous one', tags, body: s.createSelectionBody, response: created } },
    async (req, reply) => reply.status(201).send(await craftsmen.createSelection(deps, req.caller, req.body)),
  );
  app.get(
    '/craftsman-selections',
    { config: read, schema: { summary: 'Craftsman selections in scope', tags, querystring: s.selectionListQuery, response: { 200: pageOf(s.selectionView) } } },
    async (req) => craftsmen.listSelections(deps, req.caller, req.query),
  );
  app.get(
    '/craftsman-selections/:id',
    { config: read, schema: { summary: 'One selection: judges and the ranking with objections', tags, params: idParams, response: { 200: s.selectionDetail } } },
    async (req) => craftsmen.getSelection(deps, req.caller, req.params.id),
  );
  app.post(
    '/craftsman-selections/:id/candidates',
    { config: write, schema: { summary: 'Nominate a member of the federation’s subtree (age limit per settings)', tags, params: idParams, body: s.candidateBody, response: created } },
    async (req, reply) => reply.status(201).send(await craftsmen.nominate(deps, req.caller, req.params.id, req.body.memberId)),
  );
  app.post(
    '/craftsman-selections/:id/judges',
    { config: write, schema: { summary: 'Assign a judge (a user account)', tags, params: idParams, body: s.judgeBody, response: created } },
    async (req, reply) => reply.status(201).send(await craftsmen.addJudge(deps, req.caller, req.params.id, req.body.userId)),
  );
  app.get(
    '/craftsman-marking',
    { config: { access: 'authenticated' }, schema: { summary: 'The judge’s own sheet: candidates of the open selections they judge, with their marks so far', tags, response: { 200: pageOf(s.markingItem) } } },
    async (req) => craftsmen.myMarking(deps, req.caller),
  );
  app.put(
    '/craftsman-candidates/:id/marks',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'A judge marks a candidate 0–100 (refused for candidates of the judge’s own enterprise)', tags, params: idParams, body: s.markBody, response: { 200: z.object({ candidateId: z.number().int(), value: z.number().int() }) } },
    },
    async (req) => craftsmen.mark(deps, req.caller, req.params.id, req.body.value),
  );
  app.post(
    '/craftsman-selections/:id/publicity',
    { config: write, schema: { summary: 'Publish the ranking for the publicity period (公示)', tags, params: idParams, response: { 200: s.selectionDetail } } },
    async (req) => craftsmen.publicize(deps, req.caller, req.params.id),
  );
  app.post(
    '/craftsman-candidates/:id/objections',
    { config: write, schema: { summary: 'Record an objection to a candidate during publicity', tags, params: idParams, body: s.objectionBody, response: created } },
    async (req, reply) => reply.status(201).send(await craftsmen.fileObjection(deps, req.caller, req.params.id, req.body.reason)),
  );
  app.post(
    '/craftsman-objections/:id/decision',
    {
      config: write,
      schema: { summary: 'Uphold or dismiss an objection', tags, params: idParams, body: s.objectionDecisionBody, response: { 200: z.object({ id: z.number().int(), status: z.enum(['upheld', 'dismissed']) }) } },
    },
    async (req) => craftsmen.decideObjection(deps, req.caller, req.params.id, req.body.upheld),
  );
  app.post(
    '/craftsman-selections/:id/naming',
    { config: write, schema: { summary: 'Name craftsmen within the quota after publicity; earlier titles expire, renewed ones are marked', tags, params: idParams, response: { 200: s.selectionDetail } } },
    async (req) => craftsmen.name(deps, req.caller, req.params.id),
  );
  app.get(
    '/craftsmen',
    { config: read, schema: { summary: 'Craftsman titles in scope with validity and allowance balance', tags, querystring: s.craftsmanListQuery, response: { 200: pageOf(s.craftsmanView) } } },
    async (req) => craftsmen.listCraftsmen(deps, req.caller, req.query),
  );
};
