import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, invalidFields, notFound, refused } from '../../platform/errors.ts';
import { scopeFor } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { candidateVisible, today } from './service.ts';

/**
 * Self-assessment evidence (佐证材料): files stored under `${dataDir}/evidence/<candidate>/<random
 * key>`, never under the name given, with their sha256 recorded. Only PDF, JPEG, PNG, DOCX and
 * XLSX are accepted, judged by their first bytes and not by the name; they are served back only as
 * attachments with their whitelisted type, never as HTML.
 */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

const KINDS = {
  pdf: { type: 'application/pdf', magic: [Buffer.from('%PDF-')] },
  jpg: { type: 'image/jpeg', magic: [Buffer.from([0xff, 0xd8, 0xff])] },
  png: { type: 'image/png', magic: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])] },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [Buffer.from('PK\x03\x04', 'latin1')], part: 'word/document.xml' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [Buffer.from('PK\x03\x04', 'latin1')], part: 'xl/workbook.xml' },
} as const;
type Kind = keyof typeof KINDS;
const EXTENSIONS: Record<string, Kind> = { pdf: 'pdf', jpg: 'jpg', jpeg: 'jpg', png: 'png', docx: 'docx', xlsx: 'xlsx' };

/** The kind of a stored file, when its name's extension and its content agree; null otherwise. */
export function sniff(fileName: string, head: Buffer, whole: () => Buffer): Kind | null {
  const kind = EXTENSIONS[path.extname(fileName).slice(1).toLowerCase()];
  if (!kind) return null;
  const spec = KINDS[kind];
  if (!spec.magic.some((m) => head.subarray(0, m.length).equals(m))) return null;
  // Office files are zip archives: the part naming the application is in the central directory.
  if ('part' in spec && !whole().includes(spec.part, 0, 'latin1')) return null;
  return kind;
}

const evidenceDir = (deps: Deps) => path.join(deps.config.dataDir, 'evidence');

/** The candidate, to cadres who may change it while its self-assessment is still open. */
async function editableCandidate(deps: Deps, caller: Caller, candidateId: number) {
  const r = await deps.db
    .selectFrom('pioneer_candidates as cand')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
    .select(['cand.id', 'cand.status', 'cand.org_id', 'camp.status as campaign_status', 'camp.assessment_deadline'])
    .where('cand.id', '=', candidateId)
    .where(candidateVisible(caller.scope))
    .executeTakeFirst();
  if (!r) throw notFound('pioneer_candidate');
  if (r.status !== 'registered') throw refused('pioneer_evidence_locked');
  if ((r.campaign_status !== 'registration' && r.campaign_status !== 'self_assessment') || today(deps) > r.assessment_deadline) {
    throw refused('pioneer_self_assessment_closed', { date: r.assessment_deadline });
  }
  return r;
}

const fileError = (zh: string, en: string) => invalidFields([{ field: 'file', message: { zh, en } }]);

/** Streams one uploaded file to disk, hashing as it goes; refuses it past the size limit. */
async function receive(parts: AsyncIterableIterator<any>, dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  let stored: { key: string; file: string; name: string; size: number; sha256: string } | null = null;
  for await (const part of parts) {
    if (part.type !== 'file') continue;
    const upload = part as MultipartFile;
    if (stored || upload.fieldname !== 'file') {
      upload.file.resume();
      continue;
    }
    const key = crypto.randomUUID();
    const file = path.join(dir, key);
    const hash = crypto.createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > EVIDENCE_MAX_BYTES) return done(new AppError(413, 'payload_too_large'));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(upload.file, meter, fs.createWriteStream(file));
    } catch (err) {
      fs.rmSync(file, { force: true });
      throw err;
    }
    stored = { key, file, name: path.basename(upload.filename || 'file').slice(0, 200), size, sha256: hash.digest('hex') };
  }
  return stored;
}

export async function uploadEvidence(deps: Deps, caller: Caller, candidateId: number, parts: AsyncIterableIterator<any>) {
  await editableCandidate(deps, caller, candidateId);
  const stored = await receive(parts, path.join(evidenceDir(deps), String(candidateId)));
  if (!stored) throw fileError('请选择要上传的文件', 'Choose a file to upload');
  try {
    if (stored.size === 0) throw fileError('文件是空的', 'The file is empty');
    const fd = fs.openSync(stored.file, 'r');
    const head = Buffer.alloc(8);
    fs.readSync(fd, head, 0, 8, 0);
    fs.closeSync(fd);
    const kind = sniff(stored.name, head, () => fs.readFileSync(stored.file));
    if (!kind) throw fileError('只接受 PDF、JPG、PNG、DOCX、XLSX 文件，且文件内容须与扩展名相符', 'Only PDF, JPG, PNG, DOCX and XLSX files whose content matches their extension');
    return await deps.db.transaction().execute(async (tx) => {
      // Checked again inside the transaction: the self-assessment may have been submitted meanwhile.
      const r = await tx.selectFrom('pioneer_candidates').select(['status', 'org_id']).where('id', '=', candidateId).executeTakeFirstOrThrow();
      if (r.status !== 'registered') throw refused('pioneer_evidence_locked');
      const row = await tx
        .insertInto('pioneer_evidence')
        .values({
          candidate_id: candidateId,
          file_name: stored.name,
          content_type: KINDS[kind].type,
          size: stored.size,
          sha256: stored.sha256,
          storage_key: `${candidateId}/${stored.key}`,
          uploaded_by: caller.user!.id,
          created_at: caller.actor.now,
        })
        .returning(['id', 'file_name', 'content_type', 'size', 'sha256', 'created_at'])
        .executeTakeFirstOrThrow();
      const view = { id: row.id, fileName: row.file_name, contentType: row.content_type, size: row.size, sha256: row.sha256, createdAt: row.created_at };
      await audit(tx, caller.actor, { action: 'pioneer_evidence.upload', entity: 'pioneer_evidence', entityId: row.id, orgId: r.org_id, after: { candidateId, ...view } });
      return view;
    });
  } catch (err) {
    fs.rmSync(stored.file, { force: true });
    throw err;
  }
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
  fs.rmSync(path.join(evidenceDir(deps), e.storage_key), { force: true });
}

/** The file, to cadres who see the candidate and to the judges assigned to it. */
export async function evidenceFile(deps: Deps, caller: Caller, evidenceId: number) {
  const user = caller.user!;
  const scope = scopeFor(user.grants, 'pioneer.read');
  const e = await deps.db
    .selectFrom('pioneer_evidence as e')
    .innerJoin('pioneer_candidates as cand', 'cand.id', 'e.candidate_id')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
    .select(['e.file_name', 'e.content_type', 'e.storage_key', 'e.sha256'])
    .where('e.id', '=', evidenceId)
    .where((eb) =>
      eb.or([
        candidateVisible(scope),
        eb.exists(eb.selectFrom('pioneer_assignments as a').select('a.id').whereRef('a.candidate_id', '=', 'cand.id').where('a.judge_id', '=', user.id)),
      ]),
    )
    .executeTakeFirst();
  if (!e) throw notFound('pioneer_evidence');
  const file = path.join(evidenceDir(deps), e.storage_key);
  if (!fs.existsSync(file)) throw notFound('pioneer_evidence');
  return { file, fileName: e.file_name, contentType: e.content_type, sha256: e.sha256 };
}
