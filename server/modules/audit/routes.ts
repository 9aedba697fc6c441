import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import { pageOf } from '../../platform/validation.ts';
import { auditActionList, auditExportQuery, auditItem, auditQuery } from './schema.ts';
import { exportAuditLog, listAuditActions, listAuditLog } from './service.ts';

/** The audit log, browsed within the caller's scope. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  app.get(
    '/audit-log',
    {
      config: { access: 'audit.read' },
      schema: { summary: 'Audit log entries in scope, newest first', tags: ['audit'], querystring: auditQuery, response: { 200: pageOf(auditItem) } },
    },
    async (req) => listAuditLog(deps, req.caller, req.query),
  );
  app.get(
    '/audit-log/export',
    {
      config: { access: 'audit.read' },
      schema: { summary: 'Audit log entries as the list filters them, in Excel (audited)', tags: ['audit'], querystring: auditExportQuery },
    },
    async (req, reply) => {
      const file = await exportAuditLog(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/audit-log/actions',
    {
      config: { access: 'audit.read' },
      schema: { summary: 'Every labelled audit action, in the caller’s language: the action filter’s choices', tags: ['audit'], response: { 200: auditActionList } },
    },
    async (req) => listAuditActions(req.caller),
  );
};
