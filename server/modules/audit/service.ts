import type { z } from 'zod';
import { parseJson, type Tx } from '../../db/database.ts';
import { inScope, inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { shanghaiMinute } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import { paginate, TOTAL_CAP } from '../../platform/paging.ts';
import { actionLabel, auditActions, knownFieldLabel, labelText, type Lang } from '../../platform/i18n.ts';
import { exportTexts as t } from './messages.ts';
import type { auditExportQuery, auditQuery } from './schema.ts';

type AuditFilters = Omit<z.infer<typeof auditQuery>, 'page' | 'pageSize'>;

/** The entries whose org lies in `scope`, as the list filters them: the list and its export share it. */
function filteredEntries(tx: Tx, scope: Scope, query: AuditFilters) {
  let q = tx
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .leftJoin('orgs', 'orgs.id', 'audit_log.org_id')
    .where(inScope('audit_log.org_id', scope));
  if (query.orgId) q = q.where(inSubtree('audit_log.org_id', query.orgId));
  if (query.actorId) q = q.where('audit_log.actor_id', '=', query.actorId);
  if (query.entity) q = q.where('audit_log.entity', '=', query.entity);
  if (query.entityId) q = q.where('audit_log.entity_id', '=', query.entityId);
  if (query.action) q = q.where('audit_log.action', 'like', `${query.action}%`);
  if (query.from) q = q.where('audit_log.at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('audit_log.at', '<', new Date(query.to).toISOString());
  return q;
}

/** Audit log entries whose org lies in the caller's scope, newest first (written by platform/audit.ts). */
export async function listAuditLog(deps: Deps, caller: Caller, query: z.infer<typeof auditQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, ...counted } = await paginate(
    filteredEntries(deps.db, caller.scope, query),
    query,
    (q) => q.selectAll('audit_log').select(['users.display_name as actor_name', 'orgs.name as org_name']).orderBy('audit_log.id', 'desc'),
    { countUpTo: TOTAL_CAP },
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
    ...counted,
  };
}

/** Excel holds at most 32,767 characters in a cell. */
const cellJson = (stored: string | null) => (stored === null ? null : JSON.stringify(parseJson(stored)).slice(0, 32_000));

/** The entries as the list filters them, in Excel (already redacted when written). */
export async function exportAuditLog(deps: Deps, caller: Caller, query: z.infer<typeof auditExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'audit_log',
    title: t.auditLog,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filteredEntries(deps.db, scope, filters).selectAll('audit_log').select(['users.display_name as actor_name', 'orgs.name as org_name']),
    keyset: 'audit_log.id',
    columns: [
      { header: t.at, value: (r) => shanghaiMinute(r.at), width: 18 },
      { header: t.actor, value: (r) => r.actor_name, width: 14 },
      { header: t.action, value: (r, lang) => actionLabel(r.action, lang) ?? r.action, width: 24 },
      { header: t.entity, value: (r) => r.entity, width: 18 },
      { header: t.entityId, value: (r) => r.entity_id, text: true, width: 10 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.ip, value: (r) => r.ip, width: 16 },
      { header: t.before, value: (r) => cellJson(r.before), width: 40 },
      { header: t.after, value: (r) => cellJson(r.after), width: 40 },
    ],
  });
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
