import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, conflict, fieldError, invalidFields, notFound, refused } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope, scopeFor, type Scope } from '../../platform/access.ts';
import { membershipOf } from '../members/index.ts';
import { notify } from '../notifications/index.ts';
import { readableByCadre, readableByPerson, writableByCadre } from './policy.ts';
import { paginate } from '../../platform/paging.ts';
import { shanghaiMinute } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import { audit } from '../../platform/audit.ts';
import { receiveFile } from '../../platform/uploads.ts';
import { keepUploads, spoolDir } from '../../platform/files.ts';
import { fieldErrorsFromIssues } from '../../platform/validation.ts';
import { checkModerate, checkSubmit, checkVote, checkWindows, contestActions, entryActions, entryFiles, rank } from './rules.ts';
import { exportTexts as t } from './messages.ts';
import { entryFields, type createContestBody, type contestExportQuery, type contestListQuery, type entryExportQuery, type entryListQuery } from './schema.ts';

/** An entry file's key in the file store (platform/files.ts), as kept in file_path and thumb_path. */
const entryKey = (contestId: number, spool: string) => `contests/${contestId}/${path.basename(spool)}`;

/** Contests with what their views show; `user` is the caller, for the actions they may take. */
function contests(tx: Tx, user: Caller['user']) {
  return tx
    .selectFrom('contests')
    .innerJoin('orgs', 'orgs.id', 'contests.org_id')
    .selectAll('contests')
    .select(['orgs.name as org_name', writableByCadre(user)])
    .select((eb) => [
      eb.selectFrom('contest_entries as e').select((c) => c.fn.countAll<number>().as('n')).whereRef('e.contest_id', '=', 'contests.id').where('e.status', '=', 'approved').as('approved'),
      eb.selectFrom('contest_entries as e').select((c) => c.fn.countAll<number>().as('n')).whereRef('e.contest_id', '=', 'contests.id').where('e.status', '=', 'pending').as('pending'),
    ]);
}
type ContestRow = Awaited<ReturnType<ReturnType<typeof contests>['executeTakeFirstOrThrow']>>;

const windowOf = (c: ContestRow) => ({ status: c.status, submitOpensAt: c.submit_opens_at, submitClosesAt: c.submit_closes_at, voteOpensAt: c.vote_opens_at, voteClosesAt: c.vote_closes_at });

function contestView(c: ContestRow) {
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    title: c.title,
    theme: c.theme,
    description: c.description,
    entryKind: c.entry_kind,
    submitOpensAt: c.submit_opens_at,
    submitClosesAt: c.submit_closes_at,
    voteOpensAt: c.vote_opens_at,
    voteClosesAt: c.vote_closes_at,
    entriesPerMember: c.entries_per_member,
    votesPerMember: c.votes_per_member,
    openToAll: c.open_to_all === 1,
    status: c.status,
    entries: Number(c.approved ?? 0),
    pending: Number(c.pending ?? 0),
    actions: contestActions(c.writes === 1),
  };
}

export async function createContest(deps: Deps, caller: Caller, input: z.infer<typeof createContestBody>) {
  const bad = checkWindows(input);
  if (bad) throw fieldError(bad, 'contest_windows_order');
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const now = caller.actor.now;
    const { id } = await tx
      .insertInto('contests')
      .values({
        org_id: input.orgId,
        open_to_all: input.openToAll ? 1 : 0,
        title: input.title,
        theme: input.theme,
        description: input.description,
        entry_kind: input.entryKind,
        submit_opens_at: input.submitOpensAt,
        submit_closes_at: input.submitClosesAt,
        vote_opens_at: input.voteOpensAt,
        vote_closes_at: input.voteClosesAt,
        entries_per_member: input.entriesPerMember,
        votes_per_member: input.votesPerMember,
        status: 'published',
        created_by: caller.user!.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'contest.create', entity: 'contest', entityId: id, orgId: input.orgId, after: input });
    return { id };
  });
}

type ContestFilters = Omit<z.infer<typeof contestListQuery>, 'page' | 'pageSize'>;

/** The contests in `scope` as the list filters them: the list and its export share it. */
function filteredContests(tx: Tx, user: Caller['user'], scope: Scope, query: ContestFilters) {
  let q = contests(tx, user).where(readableByCadre(scope));
  if (query.orgId) q = q.where(inSubtree('contests.org_id', query.orgId));
  return q;
}

