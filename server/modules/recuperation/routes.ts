import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import * as settings from './settings.ts';
import * as catalogue from './catalogue.ts';
import * as applications from './applications.ts';

export const recuperationRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['recuperation'];
  const created = { 201: z.object({ id: z.number().int() }) };
  const read = { access: 'recuperation.read' } as const;
  const write = { access: 'recuperation.write' } as const;
  const member = { access: 'authenticated' } as const;

  app.get(
    '/orgs/:id/recuperation-settings',
    { config: read, schema: { summary: 'The recuperation rules an org works under (its own, inherited, or the defaults)', tags, params: idParams, response: { 200: s.settingsView } } },
    async (req) => settings.getSettings(deps, req.caller, req.params.id),
  );
  app.put(
    '/orgs/:id/recuperation-settings',
    { config: write, schema: { summary: 'Set a federation’s own recuperation rules (trip lengths, trips a year, working years)', tags, params: idParams, body: s.recuperationSettings, response: { 200: s.settingsView } } },
    async (req) => settings.putSettings(deps, req.caller, req.params.id, req.body),
  );

  app.post(
    '/recuperation/products',
    { config: write, schema: { summary: 'Publish a product of a service centre (疗休养线路): destination, days, price per person in fen', tags, body: s.createProductBody, response: created } },
    async (req, reply) => reply.status(201).send(await catalogue.createProduct(deps, req.caller, req.body)),
  );
  app.get(
    '/recuperation/products',
    { config: read, schema: { summary: 'Products of providers in scope', tags, querystring: s.productListQuery, response: { 200: pageOf(s.productView) } } },
    async (req) => catalogue.listProducts(deps, req.caller, req.query),
  );
  app.post(
    '/recuperation/batches',
    { config: write, schema: { summary: 'Add a dated batch with places; refused past the trip length of the product’s region', tags, body: s.createBatchBody, response: created } },
    async (req, reply) => reply.status(201).send(await catalogue.createBatch(deps, req.caller, req.body)),
  );
  app.get(
    '/recuperation/batches',
    { config: read, schema: { summary: 'Batches of providers in scope, and those an org in scope holds places of', tags, querystring: s.batchListQuery, response: { 200: pageOf(s.batchView) } } },
    async (req) => catalogue.listBatches(deps, req.caller, req.query),
  );
  app.get(
    '/recuperation/batches/:id',
    { config: read, schema: { summary: 'One batch with the quotas of the orgs in scope', tags, params: idParams, response: { 200: s.batchDetail } } },
    async (req) => catalogue.getBatch(deps, req.caller, req.params.id),
  );
  app.post(
    '/recuperation/agreements',
    { config: write, schema: { summary: 'Record a cooperation agreement (合作协议) with another federation', tags, body: s.createAgreementBody, response: created } },
    async (req, reply) => reply.status(201).send(await catalogue.createAgreement(deps, req.caller, req.body)),
  );
  app.get(
    '/recuperation/agreements',
    { config: read, schema: { summary: 'Agreements either side of which is in scope', tags, querystring: s.agreementListQuery, response: { 200: pageOf(s.agreementView) } } },
    async (req) => catalogue.listAgreements(deps, req.caller, req.query),
  );
  app.post(
    '/recuperation/quotas',
    { config: write, schema: { summary: 'Give places of a batch to a child org (or a partner federation); over the giver’s places → 422', tags, body: s.createQuotaBody, response: created } },
    async (req, reply) => reply.status(201).send(await catalogue.createQuota(deps, req.caller, req.body)),
  );

  app.get(
    '/recuperation/open-batches',
    { config: member, schema: { summary: 'The member’s choice: batches not yet started that their union’s chain holds places of', tags, response: { 200: pageOf(s.openBatchView) } } },
    async (req) => applications.openBatches(deps, req.caller),
  );
  app.post(
    '/recuperation/batches/:id/applications',
    { config: member, schema: { summary: 'A member applies within their union’s quota: pending, or waitlisted when the places are spoken for', tags, params: idParams, body: s.applyBody, response: { 201: s.applicationCreated } } },
    async (req, reply) => reply.status(201).send(await applications.apply(deps, req.caller, req.params.id, req.body)),
  );
  app.get(
    '/recuperation/applications/mine',
    { config: member, schema: { summary: 'The member’s own applications', tags, response: { 200: pageOf(s.myApplicationView) } } },
    async (req) => applications.myApplications(deps, req.caller),
  );
  app.get(
    '/recuperation/applications',
    { config: read, schema: { summary: 'Applications of the unions in scope, priority groups first', tags, querystring: s.applicationListQuery, response: { 200: pageOf(s.applicationView) } } },
    async (req) => applications.listApplications(deps, req.caller, req.query),
  );
  app.get(
    '/recuperation/applications/export',
    { config: read, schema: { summary: 'Applications as the list filters them, in Excel (audited)', tags, querystring: s.applicationExportQuery } },
    async (req, reply) => {
      const file = await applications.exportApplications(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.post(
    '/recuperation/applications/:id/approve',
    { config: write, schema: { summary: 'Approve within the union’s quota (never beyond it; priority groups first when places are short)', tags, params: idParams, response: { 200: s.decisionView } } },
    async (req) => applications.approve(deps, req.caller, req.params.id),
  );
  app.post(
    '/recuperation/applications/:id/reject',
    { config: write, schema: { summary: 'Reject an application with a reason', tags, params: idParams, body: s.rejectBody, response: { 200: s.decisionView } } },
    async (req) => applications.reject(deps, req.caller, req.params.id, req.body.reason),
  );
};
