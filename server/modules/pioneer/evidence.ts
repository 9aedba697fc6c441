import path from 'node:path';
import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, notFound, refused } from '../../platform/errors.ts';
import { receiveFile, type FileKind } from '../../platform/uploads.ts';
import { keepUpload, spoolDir } from '../../platform/files.ts';
import { audit } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { readableEvidence, readableCandidates } from './policy.ts';

/**
 * Self-assessment evidence (佐证材料): received through the platform's one upload path
 * (platform/uploads.ts: random names, sha256, size limit, content checked against the whitelist;
 * kept in the file store as `evidence/<candidate>/<uuid>`, platform/files.ts) and served back only as attachments.
 */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_KINDS: readonly FileKind[] = ['pdf', 'jpg', 'png', 'docx', 'xlsx'];

/** The file store key of an evidence file (its row's storage_key is `<candidate>/<uuid>`). */
const evidenceKey = (storageKey: string) => `evidence/${storageKey}`;

export type EvidenceView = { id: number; fileName: string; contentType: string; size: number; sha256: string; createdAt: string };

/** The evidence of each candidate, oldest first: one query for them all. */
export async function evidenceOf(tx: Tx, candidateIds: number[]): Promise<Map<number, EvidenceView[]>> {
  const byCandidate = new Map<number, EvidenceView[]>(candidateIds.map((id) => [id, []]));
  if (candidateIds.length === 0) return byCandidate;
  const rows = await tx.selectFrom('pioneer_evidence').selectAll().where('candidate_id', 'in', [...new Set(candidateIds)]).orderBy('id').execute();
  for (const e of rows) {
    byCandidate.get(e.candidate_id)!.push({ id: e.id, fileName: e.file_name, contentType: e.content_type, size: e.size, sha256: e.sha256, createdAt: e.created_at });
  }
  return byCandidate;
}

/** The candidate, to cadres who may change it while its self-assessment is still open. */
async function editableCandidate(deps: Deps, caller: Caller, candidateId: number) {
  const r = await deps.db
    .selectFrom('pioneer_candidates as cand')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
    .select(['cand.id', 'cand.status', 'cand.org_id', 'camp.status as campaign_status', 'camp.assessment_deadline'])
    .where('cand.id', '=', candidateId)
    .where(readableCandidates(caller))
    .executeTakeFirst();
  if (!r) throw notFound('pioneer_candidate');
  if (r.status !== 'registered') throw refused('pioneer_evidence_locked');
  if ((r.campaign_status !== 'registration' && r.campaign_status !== 'self_assessment') || today(deps) > r.assessment_deadline) {
    throw refused('pioneer_self_assessment_closed', { date: r.assessment_deadline });
  }
  return r;
}

export async function uploadEvidence(deps: Deps, caller: Caller, candidateId: number, parts: AsyncIterableIterator<any>) {
  await editableCandidate(deps, caller, candidateId);
  const received = await receiveFile(parts, spoolDir(deps.config.dataDir), { maxBytes: EVIDENCE_MAX_BYTES, allowed: EVIDENCE_KINDS });
  const stored = received.stored!;
  const storageKey = `${candidateId}/${path.basename(stored.file)}`;
  return keepUpload(deps, stored.file, evidenceKey(storageKey), async (tx) => {
    // Checked again inside the transaction: the self-assessment may have been submitted meanwhile.
    const r = await tx.selectFrom('pioneer_candidates').select(['status', 'org_id']).where('id', '=', candidateId).executeTakeFirstOrThrow();
    if (r.status !== 'registered') throw refused('pioneer_evidence_locked');
    const row = await tx
      .insertInto('pioneer_evidence')
      .values({
        candidate_id: candidateId,
        file_name: stored.name,
        content_type: stored.type,
        size: stored.size,
        sha256: stored.sha256,
        storage_key: storageKey,
        uploaded_by: caller.user!.id,
        created_at: caller.actor.now,
      })
      .returning(['id', 'file_name', 'content_type', 'size', 'sha256', 'created_at'])
      .executeTakeFirstOrThrow();
    const view: EvidenceView = { id: row.id, fileName: row.file_name, contentType: row.content_type, size: row.size, sha256: row.sha256, createdAt: row.created_at };
    await audit(tx, caller.actor, { action: 'pioneer_evidence.upload', entity: 'pioneer_evidence', entityId: row.id, orgId: r.org_id, after: { candidateId, ...view } });
    return view;
  });
}

export async function removeEvidence(deps: Deps, caller: Caller, evidenceId: number) {
  const e = await deps.db.selectFrom('pioneer_evidence').selectAll().where('id', '=', evidenceId).executeTakeFirst();
  if (!e) throw notFound('pioneer_evidence');
  const r = await editableCandidate(deps, caller, e.candidate_id).catch((err) => {
    throw err instanceof AppError && err.status === 404 ? notFound('pioneer_evidence') : err;
  });
  await deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('pioneer_evidence').where('id', '=', evidenceId).execute();
    await audit(tx, caller.actor, { action: 'pioneer_evidence.remove', entity: 'pioneer_evidence', entityId: evidenceId, orgId: r.org_id, before: { fileName: e.file_name, sha256: e.sha256 } });
  });
  await deps.files.remove(evidenceKey(e.storage_key));
}

/** The file, to cadres who see the candidate and to the judges assigned to it. */
export async function evidenceFile(deps: Deps, caller: Caller, evidenceId: number) {
  const e = await deps.db
    .selectFrom('pioneer_evidence as e')
    .innerJoin('pioneer_candidates as cand', 'cand.id', 'e.candidate_id')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
    .select(['e.file_name', 'e.content_type', 'e.storage_key', 'e.sha256'])
    .where('e.id', '=', evidenceId)
    .where(readableEvidence(caller))
    .executeTakeFirst();
  if (!e) throw notFound('pioneer_evidence');
  const body = await deps.files.open(evidenceKey(e.storage_key));
  if (!body) throw notFound('pioneer_evidence');
  return { body, fileName: e.file_name, contentType: e.content_type, sha256: e.sha256 };
}