export async function listContests(deps: Deps, caller: Caller, query: z.infer<typeof contestListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filteredContests(deps.db, caller.user, caller.scope, query), query, (q) => q.orderBy('contests.id', 'desc'));
  return { items: rows.map(contestView), total };
}

/** The contests as the list filters them, in Excel. */
export async function exportContests(deps: Deps, caller: Caller, query: z.infer<typeof contestExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'contests',
    title: t.contests,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filteredContests(deps.db, caller.user, scope, filters),
    keyset: 'contests.id',
    columns: [
      { header: t.title, value: (c) => c.title, width: 30 },
      { header: t.theme, value: (c) => c.theme, width: 16 },
      { header: t.org, value: (c) => c.org_name, width: 28 },
      { header: t.entryKind, value: (c, lang) => t[c.entry_kind][lang], width: 12 },
      { header: t.submitOpensAt, value: (c) => shanghaiMinute(c.submit_opens_at), width: 18 },
      { header: t.submitClosesAt, value: (c) => shanghaiMinute(c.submit_closes_at), width: 18 },
      { header: t.voteOpensAt, value: (c) => shanghaiMinute(c.vote_opens_at), width: 18 },
      { header: t.voteClosesAt, value: (c) => shanghaiMinute(c.vote_closes_at), width: 18 },
      { header: t.approvedEntries, value: (c) => Number(c.approved ?? 0), width: 10 },
      { header: t.pendingEntries, value: (c) => Number(c.pending ?? 0), width: 10 },
      { header: t.status, value: (c, lang) => t[c.status][lang], width: 10 },
    ],
  });
}

/**
 * A contest as a person reaches it: cadres with activity.read over its org, or workers in its
 * audience (open to all, or a membership inside its org's subtree). Anything else is 404.
 */
async function reachableContest(tx: Tx, caller: Caller, contestId: number) {
  const user = caller.user!;
  const member = await membershipOf(tx, user.id);
  const cadreScope = scopeFor(user.grants, 'activity.read');
  const c = await contests(tx, caller.user)
    .where('contests.id', '=', contestId)
    .where((eb) => eb.or([readableByCadre(cadreScope), readableByPerson(member?.org_id ?? null)]))
    .executeTakeFirst();
  if (!c) {
    // A worker who is no member, sent the link of a members' contest, is told it is for members, not that it is gone.
    if (!member && (await tx.selectFrom('contests').select('id').where('id', '=', contestId).where('status', '=', 'published').executeTakeFirst())) {
      throw new AppError(403, 'contest_members_only');
    }
    throw notFound('contest');
  }
  return { c, member, isCadre: cadreScope.all || cadreScope.roots.length > 0 };
}

export async function getContest(deps: Deps, caller: Caller, id: number) {
  return contestView((await reachableContest(deps.db, caller, id)).c);
}

export async function availableContests(deps: Deps, caller: Caller) {
  const member = await membershipOf(deps.db, caller.user!.id);
  const rows = await contests(deps.db, caller.user)
    .where('contests.status', '=', 'published')
    .where('contests.vote_closes_at', '>', caller.actor.now)
    .where(readableByPerson(member?.org_id ?? null))
    .orderBy('contests.vote_closes_at')
    .limit(100)
    .execute();
  return { items: rows.map(contestView), total: rows.length };
}

/** Re-encodes a photo upright without any metadata (EXIF location included) and makes a thumbnail. */
async function processPhoto(file: string): Promise<{ file: string; thumb: string }> {
  const clean = `${file}.jpg`;
  const thumb = `${file}.thumb.jpg`;
  // sharp (libvips) is loaded on the first photo, not at every server start.
  const { default: sharp } = await import('sharp');
  await sharp(file).rotate().resize({ width: 2048, height: 2048, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 }).toFile(clean);
  await sharp(clean).resize({ width: 480, height: 480, fit: 'cover' }).jpeg({ quality: 75 }).toFile(thumb);
  fs.rmSync(file, { force: true });
  return { file: clean, thumb };
}

