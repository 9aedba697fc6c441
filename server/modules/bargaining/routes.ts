import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import * as rounds from './rounds.ts';
import * as members from './members.ts';

export const bargainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['bargaining'];
  const created = { 201: z.object({ id: z.number().int() }) };
  const read = { access: 'bargaining.read' } as const;
  const write = { access: 'bargaining.write' } as const;
  const own = { access: 'authenticated' } as const;

  app.post(
    '/bargaining',
    { config: write, schema: { summary: 'Propose a bargaining round (要约): the other side must reply within 20 days (集体合同规定 art. 32)', tags, body: s.createRoundBody, response: { 201: s.createdRound } } },
    async (req, reply) => reply.status(201).send(await rounds.createRound(deps, req.caller, req.body)),
  );
  app.get(
    '/bargaining',
    { config: read, schema: { summary: 'Bargaining rounds in scope, newest first', tags, querystring: s.roundListQuery, response: { 200: pageOf(s.roundView) } } },
    async (req) => rounds.listRounds(deps, req.caller, req.query),
  );
  app.get(
    '/bargaining/export',
    { config: read, schema: { summary: 'Bargaining rounds as the list filters them, in Excel (audited)', tags, querystring: s.roundExportQuery } },
    async (req, reply) => {
      const file = await rounds.exportRounds(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/bargaining/mine',
    { config: own, schema: { summary: 'The rounds covering the enterprise the caller works at: candidates to vote for, the survey, the adopted agreement', tags, response: { 200: pageOf(s.myRoundView) } } },
    async (req) => members.myRounds(deps, req.caller),
  );
  app.get(
    '/bargaining/:id',
    { config: read, schema: { summary: 'One round: representatives, survey results, meetings, draft versions with differences, votes and the timeline of deadlines with their articles', tags, params: idParams, response: { 200: s.roundDetail } } },
    async (req) => rounds.getRound(deps, req.caller, req.params.id),
  );
  app.post(
    '/bargaining/:id/reply',
    { config: write, schema: { summary: 'Record the other side’s written reply (accepted, or declined with its reason)', tags, params: idParams, body: s.replyBody, response: { 200: s.roundDetail } } },
    async (req) => rounds.reply(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/bargaining/:id/representatives',
    { config: write, schema: { summary: 'Add a representative: one chief a side, nobody on both sides (arts. 19–20, 24)', tags, params: idParams, body: s.representativeBody, response: created } },
    async (req, reply) => reply.status(201).send(await rounds.addRepresentative(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/bargaining-representatives/:id/withdrawal',
    { config: write, schema: { summary: 'Replace a representative: withdrawn with the reason, kept in the record', tags, params: idParams, body: s.withdrawBody, response: { 200: z.object({ id: z.number().int(), status: z.literal('withdrawn') }) } } },
    async (req) => rounds.withdrawRepresentative(deps, req.caller, req.params.id, req.body.reason),
  );
  app.post(
    '/bargaining/:id/votes',
    { config: own, schema: { summary: 'A covered worker votes for a worker-side representative (once per representative)', tags, params: idParams, body: s.voteBody, response: { 201: z.object({ representativeId: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await members.vote(deps, req.caller, req.params.id, req.body.representativeId)),
  );
  app.post(
    '/bargaining/:id/survey',
    { config: own, schema: { summary: 'A covered worker answers the opinion survey (priorities, expected raise), once', tags, params: idParams, body: s.surveyBody, response: created } },
    async (req, reply) => reply.status(201).send(await members.answerSurvey(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/bargaining/:id/meetings',
    { config: write, schema: { summary: 'Record a bargaining meeting with its minutes (online, face to face, or both)', tags, params: idParams, body: s.meetingBody, response: created } },
    async (req, reply) => reply.status(201).send(await rounds.addMeeting(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/bargaining/:id/drafts',
    { config: write, schema: { summary: 'Save a new version of the draft agreement (clauses, term of 1–3 years, art. 38)', tags, params: idParams, body: s.draftBody, response: { 201: s.createdDraft } } },
    async (req, reply) => reply.status(201).send(await rounds.addDraft(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/bargaining/:id/adoption',
    { config: write, schema: { summary: 'Record the congress’s (or all workers’) vote: adopted when ≥ 2/3 attend and > 1/2 of ALL approve (art. 36)', tags, params: idParams, body: s.adoptionBody, response: { 200: s.adoptionView } } },
    async (req) => rounds.recordAdoption(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/bargaining/:id/sign',
    { config: write, schema: { summary: 'Both chiefs sign: refused with fewer than 3 representatives a side, unequal sides, or no adoption; filing is due within 10 days (art. 42)', tags, params: idParams, body: s.signBody, response: { 200: s.signView } } },
    async (req) => rounds.sign(deps, req.caller, req.params.id, req.body.signedOn),
  );
  app.post(
    '/bargaining/:id/filing',
    { config: write, schema: { summary: 'Filed with the labour authority: in force 15 days after receipt without objection (art. 47)', tags, params: idParams, body: s.filingBody, response: { 200: s.filingView } } },
    async (req) => rounds.file(deps, req.caller, req.params.id, req.body.filedOn),
  );
  app.post(
    '/bargaining/:id/review',
    { config: write, schema: { summary: 'The authority’s answer within its 15 days: confirmed (in force that day) or an objection (back to the table)', tags, params: idParams, body: s.reviewBody, response: { 200: s.roundDetail } } },
    async (req) => rounds.review(deps, req.caller, req.params.id, req.body),
  );
};
