import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import { createContest, exportEntries, getContest, listContests } from './contests.ts';
import { enter, myEntries, openContests } from './entries.ts';
import { assignJudge, certificate, eventResults, moveEvent, myJudging, recordFinish, saveMarks } from './judging.ts';

export const competitionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['competitions'];

  app.post(
    '/skill-contests',
    { config: { access: 'competition.write' }, schema: { summary: 'Create a skill contest (技能竞赛) with its events and marking schemes', tags, body: s.createBody, response: { 201: s.createdContest } } },
    async (req, reply) => reply.status(201).send(await createContest(deps, req.caller, req.body)),
  );
  app.get(
    '/skill-contests',
    { config: { access: 'competition.read' }, schema: { summary: 'Skill contests in scope', tags, querystring: s.listQuery, response: { 200: pageOf(s.contestSummary) } } },
    async (req) => listContests(deps, req.caller, req.query),
  );
  app.get(
    '/skill-contests/open',
    { config: { access: 'authenticated' }, schema: { summary: 'Contests the logged-in member may enter now, with the events entered', tags, response: { 200: pageOf(s.openContest) } } },
    async (req) => openContests(deps, req.caller),
  );
  app.get(
    '/skill-contests/:id',
    { config: { access: 'competition.read' }, schema: { summary: 'One contest: events, schemes, judges, entries and marking progress', tags, params: idParams, response: { 200: s.contestView } } },
    async (req) => getContest(deps, req.caller, req.params.id),
  );
  app.get(
    '/skill-contests/:id/entries/export',
    { config: { access: 'competition.read' }, schema: { summary: 'A contest’s entries and results, in Excel (audited)', tags, params: idParams, querystring: s.entryExportQuery } },
    async (req, reply) => {
      const file = await exportEntries(deps, req.caller, req.params.id, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.post(
    '/skill-contests/:id/entries',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'Enter an event: a member for themself (memberId may be omitted), or a cadre for a member in scope', tags, params: idParams, body: s.entryBody, response: { 201: z.object({ id: z.number().int() }) } },
    },
    async (req, reply) => reply.status(201).send(await enter(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/skill-contests/:id/judges',
    { config: { access: 'competition.write' }, schema: { summary: 'Assign a judge to an event (chief: the chief judge); grants the judge role if needed', tags, params: idParams, body: s.judgeBody, response: { 201: z.object({ id: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await assignJudge(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/skill-contests/:id/events/:eventId/lock',
    { config: { access: 'authenticated' }, schema: { summary: 'Lock an event’s marks (the chief judge, or the organiser): every judge’s sheet complete', tags, params: s.eventParams, response: { 200: z.object({ status: z.literal('locked') }) } } },
    async (req) => ({ status: (await moveEvent(deps, req.caller, req.params.id, req.params.eventId, 'lock')).status as 'locked' }),
  );
  app.post(
    '/skill-contests/:id/events/:eventId/publish',
    { config: { access: 'authenticated' }, schema: { summary: 'Publish an event’s results: scores, ranks (ties share; higher judgement total, then earlier finish), awards', tags, params: s.eventParams, response: { 200: s.results } } },
    async (req) => ({ results: (await moveEvent(deps, req.caller, req.params.id, req.params.eventId, 'publish')).results }),
  );
  app.get(
    '/skill-contests/:id/events/:eventId/results',
    { config: { access: 'authenticated' }, schema: { summary: 'An event’s published results, by rank (its judges and the contest’s cadres)', tags, params: s.eventParams, response: { 200: s.results } } },
    async (req) => eventResults(deps, req.caller, req.params.id, req.params.eventId),
  );
  app.get(
    '/skill-entries/mine',
    { config: { access: 'authenticated' }, schema: { summary: 'The logged-in member’s entries, with results once published', tags, response: { 200: pageOf(s.myEntry) } } },
    async (req) => myEntries(deps, req.caller),
  );
  app.get(
    '/skill-judging',
    { config: { access: 'authenticated' }, schema: { summary: 'The events the logged-in judge marks, with their own marks', tags, response: { 200: pageOf(s.judgingItem) } } },
    async (req) => myJudging(deps, req.caller),
  );
  app.put(
    '/skill-entries/:id/marks',
    { config: { access: 'authenticated' }, schema: { summary: 'A judge’s marks for an entry (judgement 0–3, measurement 0..max); refused for their own enterprise’s competitors', tags, params: idParams, body: s.markBody, response: { 200: z.object({ id: z.number().int(), marks: z.number().int() }) } } },
    async (req) => saveMarks(deps, req.caller, req.params.id, req.body.marks),
  );
  app.put(
    '/skill-entries/:id/finish',
    { config: { access: 'authenticated' }, schema: { summary: 'Record an entry’s finish time (a judge of its event or the organiser): the second tie-break', tags, params: idParams, body: s.finishBody, response: { 200: z.object({ id: z.number().int(), finishedAt: z.string() }) } } },
    async (req) => recordFinish(deps, req.caller, req.params.id, req.body.finishedAt),
  );
  app.get(
    '/skill-entries/:id/certificate',
    { config: { access: 'competition.read' }, schema: { summary: 'An award winner’s certificate (A4, printed in the console)', tags, params: idParams, response: { 200: s.certificate } } },
    async (req) => certificate(deps, req.caller, req.params.id),
  );
};