export async function submitEntry(deps: Deps, caller: Caller, contestId: number, req: { isMultipart(): boolean; parts(): AsyncIterableIterator<any>; body: unknown }) {
  const { c, member } = await reachableContest(deps.db, caller, contestId);
  if (!member) throw refused('contest_members_only');
  const problem = checkSubmit(windowOf(c), caller.actor.now);
  if (problem) throw refused(problem);
  let fields: Record<string, unknown> = (req.body as Record<string, unknown>) ?? {};
  let stored: { file: string; thumb: string | null; mime: string } | null = null;
  if (req.isMultipart()) {
    if (c.entry_kind === 'text') throw fieldError('file', 'contest_text_only');
    const got = await receiveFile(req.parts(), spoolDir(deps.config.dataDir), {
      maxBytes: entryFiles[c.entry_kind].maxBytes,
      allowed: entryFiles[c.entry_kind].kinds,
      required: c.entry_kind === 'photo',
    });
    fields = got.fields;
    if (got.stored) {
      try {
        stored = c.entry_kind === 'photo' ? { ...(await processPhoto(got.stored.file)), mime: 'image/jpeg' } : { file: got.stored.file, thumb: null, mime: got.stored.type };
      } catch {
        for (const f of [got.stored.file, `${got.stored.file}.jpg`, `${got.stored.file}.thumb.jpg`]) fs.rmSync(f, { force: true });
        throw fieldError('file', 'image_unreadable');
      }
    }
  }
  const removeFiles = () => {
    if (stored) for (const f of [stored.file, stored.thumb]) if (f) fs.rmSync(f, { force: true });
  };
  try {
    const parsed = entryFields.safeParse(fields);
    if (!parsed.success) throw invalidFields(fieldErrorsFromIssues(parsed.error.issues as never, fields, caller.lang));
    const entry = parsed.data;
    if (c.entry_kind === 'photo' && !stored) throw fieldError('file', 'photo_required');
    if (c.entry_kind === 'text' && !entry.body) throw fieldError('body', 'entry_body_required');
    if (c.entry_kind === 'video' && !stored && !entry.link) throw fieldError('link', 'video_required');
    const files = stored ? [stored.file, stored.thumb].filter((f) => f !== null).map((f) => ({ spool: f, key: entryKey(contestId, f) })) : [];
    return await keepUploads(deps, files, async (tx) => {
      const [{ n }] = await tx.selectFrom('contest_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('contest_id', '=', contestId).where('user_id', '=', caller.user!.id).execute();
      const slot = Number(n) + 1;
      if (slot > c.entries_per_member) throw refused('contest_entry_limit', { count: c.entries_per_member });
      const { id } = await tx
        .insertInto('contest_entries')
        .values({
          contest_id: contestId,
          user_id: caller.user!.id,
          member_id: member.id,
          slot,
          title: entry.title,
          body: entry.body,
          link: entry.link ?? null,
          file_path: stored ? entryKey(contestId, stored.file) : null,
          thumb_path: stored?.thumb ? entryKey(contestId, stored.thumb) : null,
          mime: stored?.mime ?? null,
          status: 'pending',
          reason: null,
          moderated_by: null,
          moderated_at: null,
          created_at: caller.actor.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'contest_entry.create', entity: 'contest_entry', entityId: id, orgId: c.org_id, after: { contestId, title: entry.title, hasFile: !!stored } });
      return { id, status: 'pending' as const };
    });
  } catch (err) {
    removeFiles();
    if (isUniqueViolation(err)) throw refused('contest_entry_limit', { count: c.entries_per_member });
    throw err;
  }
}

function entries(tx: Tx) {
  return tx
    .selectFrom('contest_entries as e')
    .innerJoin('users', 'users.id', 'e.user_id')
    .leftJoin('members', 'members.id', 'e.member_id')
    .select([
      'e.id', 'e.contest_id', 'e.user_id', 'e.title', 'e.body', 'e.link', 'e.file_path', 'e.thumb_path', 'e.status', 'e.reason', 'e.created_at',
      'members.name as member_name', 'users.display_name',
    ])
    .select((eb) => eb.selectFrom('contest_votes as v').select((c) => c.fn.countAll<number>().as('n')).whereRef('v.entry_id', '=', 'e.id').as('votes'));
}
type EntryRow = Awaited<ReturnType<ReturnType<typeof entries>['executeTakeFirstOrThrow']>>;

function entryView(e: EntryRow) {
  return {
    id: e.id,
    contestId: e.contest_id,
    title: e.title,
    body: e.body,
    link: e.link,
    author: e.member_name ?? e.display_name,
    hasFile: e.file_path !== null,
    fileUrl: e.file_path ? `/api/contest-entries/${e.id}/file` : null,
    thumbUrl: e.thumb_path ? `/api/contest-entries/${e.id}/file?thumb=1` : e.file_path ? `/api/contest-entries/${e.id}/file` : null,
    status: e.status,
    reason: e.reason,
    votes: Number(e.votes ?? 0),
    createdAt: e.created_at,
  };
}

async function contestInScope(tx: Tx, caller: Caller, id: number) {
  const c = await contests(tx, caller.user).where('contests.id', '=', id).where(readableByCadre(caller.scope)).executeTakeFirst();
  if (!c) throw notFound('contest');
  return c;
}

type EntryFilters = Omit<z.infer<typeof entryListQuery>, 'page' | 'pageSize'>;

/** A contest's entries in `scope` as the moderation list filters them: the list and its export share it. */
function filteredEntries(tx: Tx, scope: Scope, contestId: number, query: EntryFilters) {
  let q = entries(tx).innerJoin('contests', 'contests.id', 'e.contest_id').where('e.contest_id', '=', contestId).where(readableByCadre(scope));
  if (query.status) q = q.where('e.status', '=', query.status);
  return q;
}

export async function moderationList(deps: Deps, caller: Caller, contestId: number, query: z.infer<typeof entryListQuery>) {
  const c = await contestInScope(deps.db, caller, contestId);
  const { rows, total } = await paginate(filteredEntries(deps.db, caller.scope, contestId, query), query, (q) => q.orderBy('e.id'));
  return { items: rows.map((e) => ({ ...entryView(e), actions: entryActions(e.status, c.writes === 1) })), total };
}

/** A contest's entries as the moderation list filters them, in Excel: authors by the real name of their member record. */
export async function exportEntries(deps: Deps, caller: Caller, contestId: number, query: z.infer<typeof entryExportQuery>) {
  const c = await contestInScope(deps.db, caller, contestId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'contest_entries',
    title: { zh: `${t.entries.zh}（${c.title}）`, en: `${t.entries.en} (${c.title})` },
    orgId: c.org_id,
    filters: { contestId, ...filters },
    full,
    rows: (scope) => filteredEntries(deps.db, scope, contestId, filters).leftJoin('orgs as u', 'u.id', 'members.org_id').select(['members.member_no', 'u.name as union_name']),
    keyset: 'e.id',
    columns: [
      { header: t.entryTitle, value: (e) => e.title, width: 30 },
      { header: t.author, value: (e) => e.member_name ?? e.display_name, width: 12 },
      { header: t.memberNo, value: (e) => e.member_no, text: true, width: 16 },
      { header: t.union, value: (e) => e.union_name, width: 28 },
      { header: t.votes, value: (e) => Number(e.votes ?? 0), width: 8 },
      { header: t.status, value: (e, lang) => t[e.status][lang], width: 10 },
      { header: t.reason, value: (e) => e.reason, width: 24 },
      { header: t.createdAt, value: (e) => shanghaiMinute(e.created_at), width: 18 },
    ],
  });
}

