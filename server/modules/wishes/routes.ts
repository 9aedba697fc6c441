import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import { fileHeaders } from '../../platform/uploads.ts';
import * as s from './schema.ts';
import * as service from './service.ts';
import { wishStatuses } from './rules.ts';

export const wishesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['wishes'];
  const created = { 201: z.object({ id: z.number().int() }) };
  const moved = { 200: z.object({ id: z.number().int(), status: z.enum(wishStatuses) }) };
  const read = { access: 'wish.read' } as const;
  const write = { access: 'wish.write' } as const;
  const anyone = { access: 'authenticated' } as const;

  app.post(
    '/wishes',
    { config: anyone, schema: { summary: 'Post a micro-wish (微心愿) within the value cap: a member for themselves, or a cadre for a member (memberId); it waits for moderation', tags, body: s.wishBody, response: created } },
    async (req, reply) => reply.status(201).send(await service.postWish(deps, req.caller, req.body)),
  );
  app.get(
    '/wishes',
    { config: read, schema: { summary: 'Micro-wishes of the members in scope', tags, querystring: s.wishListQuery, response: { 200: pageOf(s.wishView) } } },
    async (req) => service.listWishes(deps, req.caller, req.query),
  );
  app.get(
    '/wishes/export',
    { config: read, schema: { summary: 'Micro-wishes, as the list filters them, in Excel (audited)', tags, querystring: s.wishExportQuery } },
    async (req, reply) => {
      const file = await service.exportWishes(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/wishes/wall',
    { config: anyone, schema: { summary: 'The wish wall (心愿墙) of my federation: approved wishes, the wisher’s name masked', tags, querystring: s.wallQuery, response: { 200: pageOf(s.wishView) } } },
    async (req) => service.wall(deps, req.caller, req.query),
  );
  app.get(
    '/wishes/mine',
    { config: anyone, schema: { summary: 'My wishes and the wishes I claimed', tags, response: { 200: z.object({ items: z.array(s.wishView) }) } } },
    async (req) => service.mine(deps, req.caller),
  );
  app.get(
    '/wishes/:id',
    { config: read, schema: { summary: 'One wish with the wisher’s narrative (decrypted; the read is audited)', tags, params: idParams, response: { 200: s.wishView } } },
    async (req) => service.readWish(deps, req.caller, req.params.id),
  );
  app.post(
    '/wishes/:id/moderation',
    { config: write, schema: { summary: 'Approve a posted wish for the wall, or reject it with a reason', tags, params: idParams, body: s.moderationBody, response: moved } },
    async (req) => service.moderate(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/wishes/:id/claims',
    { config: anyone, schema: { summary: 'Claim a wish on my wall (a member or a partner’s contact; a second claim is 409)', tags, params: idParams, response: created } },
    async (req, reply) => reply.status(201).send(await service.claimWish(deps, req.caller, req.params.id)),
  );
  app.post(
    '/wishes/:id/fulfilment',
    { config: anyone, schema: { summary: 'The claimer fulfils the wish (multipart: file — a photo as proof — and note)', tags, params: idParams, consumes: ['multipart/form-data'], response: moved } },
    async (req) => service.fulfilWish(deps, req.caller, req.params.id, req.parts()),
  );
  app.post(
    '/wishes/:id/confirmation',
    { config: anyone, schema: { summary: 'The wisher confirms the wish came true; the claimer earns love points', tags, params: idParams, response: moved } },
    async (req) => service.confirmWish(deps, req.caller, req.params.id),
  );
  app.get(
    '/wishes/files/:key',
    { config: anyone, schema: { summary: 'A wish’s proof photo, for whoever may see the wish', tags, params: z.object({ key: z.string().max(64) }) } },
    async (req, reply) => {
      const f = await service.proofFile(deps, req.caller, req.params.key);
      return reply.headers(fileHeaders(f.contentType, f.fileName, true)).send(f.body);
    },
  );
};
