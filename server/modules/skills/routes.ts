import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importWorkbook, sendWorkbook } from '../../platform/spreadsheet.ts';
import { idParams, pageOf } from '../../platform/validation.ts';
import * as s from './schema.ts';
import { correctRecord, createRecord, getRecord, listRecords, memberRecords, myRecords, skillStats, voidRecord } from './service.ts';
import { exportRecords, importRecords, skillFileNames, skillTemplate } from './files.ts';

export const skillsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const created = z.object({ id: z.number().int() });

  app.post(
    '/skill-levels',
    {
      config: { access: 'skill.write' },
      schema: {
        summary: 'Record a member’s skill level (certificate); 409 when a valid record holds the certificate number',
        tags: ['skills'],
        body: s.createBody,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await createRecord(deps, req.caller, req.body)),
  );
  app.get(
    '/skill-levels',
    {
      config: { access: 'skill.read' },
      schema: { summary: 'Skill-level records of members in scope (valid ones unless history=true)', tags: ['skills'], querystring: s.listQuery, response: { 200: pageOf(s.recordItem) } },
    },
    async (req) => listRecords(deps, req.caller, req.query),
  );
  app.get(
    '/skill-levels/export',
    {
      config: { access: 'skill.read' },
      schema: { summary: 'Skill-level records as the list filters them, in Excel (audited)', tags: ['skills'], querystring: s.exportQuery },
    },
    async (req, reply) => {
      const file = await exportRecords(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/skill-levels/import-template',
    {
      config: { access: 'skill.write' },
      schema: { summary: 'The Excel template for importing skill levels', tags: ['skills'] },
    },
    async (_req, reply) => sendWorkbook(reply, skillFileNames.template, await skillTemplate()),
  );
  app.post(
    '/skill-levels/import',
    {
      config: { access: 'skill.write' },
      schema: {
        summary: 'Import skill levels for members of an org’s subtree (multipart: file, orgId); all or nothing',
        description: '200 {"imported":N}, or 422 problem with errors:[{row,field,message}] and reportUrl of an error-report workbook.',
        tags: ['skills'],
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ imported: z.number().int() }) },
      },
    },
    async (req) => importWorkbook(req, deps.config.dataDir, (orgId, file) => importRecords(deps, req.caller, orgId, file)),
  );
  app.get(
    '/skill-levels/:id',
    {
      config: { access: 'skill.read' },
      schema: { summary: 'One skill-level record', tags: ['skills'], params: idParams, response: { 200: s.recordItem } },
    },
    async (req) => getRecord(deps, req.caller, req.params.id),
  );
  app.post(
    '/skill-levels/:id/correct',
    {
      config: { access: 'skill.write' },
      schema: {
        summary: 'Correct a record: it is kept as corrected, and a new valid record replaces it (audited)',
        tags: ['skills'],
        params: idParams,
        body: s.correctBody,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await correctRecord(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/skill-levels/:id/void',
    {
      config: { access: 'skill.write' },
      schema: { summary: 'Void a record with a reason: kept as history, out of the stats (audited)', tags: ['skills'], params: idParams, body: s.voidBody, response: { 200: s.recordItem } },
    },
    async (req) => voidRecord(deps, req.caller, req.params.id, req.body.reason),
  );
  app.get(
    '/members/:id/skill-levels',
    {
      config: { access: 'skill.read' },
      schema: { summary: 'A member’s skill-level records, history included', tags: ['skills'], params: idParams, response: { 200: pageOf(s.recordItem) } },
    },
    async (req) => memberRecords(deps, req.caller, req.params.id),
  );
  app.get(
    '/me/skill-levels',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'One’s own valid skill levels (我的技能等级)', tags: ['skills'], response: { 200: z.object({ items: z.array(s.myRecord) }) } },
    },
    async (req) => ({ items: await myRecords(deps, req.caller) }),
  );
  app.get(
    '/orgs/:id/skill-stats',
    {
      config: { access: 'skill.read' },
      schema: { summary: 'Skill levels over the org’s subtree: valid records per level, and levels 1–3 (高级工 or above)', tags: ['skills'], params: idParams, response: { 200: s.stats } },
    },
    async (req) => skillStats(deps, req.caller, req.params.id),
  );
};
