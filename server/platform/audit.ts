import type { Tx } from '../db/database.ts';
import type { AuditAction } from './i18n.ts';
import { redact } from './pii.ts';

export interface AuditEntry {
  /** A code some module labels in its messages.ts `actions` (an unlabelled one does not compile). */
  action: AuditAction;
  entity: string;
  entityId: number | string | null;
  orgId: number | null;
  before?: unknown;
  after?: unknown;
}

export interface Actor {
  userId: number | null;
  ip: string | null;
  now: string;
}

/** Records one write in the audit log, in the caller's transaction, with personal data masked. */
export async function audit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      at: actor.now,
      actor_id: actor.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      org_id: entry.orgId,
      before: entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
      after: entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
      ip: actor.ip,
    })
    .execute();
}