export async function moderate(deps: Deps, caller: Caller, entryId: number, decision: 'approved' | 'rejected', reason: string | null) {
  return deps.db.transaction().execute(async (tx) => {
    const e = await tx
      .selectFrom('contest_entries')
      .innerJoin('contests', 'contests.id', 'contest_entries.contest_id')
      .select(['contest_entries.id', 'contest_entries.contest_id', 'contest_entries.status', 'contest_entries.user_id', 'contest_entries.title', 'contests.org_id', 'contests.title as contest_title'])
      .where('contest_entries.id', '=', entryId)
      .where(readableByCadre(caller.scope))
      .executeTakeFirst();
    if (!e) throw notFound('contest_entry');
    const decided = checkModerate(e.status);
    if (decided) throw conflict(decided);
    await tx.updateTable('contest_entries').set({ status: decision, reason, moderated_by: caller.user!.id, moderated_at: caller.actor.now }).where('id', '=', entryId).execute();
    await audit(tx, caller.actor, { action: `contest_entry.${decision === 'approved' ? 'approve' : 'reject'}`, entity: 'contest_entry', entityId: entryId, orgId: e.org_id, before: { status: 'pending' }, after: { status: decision, reason } });
    await notify(tx, deps, [e.user_id], {
      kind: decision === 'approved' ? 'contest_entry_approved' : 'contest_entry_rejected',
      params: { contest: e.contest_title, title: e.title, reason: reason ?? '' },
      link: `/m/contests/${e.contest_id}`,
      key: `contest_entry:${entryId}`,
    });
    return { id: entryId, status: decision };
  });
}

