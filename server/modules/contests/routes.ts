import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf, text } from '../../platform/validation.ts';
import { fileHeaders } from '../../platform/uploads.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export const contestsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['contests'];
  const decided = z.object({ id: z.number().int(), status: s.entryStatus });

  app.post(
    '/contests',
    { config: { access: 'activity.write' }, schema: { summary: 'Open a themed contest (随手拍, stories, short videos)', tags, body: s.createContestBody, response: { 201: z.object({ id: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await service.createContest(deps, req.caller, req.body)),
  );
  app.get(
    '/contests',
    { config: { access: 'activity.read' }, schema: { summary: 'Contests in scope', tags, querystring: s.contestListQuery, response: { 200: pageOf(s.contestView) } } },
    async (req) => service.listContests(deps, req.caller, req.query),
  );
  app.get(
    '/contests/export',
    { config: { access: 'activity.read' }, schema: { summary: 'Contests as the list filters them, in Excel (audited)', tags, querystring: s.contestExportQuery } },
    async (req, reply) => {
      const file = await service.exportContests(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/contests/available',
    { config: { access: 'authenticated' }, schema: { summary: 'Contests the logged-in worker may enter or vote in', tags, response: { 200: pageOf(s.contestView) } } },
    async (req) => service.availableContests(deps, req.caller),
  );
  app.get(
    '/contests/:id',
    { config: { access: 'authenticated' }, schema: { summary: 'One contest (its audience, or cadres in scope)', tags, params: idParams, response: { 200: s.contestView } } },
    async (req) => service.getContest(deps, req.caller, req.params.id),
  );
  app.post(
    '/contests/:id/entries',
    {
      config: { access: 'authenticated' },
      schema: {
        summary: 'Submit an entry: JSON {title, body|link}, or multipart with file (photo: jpg/png/webp ≤ 15 MB; video: mp4 ≤ 200 MB)',
        description: 'Photos are re-encoded upright without metadata (location removed) and get a thumbnail.',
        tags,
        params: idParams,
        consumes: ['application/json', 'multipart/form-data'],
        response: { 201: z.object({ id: z.number().int(), status: z.literal('pending') }) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.submitEntry(deps, req.caller, req.params.id, req)),
  );
  app.get(
    '/contests/:id/entries',
    { config: { access: 'activity.read' }, schema: { summary: 'All entries, for moderation', tags, params: idParams, querystring: s.entryListQuery, response: { 200: pageOf(s.moderatedEntry) } } },
    async (req) => service.moderationList(deps, req.caller, req.params.id, req.query),
  );
  app.get(
    '/contests/:id/entries/export',
    { config: { access: 'activity.read' }, schema: { summary: 'A contest’s entries as the moderation list filters them, in Excel (audited)', tags, params: idParams, querystring: s.entryExportQuery } },
    async (req, reply) => {
      const file = await service.exportEntries(deps, req.caller, req.params.id, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/contests/:id/entries/mine',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'The logged-in member’s own entries in any state, with the reason of a rejection', tags, params: idParams, response: { 200: pageOf(s.entryView) } },
    },
    async (req) => service.myEntries(deps, req.caller, req.params.id),
  );
  app.get(
    '/contests/:id/gallery',
    { config: { access: 'authenticated' }, schema: { summary: 'Approved entries with votes', tags, params: idParams, response: { 200: pageOf(s.galleryItem) } } },
    async (req) => service.gallery(deps, req.caller, req.params.id),
  );
  app.get(
    '/contests/:id/results',
    { config: { access: 'authenticated' }, schema: { summary: 'Ranking by votes (ties share a rank)', tags, params: idParams, response: { 200: pageOf(s.resultItem) } } },
    async (req) => service.results(deps, req.caller, req.params.id),
  );
  app.post(
    '/contest-entries/:id/approve',
    { config: { access: 'activity.write' }, schema: { summary: 'Approve an entry for the gallery', tags, params: idParams, response: { 200: decided } } },
    async (req) => service.moderate(deps, req.caller, req.params.id, 'approved', null),
  );
  app.post(
    '/contest-entries/:id/reject',
    { config: { access: 'activity.write' }, schema: { summary: 'Reject an entry with a reason', tags, params: idParams, body: z.object({ reason: text(200) }), response: { 200: decided } } },
    async (req) => service.moderate(deps, req.caller, req.params.id, 'rejected', req.body.reason),
  );
  app.post(
    '/contest-entries/:id/votes',
    { config: { access: 'authenticated' }, schema: { summary: 'Vote for an approved entry within the voting window', tags, params: idParams, response: { 201: z.object({ id: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await service.vote(deps, req.caller, req.params.id)),
  );
  app.get(
    '/contest-entries/:id/file',
    { config: { access: 'authenticated' }, schema: { summary: 'An entry’s photo or video (thumb=1 for the thumbnail)', tags, params: idParams, querystring: s.fileQuery } },
    async (req, reply) => {
      const f = await service.entryFile(deps, req.caller, req.params.id, req.query.thumb === '1');
      return reply.headers(fileHeaders(f.type, f.name, true)).send(f.body);
    },
  );
};
