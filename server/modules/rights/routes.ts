import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import { fileHeaders } from '../../platform/uploads.ts';
import * as s from './schema.ts';
import * as settings from './settings.ts';
import * as cases from './cases.ts';

export const rightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['rights'];
  const moved = { 200: z.object({ id: z.number().int(), status: s.status }) };
  const own = { access: 'authenticated' } as const;

  app.get(
    '/orgs/:id/rights-settings',
    { config: { access: 'rights.read' }, schema: { summary: 'The deadlines of rights cases an org works under (its own, inherited, or the defaults)', tags, params: idParams, response: { 200: s.rightsSettingsView } } },
    async (req) => settings.getRightsSettings(deps, req.caller, req.params.id),
  );
  app.put(
    '/orgs/:id/rights-settings',
    { config: { access: 'rights.write' }, schema: { summary: 'Set a federation’s deadlines: working days to accept, days to report progress', tags, params: idParams, body: s.rightsSettings, response: { 200: s.rightsSettingsView } } },
    async (req) => settings.putRightsSettings(deps, req.caller, req.params.id, req.body),
  );

  // ---- the worker's own ----
  app.post(
    '/rights-cases',
    { config: own, schema: { summary: 'Ask the union for help (维权): routed to the member record’s union, the employer’s, or the chosen street; a case number is issued', tags, body: s.createCaseBody, response: { 201: s.createdCase } } },
    async (req, reply) => reply.status(201).send(await cases.fileCase(deps, req.caller, req.body)),
  );
  app.get(
    '/rights-cases/mine',
    { config: own, schema: { summary: 'The caller’s own cases with their status', tags, response: { 200: s.myCases } } },
    async (req) => cases.myCases(deps, req.caller),
  );
  app.get(
    '/rights-cases/mine/:id',
    { config: own, schema: { summary: 'One of the caller’s cases: status and steps (never internal notes)', tags, params: idParams, response: { 200: s.myCaseDetail } } },
    async (req) => cases.myCase(deps, req.caller, req.params.id),
  );
  app.post(
    '/rights-cases/:id/rating',
    { config: own, schema: { summary: 'Rate a closed case 1–5, once (the worker who filed it)', tags, params: idParams, body: s.ratingBody, response: { 200: z.object({ id: z.number().int(), score: z.number().int() }) } } },
    async (req) => cases.rateCase(deps, req.caller, req.params.id, req.body),
  );

  // ---- the union's queue ----
  app.post(
    '/rights-cases/intake',
    { config: { access: 'rights.write' }, schema: { summary: 'Record a walk-in or a 12351 hotline call as a case', tags, body: s.intakeBody, response: { 201: s.createdCase } } },
    async (req, reply) => reply.status(201).send(await cases.intakeCase(deps, req.caller, req.body)),
  );
  app.get(
    '/rights-cases',
    { config: { access: 'rights.read' }, schema: { summary: 'The case queue in scope with deadlines (no narrative, amounts or notes)', tags, querystring: s.caseListQuery, response: { 200: pageOf(s.caseListItem) } } },
    async (req) => cases.listCases(deps, req.caller, req.query),
  );
  app.get(
    '/rights-cases/export',
    { config: { access: 'rights.read' }, schema: { summary: 'The case queue as filtered, in Excel (audited; no narrative or amounts)', tags, querystring: s.caseExportQuery } },
    async (req, reply) => {
      const file = await cases.exportCases(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/rights-cases/assigned',
    { config: own, schema: { summary: 'The cases assigned to the caller (a lawyer or mediator)', tags, response: { 200: pageOf(s.caseListItem) } } },
    async (req) => cases.assignedCases(deps, req.caller),
  );
  app.get(
    '/rights-cases/:id',
    { config: own, schema: { summary: 'One case in full, to a cadre handling its union or its assigned lawyer (the read is audited)', tags, params: idParams, response: { 200: s.caseDetail } } },
    async (req) => cases.getCase(deps, req.caller, req.params.id),
  );
  app.post(
    '/rights-cases/:id/accept',
    { config: { access: 'rights.write' }, schema: { summary: 'Accept a submitted case (the progress deadline starts)', tags, params: idParams, response: moved } },
    async (req) => cases.acceptCase(deps, req.caller, req.params.id),
  );
  app.post(
    '/rights-cases/:id/decline',
    { config: { access: 'rights.write' }, schema: { summary: 'Decline a submitted case with a reason', tags, params: idParams, body: s.declineBody, response: moved } },
    async (req) => cases.declineCase(deps, req.caller, req.params.id, req.body.reason),
  );
  app.post(
    '/rights-cases/:id/assign',
    { config: { access: 'rights.write' }, schema: { summary: 'Assign a lawyer or mediator (a legal_aid grant on the case’s union or above)', tags, params: idParams, body: s.assignBody, response: moved } },
    async (req) => cases.assignCase(deps, req.caller, req.params.id, req.body.userId),
  );
  app.post(
    '/rights-cases/:id/steps',
    { config: own, schema: { summary: 'Record a step (consultation, mediation, referral, arbitration, litigation support, or an internal note)', tags, params: idParams, body: s.stepBody, response: { 201: z.object({ id: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await cases.addStep(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/rights-cases/:id/close',
    { config: own, schema: { summary: 'Close a case with its outcome (resolved with the amount recovered in fen, referred, withdrawn)', tags, params: idParams, body: s.closeBody, response: moved } },
    async (req) => cases.closeCase(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/rights-cases/:id/attachments',
    {
      config: own,
      schema: {
        summary: 'Attach a file to a case (multipart: file; PDF, JPG, PNG or DOCX by content, at most 10 MB; stored encrypted): the worker who filed it, or whoever handles it',
        tags,
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: s.attachmentView },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
      return reply.status(201).send(await cases.uploadAttachment(deps, req.caller, req.params.id, req.parts()));
    },
  );
  app.get(
    '/rights-case-attachments/:id',
    { config: own, schema: { summary: 'Download a case’s attachment (the worker, or whoever handles the case); always an attachment, audited', tags, params: idParams } },
    async (req, reply) => {
      const a = await cases.attachmentFile(deps, req.caller, req.params.id);
      return reply.headers(fileHeaders(a.contentType, a.fileName, false)).header('cache-control', 'private, no-store').send(a.body);
    },
  );
  app.get(
    '/orgs/:id/rights-stats',
    { config: { access: 'rights.read' }, schema: { summary: 'Rights cases over an org’s subtree: by category and status, overdue, amount recovered, mean rating', tags, params: idParams, response: { 200: s.rightsStats } } },
    async (req) => cases.rightsStats(deps, req.caller, req.params.id),
  );
};
