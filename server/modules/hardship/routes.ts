import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import * as settings from './settings.ts';
import * as files from './files.ts';
import * as aid from './aid.ts';

export const hardshipRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['hardship'];
  const read = { access: 'hardship.read' } as const;
  const write = { access: 'hardship.write' } as const;
  const created = { 201: z.object({ id: z.number().int() }) };

  app.get(
    '/orgs/:id/hardship-settings',
    { config: read, schema: { summary: 'The 低保 line in force for an org today (its own, inherited from a federation above, or the default)', tags, params: idParams, response: { 200: s.hardshipSettingsView } } },
    async (req) => settings.getHardshipSettings(deps, req.caller, req.params.id),
  );
  app.put(
    '/orgs/:id/hardship-settings',
    { config: write, schema: { summary: 'Set a federation’s 低保 line per head per month (fen) and the relative multiple from a date; its subtree inherits it', tags, params: idParams, body: s.hardshipSettingsBody, response: { 200: s.hardshipSettingsView } } },
    async (req) => settings.putHardshipSettings(deps, req.caller, req.params.id, req.body),
  );

  app.post(
    '/hardship-files',
    { config: write, schema: { summary: 'Open a member household’s hardship file (separate consent); the tier is computed from the 低保 line', tags, body: s.createFileBody, response: { 201: s.createdFile } } },
    async (req, reply) => reply.status(201).send(await files.createFile(deps, req.caller, req.body)),
  );
  app.get(
    '/hardship-files',
    { config: read, schema: { summary: 'The hardship register in scope with tiers (no income)', tags, querystring: s.fileListQuery, response: { 200: pageOf(s.fileListItem) } } },
    async (req) => files.listFiles(deps, req.caller, req.query),
  );
  app.get(
    '/hardship-files/export',
    { config: read, schema: { summary: 'The hardship register as filtered, in Excel (audited; no income)', tags, querystring: s.fileExportQuery } },
    async (req, reply) => {
      const file = await files.exportFiles(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/hardship-files/mine',
    { config: { access: 'authenticated' }, schema: { summary: 'The caller’s own household file: tier, status and aid received', tags, response: { 200: s.myFile } } },
    async (req) => files.myFile(deps, req.caller),
  );
  app.get(
    '/hardship-files/:id',
    { config: write, schema: { summary: 'One file with its income, tier, the line applied and its aid ledger (the read is audited)', tags, params: idParams, response: { 200: s.fileDetail } } },
    async (req) => files.getFile(deps, req.caller, req.params.id),
  );
  app.post(
    '/hardship-files/:id/recheck',
    { config: write, schema: { summary: 'The yearly re-check: the household’s figures again, the tier computed again', tags, params: idParams, body: s.recheckBody, response: { 200: s.createdFile } } },
    async (req) => files.recheckFile(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/hardship-files/:id/exit',
    { config: write, schema: { summary: 'The household leaves the register (脱困) with a reason', tags, params: idParams, body: s.exitBody, response: { 200: z.object({ id: z.number().int(), status: z.literal('exited') }) } } },
    async (req) => files.exitFile(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/hardship-files/:id/aids',
    { config: write, schema: { summary: 'Pay aid (append-only, fen): within the campaign’s budget, once per campaign and household', tags, params: idParams, body: s.aidBody, response: created } },
    async (req, reply) => reply.status(201).send(await aid.payAid(deps, req.caller, req.params.id, req.body)),
  );
  app.get(
    '/hardship-aids',
    { config: read, schema: { summary: 'The aid ledger in scope, newest first', tags, querystring: s.aidListQuery, response: { 200: pageOf(s.aidView) } } },
    async (req) => aid.listAids(deps, req.caller, req.query),
  );
  app.get(
    '/hardship-aids/export',
    { config: read, schema: { summary: 'The aid ledger as filtered, in Excel for the finance office (audited)', tags, querystring: s.aidExportQuery } },
    async (req, reply) => {
      const file = await aid.exportAids(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.post(
    '/hardship-campaigns',
    { config: write, schema: { summary: 'Set up an aid campaign (送温暖, 金秋助学…) with its budget in fen', tags, body: s.campaignBody, response: created } },
    async (req, reply) => reply.status(201).send(await aid.createCampaign(deps, req.caller, req.body)),
  );
  app.get(
    '/hardship-campaigns',
    { config: read, schema: { summary: 'Aid campaigns in scope with budget and spent', tags, querystring: s.campaignListQuery, response: { 200: pageOf(s.campaignView) } } },
    async (req) => aid.listCampaigns(deps, req.caller, req.query),
  );
  app.get(
    '/orgs/:id/hardship-stats',
    { config: read, schema: { summary: 'Households on the register over an org’s subtree by tier, and the aid paid to them (fen)', tags, params: idParams, response: { 200: s.hardshipStats } } },
    async (req) => files.hardshipStats(deps, req.caller, req.params.id),
  );
};
