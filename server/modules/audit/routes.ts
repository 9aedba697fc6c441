import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inScope, requireOrgInScope } from '../../platform/access.ts';
import { parseJson } from '../../db/database.ts';
import { id, pageOf, pageQuery } from '../../platform/validation.ts';

const auditQuery = pageQuery.extend({
  orgId: id.optional().describe('this org’s whole subtree'),
  actorId: id.optional(),
  entity: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(40).optional(),
  action: z.string().trim().max(60).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

/** The audit log, browsed within the caller's scope; entries written by platform/audit.ts. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  app.get(
    '/audit-log',
    {
      config: { access: 'audit.read' },
      schema: { summary: 'Audit log entries in scope, newest first', tags: ['audit'], querystring: auditQuery, response: { 200: pageOf(auditItem) } },
    },
    async (req) => {
      const query = req.query;
      const scope = req.caller.scope;
      let q = deps.db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_id')
        .leftJoin('orgs', 'orgs.id', 'audit_log.org_id')
        .where((eb) => inScope('audit_log.org_id', scope));
      if (query.orgId) {
        await requireOrgInScope(deps.db, scope, query.orgId);
        q = q.where((eb) => inScope('audit_log.org_id', { all: false, roots: [query.orgId!] }));
      }
      if (query.actorId) q = q.where('audit_log.actor_id', '=', query.actorId);
      if (query.entity) q = q.where('audit_log.entity', '=', query.entity);
      if (query.entityId) q = q.where('audit_log.entity_id', '=', query.entityId);
      if (query.action) q = q.where('audit_log.action', 'like', `${query.action}%`);
      if (query.from) q = q.where('audit_log.at', '>=', new Date(query.from).toISOString());
      if (query.to) q = q.where('audit_log.at', '<', new Date(query.to).toISOString());
      const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
      const rows = await q
        .selectAll('audit_log')
        .select(['users.display_name as actor_name', 'orgs.name as org_name'])
        .orderBy('audit_log.id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          orgId: r.org_id,
          orgName: r.org_name,
          before: parseJson(r.before),
          after: parseJson(r.after),
          ip: r.ip,
        })),
        total: Number(total),
      };
    },
  );
};
