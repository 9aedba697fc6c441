import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import { fileHeaders } from '../../platform/uploads.ts';
import * as s from './schema.ts';
import * as partners from './partners.ts';
import * as items from './items.ts';

export const cobuildingRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['cobuilding'];
  const created = { 201: z.object({ id: z.number().int() }) };
  const moved = { 200: z.object({ id: z.number().int(), status: z.enum(['open', 'claimed', 'in_progress', 'done', 'rated']) }) };
  const read = { access: 'cobuilding.read' } as const;
  const write = { access: 'cobuilding.write' } as const;
  const anyone = { access: 'authenticated' } as const;

  // ---- partners ----
  app.post(
    '/partners',
    { config: write, schema: { summary: 'Register a co-building partner (共建单位) on an org; the credit code is checked when given', tags, body: s.partnerBody, response: created } },
    async (req, reply) => reply.status(201).send(await partners.createPartner(deps, req.caller, req.body)),
  );
  app.get(
    '/partners',
    { config: read, schema: { summary: 'Partners in scope with their figures (published, claimed, done, average rating)', tags, querystring: s.partnerListQuery, response: { 200: pageOf(s.partnerView) } } },
    async (req) => partners.listPartners(deps, req.caller, req.query),
  );
  app.get(
    '/partners/export',
    { config: read, schema: { summary: 'Partners, as the list filters them, in Excel (audited)', tags, querystring: s.partnerExportQuery } },
    async (req, reply) => {
      const file = await partners.exportPartners(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.patch(
    '/partners/:id',
    { config: write, schema: { summary: 'Edit a partner: name, kind, credit code, contact, agreement dates', tags, params: idParams, body: s.partnerPatch, response: { 200: z.object({ id: z.number().int() }) } } },
    async (req) => partners.updatePartner(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/partners/:id/contacts',
    { config: write, schema: { summary: 'Open a contact account for a partner (role partner_contact on the partner’s org): it publishes and claims for the partner', tags, params: idParams, body: s.contactBody, response: created } },
    async (req, reply) => reply.status(201).send(await partners.createContact(deps, req.caller, req.params.id, req.body)),
  );
  app.get(
    '/partners/mine',
    { config: anyone, schema: { summary: 'The partner my account acts for (null when it is no partner’s contact)', tags, response: { 200: s.partnerMe } } },
    async (req) => partners.myPartner(deps, req.caller),
  );

  // ---- list items and claims ----
  app.post(
    '/list-items',
    { config: anyone, schema: { summary: 'Publish an item on one of the four lists: by the union (a cadre), or by a partner (its contact, or a cadre naming partnerId)', tags, body: s.listItemBody, response: created } },
    async (req, reply) => reply.status(201).send(await items.createItem(deps, req.caller, req.body)),
  );
  app.get(
    '/list-items',
    { config: read, schema: { summary: 'Items of the four lists in scope, with their claim', tags, querystring: s.listItemQuery, response: { 200: pageOf(s.listItemView) } } },
    async (req) => items.listItems(deps, req.caller, req.query),
  );
  app.get(
    '/list-items/export',
    { config: read, schema: { summary: 'Items of the four lists, as the list filters them, in Excel (audited)', tags, querystring: s.listItemExportQuery } },
    async (req, reply) => {
      const file = await items.exportItems(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/list-items/board',
    { config: anyone, schema: { summary: 'A partner contact’s board: the items of its partner’s union chain (403 for other accounts)', tags, querystring: s.boardQuery, response: { 200: pageOf(s.listItemView) } } },
    async (req) => items.board(deps, req.caller, req.query),
  );
  app.get(
    '/list-items/stats',
    { config: read, schema: { summary: 'Co-building figures of a scope: partners, items per list and step, average rating', tags, querystring: s.statsQuery, response: { 200: s.statsView } } },
    async (req) => items.stats(deps, req.caller, req.query),
  );
  app.post(
    '/list-items/:id/claims',
    { config: anyone, schema: { summary: 'Claim an item (only the other side; a second open claim is 409)', tags, params: idParams, response: created } },
    async (req, reply) => reply.status(201).send(await items.claimItem(deps, req.caller, req.params.id)),
  );
  app.post(
    '/list-items/:id/start',
    { config: anyone, schema: { summary: 'The claimer starts the work', tags, params: idParams, response: moved } },
    async (req) => items.startItem(deps, req.caller, req.params.id),
  );
  app.post(
    '/list-items/:id/withdraw',
    { config: anyone, schema: { summary: 'The claimer withdraws before starting: the item is open again', tags, params: idParams, response: moved } },
    async (req) => items.withdrawClaim(deps, req.caller, req.params.id),
  );
  app.post(
    '/list-items/:id/finish',
    { config: anyone, schema: { summary: 'The claimer finishes the work (multipart: file — a JPG, PNG or WebP photo, at most 8 MB — and note)', tags, params: idParams, consumes: ['multipart/form-data'], response: moved } },
    async (req) => items.finishItem(deps, req.caller, req.params.id, req.parts()),
  );
  app.post(
    '/list-items/:id/rating',
    { config: anyone, schema: { summary: 'The publisher rates finished work, 1 to 5', tags, params: idParams, body: s.ratingBody, response: moved } },
    async (req) => items.rateItem(deps, req.caller, req.params.id, req.body),
  );
  app.get(
    '/list-items/files/:key',
    { config: anyone, schema: { summary: 'A photo of finished work, by its unguessable key', tags, params: z.object({ key: z.string().max(64) }) } },
    async (req, reply) => {
      const f = await items.photoFile(deps, req.params.key);
      return reply.headers(fileHeaders(f.contentType, f.fileName, true)).send(f.body);
    },
  );
};
