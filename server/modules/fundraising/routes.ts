import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { AppError } from '../../platform/errors.ts';
import { fileHeaders } from '../../platform/uploads.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import * as fundraisers from './fundraisers.ts';
import * as ledger from './ledger.ts';

export const fundraisingRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['fundraising'];
  const created = { 201: z.object({ id: z.number().int() }) };
  const read = { access: 'fundraiser.read' } as const;
  const write = { access: 'fundraiser.write' } as const;

  app.post(
    '/fundraisers',
    { config: write, schema: { summary: 'Open a fundraiser (募捐): a money goal in fen and goods goals (400 套冬装)', tags, body: s.createFundraiserBody, response: created } },
    async (req, reply) => reply.status(201).send(await fundraisers.createFundraiser(deps, req.caller, req.body)),
  );
  app.get(
    '/fundraisers',
    { config: read, schema: { summary: 'Fundraisers in scope with raised, spent and balance', tags, querystring: s.fundraiserListQuery, response: { 200: pageOf(s.fundraiserView) } } },
    async (req) => fundraisers.listFundraisers(deps, req.caller, req.query),
  );
  app.get(
    '/fundraisers/export',
    { config: read, schema: { summary: 'Fundraisers as the list filters them, in Excel (audited)', tags, querystring: s.fundraiserExportQuery } },
    async (req, reply) => {
      const file = await fundraisers.exportFundraisers(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/fundraisers/:id',
    { config: read, schema: { summary: 'One fundraiser: goals, raised and spent in fen, goods raised and handed out', tags, params: idParams, response: { 200: s.fundraiserView } } },
    async (req) => fundraisers.getFundraiser(deps, req.caller, req.params.id),
  );
  app.post(
    '/fundraisers/:id/donations',
    { config: write, schema: { summary: 'Record a donation (money in fen and/or goods in units) and give its receipt number; a member donor earns love points', tags, params: idParams, body: s.donationBody, response: { 201: s.donationCreated } } },
    async (req, reply) => reply.status(201).send(await ledger.donate(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/fundraisers/:id/disbursements',
    { config: write, schema: { summary: 'Record a disbursement to a recipient; never beyond the balance or the goods in hand (409)', tags, params: idParams, body: s.disbursementBody, response: created } },
    async (req, reply) => reply.status(201).send(await ledger.disburse(deps, req.caller, req.params.id, req.body)),
  );
  app.get(
    '/fundraisers/:id/entries',
    { config: read, schema: { summary: 'The fundraiser’s ledger, newest first, with donors’ names in full', tags, params: idParams, querystring: s.entryListQuery, response: { 200: pageOf(s.entryView) } } },
    async (req) => ledger.listEntries(deps, req.caller, req.params.id, req.query),
  );
  app.get(
    '/fundraisers/:id/entries/export',
    { config: read, schema: { summary: 'The fundraiser’s ledger in Excel (audited)', tags, params: idParams, querystring: s.entryExportQuery } },
    async (req, reply) => {
      const file = await ledger.exportEntries(deps, req.caller, req.params.id, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/fundraiser-entries/:id/receipt',
    { config: read, schema: { summary: 'A donation’s receipt (收据), for printing', tags, params: idParams, response: { 200: s.receiptView } } },
    async (req) => ledger.receipt(deps, req.caller, req.params.id),
  );
  app.post(
    '/fundraiser-entries/:id/proofs',
    {
      config: write,
      schema: { summary: 'Attach a proof to a disbursement (multipart: file; PDF, JPG or PNG by content, at most 20 MB)', tags, params: idParams, consumes: ['multipart/form-data'], response: { 201: s.proofView } },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
      return reply.status(201).send(await ledger.uploadProof(deps, req.caller, req.params.id, req.parts()));
    },
  );
  app.get(
    '/fundraiser-proofs/:id',
    { config: read, schema: { summary: 'Download a disbursement’s proof; always an attachment', tags, params: idParams } },
    async (req, reply) => {
      const p = await ledger.proofFile(deps, req.caller, req.params.id);
      return reply.headers(fileHeaders(p.contentType, p.fileName, false)).header('cache-control', 'private, no-store').send(p.body);
    },
  );

  // ---- the public ledger: anyone ----
  app.get(
    '/public/fundraisers',
    { config: { access: 'public' }, schema: { summary: 'Every fundraiser’s raised, spent and balance, for the public', tags, response: { 200: z.object({ items: z.array(s.publicFundraiser) }) } } },
    async () => fundraisers.publicFundraisers(deps),
  );
  app.get(
    '/public/fundraisers/:id',
    { config: { access: 'public' }, schema: { summary: 'A fundraiser’s public ledger: every entry, donors named only when they agreed, recipients never', tags, params: idParams, response: { 200: s.publicLedger } } },
    async (req) => ledger.publicLedger(deps, req.params.id),
  );
};