/** A member's own entries, pending and rejected ones too, so they know where each stands and why. */
export async function myEntries(deps: Deps, caller: Caller, contestId: number) {
  await reachableContest(deps.db, caller, contestId);
  const rows = await entries(deps.db).where('e.contest_id', '=', contestId).where('e.user_id', '=', caller.user!.id).orderBy('e.id', 'desc').execute();
  return { items: rows.map(entryView), total: rows.length };
}

export async function gallery(deps: Deps, caller: Caller, contestId: number) {
  await reachableContest(deps.db, caller, contestId);
  const rows = await entries(deps.db).where('e.contest_id', '=', contestId).where('e.status', '=', 'approved').orderBy('e.id').execute();
  const mine = new Set(
    (await deps.db.selectFrom('contest_votes').select('entry_id').where('contest_id', '=', contestId).where('user_id', '=', caller.user!.id).execute()).map((v) => v.entry_id),
  );
  return { items: rows.map((e) => ({ ...entryView(e), votedByMe: mine.has(e.id), mine: e.user_id === caller.user!.id })), total: rows.length };
}

export async function results(deps: Deps, caller: Caller, contestId: number) {
  await reachableContest(deps.db, caller, contestId);
  const rows = await entries(deps.db).where('e.contest_id', '=', contestId).where('e.status', '=', 'approved').execute();
  const ranked = rank(rows.map(entryView));
  return { items: ranked, total: ranked.length };
}

export async function vote(deps: Deps, caller: Caller, entryId: number) {
  const user = caller.user!;
  const target = await deps.db.selectFrom('contest_entries').select(['contest_id']).where('id', '=', entryId).executeTakeFirst();
  if (!target) throw notFound('contest_entry');
  const { c, member } = await reachableContest(deps.db, caller, target.contest_id);
  if (!member) throw refused('contest_members_only');
  const problem = checkVote(windowOf(c), caller.actor.now);
  if (problem) throw refused(problem);
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const e = await tx.selectFrom('contest_entries').select(['status', 'user_id']).where('id', '=', entryId).executeTakeFirstOrThrow();
      if (e.status !== 'approved') throw refused('contest_entry_not_approved');
      if (e.user_id === user.id) throw refused('contest_own_entry');
      if (await tx.selectFrom('contest_votes').select('id').where('entry_id', '=', entryId).where('user_id', '=', user.id).executeTakeFirst()) throw conflict('contest_already_voted');
      const [{ n }] = await tx.selectFrom('contest_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('contest_id', '=', c.id).where('user_id', '=', user.id).execute();
      const slot = Number(n) + 1;
      if (slot > c.votes_per_member) throw refused('contest_vote_limit', { count: c.votes_per_member });
      const { id } = await tx.insertInto('contest_votes').values({ contest_id: c.id, entry_id: entryId, user_id: user.id, slot, created_at: caller.actor.now }).returning('id').executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'contest_vote.create', entity: 'contest_entry', entityId: entryId, orgId: c.org_id, after: { voteId: id } });
      return { id };
    });
  } catch (err) {
    // Simultaneous votes: the (entry, user) and (contest, user, slot) unique keys let one through.
    if (isUniqueViolation(err)) throw conflict('contest_already_voted');
    throw err;
  }
}

/** An entry's file, to whoever may see it: its author, cadres in scope, or the audience once approved. */
export async function entryFile(deps: Deps, caller: Caller, entryId: number, thumb: boolean) {
  const e = await deps.db.selectFrom('contest_entries').select(['contest_id', 'user_id', 'status', 'file_path', 'thumb_path', 'mime', 'title']).where('id', '=', entryId).executeTakeFirst();
  if (!e || !e.file_path) throw notFound('contest_entry');
  const { isCadre } = await reachableContest(deps.db, caller, e.contest_id);
  if (e.status !== 'approved' && e.user_id !== caller.user!.id && !isCadre) throw notFound('contest_entry');
  const key = thumb && e.thumb_path ? e.thumb_path : e.file_path;
  const body = await deps.files.open(key);
  if (!body) throw notFound('contest_entry');
  return { body, type: thumb && e.thumb_path ? 'image/jpeg' : (e.mime ?? 'application/octet-stream'), name: `${e.title}${path.extname(key)}` };
}
