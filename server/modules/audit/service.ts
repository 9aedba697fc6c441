import type { z } from 'zod';
import { parseJson } from '../../db/database.ts';
import { inScope, inSubtree, requireOrgInScope } from '../../platform/access.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { paginate } from '../../platform/paging.ts';
import { actionLabel, auditActions, knownFieldLabel, labelText, type Lang } from '../../platform/i18n.ts';
import type { auditQuery } from './schema.ts';

/** Audit log entries whose org lies in the caller's scope, newest first (written by platform/audit.ts). */
export async function listAuditLog(deps: Deps, caller: Caller, query: z.infer<typeof auditQuery>) {
  let q = deps.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .leftJoin('orgs', 'orgs.id', 'audit_log.org_id')
    .where(inScope('audit_log.org_id', caller.scope));
  if (query.orgId) {
    await requireOrgInScope(deps.db, caller.scope, query.orgId);
    q = q.where(inSubtree('audit_log.org_id', query.orgId));
  }
  if (query.actorId) q = q.where('audit_log.actor_id', '=', query.actorId);
  if (query.entity) q = q.where('audit_log.entity', '=', query.entity);
  if (query.entityId) q = q.where('audit_log.entity_id', '=', query.entityId);
  if (query.action) q = q.where('audit_log.action', 'like', `${query.action}%`);
  if (query.from) q = q.where('audit_log.at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('audit_log.at', '<', new Date(query.to).toISOString());
  const { rows, total } = await paginate(q, query, (q) =>
    q.selectAll('audit_log').select(['users.display_name as actor_name', 'orgs.name as org_name']).orderBy('audit_log.id', 'desc'),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      actionLabel: actionLabel(r.action, caller.lang) ?? r.action,
      entity: r.entity,
      entityLabel: labelText(r.entity, caller.lang),
      entityId: r.entity_id,
      orgId: r.org_id,
      orgName: r.org_name,
      ...beforeAndAfter(parseJson(r.before), parseJson(r.after), caller.lang),
      ip: r.ip,
    })),
    total,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An entry's before and after, and the two side by side per field, each field named where a module registered its name. */
function beforeAndAfter(before: unknown, after: unknown, lang: Lang) {
  const sides = [before, after].filter(isRecord);
  const fields = [...new Set(sides.flatMap((side) => Object.keys(side)))];
  const changes = fields.map((field) => ({
    field,
    label: knownFieldLabel(field, lang) ?? field,
    before: isRecord(before) ? before[field] : undefined,
    after: isRecord(after) ? after[field] : undefined,
  }));
  return { before, after, changes };
}

/** The labelled actions, for the log's action filter. */
export function listAuditActions(caller: Caller) {
  return { items: auditActions(caller.lang) };
}
