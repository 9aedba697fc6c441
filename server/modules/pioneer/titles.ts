import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refused } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope } from '../../platform/access.ts';
import { audit, type Actor } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { translate, type Lang, type MessageCode } from '../../platform/i18n.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { checkRecommendation, levels, nextLevel, points, proposesRevocation, type IncidentKind, type Level, type PioneerType } from './rules.ts';
import { exportTexts as t, labelOf } from './messages.ts';
import { readableEnterprises, readableTitles, type Reader } from './policy.ts';
import type { decisionBody, incidentBody, incidentListQuery, inspectionResultBody, revocationDecisionBody, revokeBody, rewardBody, titleExportQuery, titleListQuery } from './schema.ts';

/**
 * Titles (工人先锋号称号) and what keeps them honest: recommendation to the next level and the
 * higher level's decision, periodic inspections, revocation (proposed automatically when an
 * incident is recorded against the team's enterprise), rewards. Scope: the union covering the
 * team's enterprise when the title was given.
 */

/** Titles with their team, enterprise and union. */
const titlesWithTeams = (tx: Tx) =>
  tx
    .selectFrom('pioneer_titles as t')
    .innerJoin('teams', 'teams.id', 't.team_id')
    .innerJoin('enterprises', 'enterprises.id', 't.enterprise_id')
    .innerJoin('orgs', 'orgs.id', 't.org_id');

const titleColumns = [
  't.id', 't.team_id', 'teams.name as team_name', 't.enterprise_id', 'enterprises.name as enterprise_name', 't.org_id', 'orgs.name as org_name', 't.type',
  't.level', 't.year', 't.named_on', 't.document_no', 't.source', 't.status', 't.revoked_on', 't.revocation_reason', 't.campaign_id', 't.candidate_id',
] as const;

type TitleRow = Awaited<ReturnType<ReturnType<typeof titleRows>['executeTakeFirstOrThrow']>>;
const titleRows = (tx: Tx) => titlesWithTeams(tx).select(titleColumns);

/** Where a titled (or registering) team sits: its enterprise and the union covering it, as the API shows them (schema.ts `teamPlace`). */
export const teamPlaceView = (r: { team_id: number; team_name: string; enterprise_id: number; enterprise_name: string; org_id: number; org_name: string }) => ({
  teamId: r.team_id,
  teamName: r.team_name,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  orgId: r.org_id,
  orgName: r.org_name,
});

const titleItemView = (r: TitleRow) => ({
  id: r.id,
  ...teamPlaceView(r),
  type: r.type,
  level: r.level,
  year: r.year,
  namedOn: r.named_on,
  documentNo: r.document_no,
  source: r.source,
  status: r.status,
  revokedOn: r.revoked_on,
  revocationReason: r.revocation_reason,
});

type TitleFilters = Omit<z.infer<typeof titleListQuery>, 'page' | 'pageSize'>;

/** The titles a reader sees as the list filters them: the list and its export share it. */
function filteredTitles(tx: Tx, reader: Reader, query: TitleFilters) {
  let base = titlesWithTeams(tx).where(readableTitles(reader));
  if (query.orgId) base = base.where(inSubtree('t.org_id', query.orgId));
  if (query.level) base = base.where('t.level', '=', query.level);
  if (query.type) base = base.where('t.type', '=', query.type);
  if (query.status) base = base.where('t.status', '=', query.status);
  if (query.year) base = base.where('t.year', '=', query.year);
  if (query.q) base = base.where((eb) => eb.or([eb('teams.name', 'like', `%${query.q}%`), eb('enterprises.name', 'like', `%${query.q}%`)]));
  return base;
}

export async function listTitles(deps: Deps, caller: Caller, query: z.infer<typeof titleListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filteredTitles(deps.db, caller, query), query, (q) => q.select(titleColumns).orderBy('t.year', 'desc').orderBy('t.id', 'desc'));
  return { items: rows.map(titleItemView), total };
}

/** The titles as the list filters them, in Excel. */
export async function exportTitles(deps: Deps, caller: Caller, query: z.infer<typeof titleExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'pioneer_titles',
    title: t.titles,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filteredTitles(deps.db, { scope, user: caller.user }, filters).select(titleColumns),
    keyset: 't.id',
    columns: [
      { header: t.team, value: (r) => r.team_name, width: 20 },
      { header: t.enterprise, value: (r) => r.enterprise_name, width: 28 },
      { header: t.union, value: (r) => r.org_name, width: 28 },
      { header: t.type, value: (r, lang) => labelOf(`pioneer_type_${r.type}`, lang), width: 14 },
      { header: t.level, value: (r, lang) => labelOf(`pioneer_level_${r.level}`, lang), width: 8 },
      { header: t.year, value: (r) => r.year, width: 8 },
      { header: t.namedOn, value: (r) => r.named_on, width: 12 },
      { header: t.documentNo, value: (r) => r.document_no, width: 20 },
      { header: t.source, value: (r, lang) => t[`source_${r.source}`][lang], width: 10 },
      { header: t.status, value: (r, lang) => t[r.status][lang], width: 8 },
      { header: t.revokedOn, value: (r) => r.revoked_on, width: 12 },
      { header: t.revocationReason, value: (r) => r.revocation_reason, width: 24 },
    ],
  });
}

async function readableTitle(tx: Tx, reader: Reader, titleId: number) {
  const row = await titleRows(tx).where('t.id', '=', titleId).where(readableTitles(reader)).executeTakeFirst();
  if (!row) throw notFound('pioneer_title');
  return row;
}

export interface NewTitle {
  teamId: number;
  enterpriseId: number;
  orgId: number;
  type: PioneerType;
  level: Level;
  year: number;
  namedOn: string | null;
  documentNo: string | null;
  source: 'campaign' | 'recommendation' | 'import';
  campaignId?: number;
  candidateId?: number;
}

/** Titles per statement: at 16 values a title, well within both engines' limits on bound parameters. */
const BATCH = 500;

/** Writes new titles, active and unrevoked, however they came (naming, a higher level's decision, an import); answers their ids. */
export async function insertTitles(tx: Tx, now: string, titles: NewTitle[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < titles.length; i += BATCH) {
    const rows = await tx
      .insertInto('pioneer_titles')
      .values(
        titles.slice(i, i + BATCH).map((t) => ({
          team_id: t.teamId,
          enterprise_id: t.enterpriseId,
          org_id: t.orgId,
          type: t.type,
          level: t.level,
          year: t.year,
          named_on: t.namedOn,
          document_no: t.documentNo,
          source: t.source,
          campaign_id: t.campaignId ?? null,
          candidate_id: t.candidateId ?? null,
          status: 'active' as const,
          revoked_on: null,
          revocation_reason: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** A title's timeline and certificate in the caller's language (Chinese unless they asked for English). */
function titleTexts(lang: Lang) {
  const say = (code: MessageCode, params: Record<string, string> = {}) => translate(code, lang, params);
  const level = (l: Level) => `pioneer_level_${l}`;
  const type = (t: PioneerType) => `pioneer_type_${t}`;
  return { say, level, type };
}

/** A title's whole life in one answer: how it was named, the levels above, inspections, revocations, rewards. */
export async function titleHistory(deps: Deps, caller: Caller, titleId: number) {
  const t = await readableTitle(deps.db, caller, titleId);
  const db = deps.db;
  const [campaign, ladder, recommendations, inspections, revocations, rewards] = await Promise.all([
    t.candidate_id
      ? db
          .selectFrom('pioneer_candidates as cand')
          .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
          .select(['camp.id', 'camp.name', 'camp.year', 'cand.score', 'cand.rank', 'cand.award'])
          .where('cand.id', '=', t.candidate_id)
          .executeTakeFirst()
      : undefined,
    db.selectFrom('pioneer_titles').select(['id', 'level', 'year', 'status', 'source']).where('team_id', '=', t.team_id).where('type', '=', t.type).orderBy('year').orderBy('id').execute(),
    db.selectFrom('pioneer_recommendations').selectAll().where('title_id', '=', titleId).orderBy('id').execute(),
    db.selectFrom('pioneer_inspections').selectAll().where('title_id', '=', titleId).orderBy('due_on').orderBy('id').execute(),
    db.selectFrom('pioneer_revocations').selectAll().where('title_id', '=', titleId).orderBy('id').execute(),
    db.selectFrom('pioneer_rewards').selectAll().where('title_id', '=', titleId).orderBy('awarded_on').orderBy('id').execute(),
  ]);
  // People's own words (document numbers, reasons, descriptions) follow a registered text as they are.
  const { say, level, type } = titleTexts(caller.lang);
  const named = { level: level(t.level), type: type(t.type) };
  const events: { on: string; kind: string; text: string }[] = [];
  events.push({ on: t.named_on ?? `${t.year}`, kind: 'naming', text: t.document_no ? say('pioneer_event_naming_document', named) + t.document_no : say('pioneer_event_naming', named) });
  for (const r of recommendations) {
    const to = { level: level(r.to_level) };
    events.push({ on: r.recommended_on, kind: 'recommendation', text: say('pioneer_event_recommendation', to) });
    if (r.decided_on) events.push({ on: r.decided_on, kind: 'decision', text: say(r.status === 'named' ? 'pioneer_event_named' : 'pioneer_event_not_named', to) });
  }
  for (const i of inspections) {
    events.push(
      i.inspected_on
        ? { on: i.inspected_on, kind: 'inspection', text: say('pioneer_event_inspection', { result: `pioneer_inspection_${i.result!}` }) }
        : { on: i.due_on, kind: 'inspection_scheduled', text: say('pioneer_event_inspection_scheduled') },
    );
  }
  for (const r of revocations) {
    events.push({ on: r.proposed_on, kind: 'revocation_proposed', text: say('pioneer_event_revocation_proposed') + r.reason });
    if (r.decided_on) events.push({ on: r.decided_on, kind: `revocation_${r.status}`, text: r.status === 'confirmed' ? say('pioneer_event_revoked') + r.reason : say('pioneer_event_revocation_dismissed') });
  }
  for (const w of rewards) events.push({ on: w.awarded_on, kind: 'reward', text: say('pioneer_event_reward') + w.description });
  events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    ...titleItemView(t),
    campaign: campaign ? { id: campaign.id, name: campaign.name, year: campaign.year, score: points(campaign.score), rank: campaign.rank, award: campaign.award } : null,
    ladder: ladder.sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level) || a.year - b.year),
    recommendations: recommendations.map(recommendationView),
    inspections: inspections.map((i) => ({ id: i.id, titleId: i.title_id, dueOn: i.due_on, status: i.status, result: i.result, notes: i.notes, inspectedOn: i.inspected_on })),
    revocations: revocations.map(revocationView),
    rewards: rewards.map((w) => ({ id: w.id, titleId: w.title_id, awardedOn: w.awarded_on, description: w.description, amountFen: w.amount_fen })),
    events,
  };
}

/** Everything the printable A4 certificate shows. */
export async function certificate(deps: Deps, caller: Caller, titleId: number) {
  const t = await readableTitle(deps.db, caller, titleId);
  const { say, level, type } = titleTexts(caller.lang);
  const issuer = t.campaign_id
    ? (await deps.db.selectFrom('pioneer_campaigns as camp').innerJoin('orgs', 'orgs.id', 'camp.org_id').select('orgs.name').where('camp.id', '=', t.campaign_id).executeTakeFirstOrThrow()).name
    : say('pioneer_certificate_issuer', { level: level(t.level) });
  return {
    titleId: t.id,
    certificateNo: `GRXFH-${t.year}-${String(t.id).padStart(6, '0')}`,
    title: say('pioneer_certificate_title', { level: level(t.level), type: type(t.type) }),
    teamName: t.team_name,
    enterpriseName: t.enterprise_name,
    type: t.type,
    typeName: labelOf(`pioneer_type_${t.type}`, caller.lang),
    level: t.level,
    levelName: labelOf(`pioneer_level_${t.level}`, caller.lang),
    year: t.year,
    namedOn: t.named_on,
    documentNo: t.document_no,
    issuer,
    status: t.status,
  };
}

// ---------- recommendation upward ----------

type RecommendationRow = { id: number; title_id: number; to_level: TitleRow['level']; recommended_on: string; status: 'pending' | 'named' | 'not_named'; decided_on: string | null; document_no: string | null; result_title_id: number | null };
const recommendationView = (r: RecommendationRow) => ({
  id: r.id,
  titleId: r.title_id,
  toLevel: r.to_level,
  recommendedOn: r.recommended_on,
  status: r.status,
  decidedOn: r.decided_on,
  documentNo: r.document_no,
  resultTitleId: r.result_title_id,
});

export async function recommend(deps: Deps, caller: Caller, titleId: number, recommendedOn: string | undefined) {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const t = await readableTitle(tx, caller, titleId);
      const open = await tx.selectFrom('pioneer_recommendations').select('id').where('title_id', '=', titleId).where('status', '=', 'pending').execute();
      const problem = checkRecommendation(t, open.length);
      if (problem) throw problem.code === 'pioneer_recommendation_open' ? conflict(problem.code) : refused(problem.code, problem.params);
      const row = await tx
        .insertInto('pioneer_recommendations')
        .values({
          title_id: titleId,
          to_level: nextLevel(t.level)!,
          recommended_on: recommendedOn ?? today(deps),
          recommended_by: caller.user!.id,
          status: 'pending',
          decided_on: null,
          document_no: null,
          result_title_id: null,
          open_key: titleId,
          created_at: caller.actor.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'recommendation.create', entity: 'recommendation', entityId: row.id, orgId: t.org_id, after: recommendationView(row) });
      return recommendationView(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('pioneer_recommendation_open');
    throw err;
  }
}

/** The higher level's decision as it arrives; when named, the team gains that level's title. */
export async function decideRecommendation(deps: Deps, caller: Caller, recommendationId: number, input: z.infer<typeof decisionBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await tx
      .selectFrom('pioneer_recommendations as r')
      .innerJoin('pioneer_titles as t', 't.id', 'r.title_id')
      .selectAll('r')
      .select(['t.team_id', 't.enterprise_id', 't.org_id', 't.type'])
      .where('r.id', '=', recommendationId)
      .where(readableTitles(caller))
      .executeTakeFirst();
    if (!r) throw notFound('recommendation');
    if (r.status !== 'pending') throw conflict('pioneer_recommendation_decided');
    const now = caller.actor.now;
    let resultTitleId: number | null = null;
    if (input.outcome === 'named') {
      [resultTitleId] = await insertTitles(tx, now, [
        {
          teamId: r.team_id,
          enterpriseId: r.enterprise_id,
          orgId: r.org_id,
          type: r.type,
          level: r.to_level,
          year: Number(input.decidedOn.slice(0, 4)),
          namedOn: input.decidedOn,
          documentNo: input.documentNo,
          source: 'recommendation',
        },
      ]);
    }
    const row = await tx
      .updateTable('pioneer_recommendations')
      .set({ status: input.outcome, decided_on: input.decidedOn, document_no: input.documentNo, result_title_id: resultTitleId, open_key: null })
      .where('id', '=', recommendationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: `recommendation.${input.outcome}`, entity: 'recommendation', entityId: recommendationId, orgId: r.org_id, before: { status: 'pending' }, after: recommendationView(row) });
    return recommendationView(row);
  });
}

// ---------- inspections ----------

export async function scheduleInspection(deps: Deps, caller: Caller, titleId: number, dueOn: string) {
  return deps.db.transaction().execute(async (tx) => {
    const t = await readableTitle(tx, caller, titleId);
    if (t.status === 'revoked') throw refused('pioneer_title_revoked');
    const row = await tx
      .insertInto('pioneer_inspections')
      .values({ title_id: titleId, due_on: dueOn, status: 'scheduled', result: null, notes: null, inspected_on: null, inspected_by: null, created_at: caller.actor.now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'inspection.schedule', entity: 'inspection', entityId: row.id, orgId: t.org_id, after: { titleId, dueOn } });
    return { id: row.id, titleId, dueOn, status: row.status, result: null, notes: null, inspectedOn: null };
  });
}

export async function recordInspection(deps: Deps, caller: Caller, inspectionId: number, input: z.infer<typeof inspectionResultBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const i = await tx
      .selectFrom('pioneer_inspections as i')
      .innerJoin('pioneer_titles as t', 't.id', 'i.title_id')
      .selectAll('i')
      .select('t.org_id')
      .where('i.id', '=', inspectionId)
      .where(readableTitles(caller))
      .executeTakeFirst();
    if (!i) throw notFound('inspection');
    if (i.status === 'done') throw conflict('pioneer_inspection_done');
    await tx
      .updateTable('pioneer_inspections')
      .set({ status: 'done', result: input.result, notes: input.notes, inspected_on: input.inspectedOn, inspected_by: caller.user!.id })
      .where('id', '=', inspectionId)
      .execute();
    await audit(tx, caller.actor, { action: 'inspection.record', entity: 'inspection', entityId: inspectionId, orgId: i.org_id, before: { status: 'scheduled' }, after: { status: 'done', ...input } });
    return { id: i.id, titleId: i.title_id, dueOn: i.due_on, status: 'done' as const, result: input.result, notes: input.notes, inspectedOn: input.inspectedOn };
  });
}

// ---------- revocation ----------

type RevocationRow = { id: number; title_id: number; status: 'proposed' | 'confirmed' | 'dismissed'; reason: string; incident_id: number | null; proposed_on: string; decided_on: string | null; note: string | null };
const revocationView = (r: RevocationRow) => ({
  id: r.id,
  titleId: r.title_id,
  status: r.status,
  reason: r.reason,
  incidentId: r.incident_id,
  proposedOn: r.proposed_on,
  decidedOn: r.decided_on,
  note: r.note,
});

async function revokeTitle(tx: Tx, actor: Actor, title: { id: number; org_id: number; status: string }, reason: string, revokedOn: string) {
  await tx.updateTable('pioneer_titles').set({ status: 'revoked', revoked_on: revokedOn, revocation_reason: reason, updated_at: actor.now }).where('id', '=', title.id).execute();
  await audit(tx, actor, { action: 'pioneer_title.revoke', entity: 'pioneer_title', entityId: title.id, orgId: title.org_id, before: { status: title.status }, after: { status: 'revoked', reason, revokedOn } });
}

/** A cadre revokes a title directly, with reason and date (recorded as a confirmed revocation). */
export async function revoke(deps: Deps, caller: Caller, titleId: number, input: z.infer<typeof revokeBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const t = await readableTitle(tx, caller, titleId);
    if (t.status === 'revoked') throw refused('pioneer_title_revoked');
    const row = await tx
      .insertInto('pioneer_revocations')
      .values({ title_id: titleId, status: 'confirmed', reason: input.reason, incident_id: null, proposed_on: input.revokedOn, decided_on: input.revokedOn, decided_by: caller.user!.id, note: null, created_at: caller.actor.now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await revokeTitle(tx, caller.actor, t, input.reason, input.revokedOn);
    return revocationView(row);
  });
}

/** A proposed revocation is confirmed (the title is revoked on that date) or dismissed. */
export async function decideRevocation(deps: Deps, caller: Caller, revocationId: number, input: z.infer<typeof revocationDecisionBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await tx
      .selectFrom('pioneer_revocations as r')
      .innerJoin('pioneer_titles as t', 't.id', 'r.title_id')
      .selectAll('r')
      .select(['t.org_id', 't.status as title_status'])
      .where('r.id', '=', revocationId)
      .where(readableTitles(caller))
      .executeTakeFirst();
    if (!r) throw notFound('revocation');
    if (r.status !== 'proposed') throw conflict('pioneer_revocation_decided');
    if (input.outcome === 'confirmed' && r.title_status === 'revoked') throw refused('pioneer_title_revoked');
    const row = await tx
      .updateTable('pioneer_revocations')
      .set({ status: input.outcome, decided_on: input.decidedOn, decided_by: caller.user!.id, note: input.note })
      .where('id', '=', revocationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: `revocation.${input.outcome === 'confirmed' ? 'confirm' : 'dismiss'}`, entity: 'revocation', entityId: revocationId, orgId: r.org_id, before: { status: 'proposed' }, after: revocationView(row) });
    if (input.outcome === 'confirmed') await revokeTitle(tx, caller.actor, { id: r.title_id, org_id: r.org_id, status: r.title_status }, r.reason, input.decidedOn);
    return revocationView(row);
  });
}

export async function addReward(deps: Deps, caller: Caller, titleId: number, input: z.infer<typeof rewardBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const t = await readableTitle(tx, caller, titleId);
    const row = await tx
      .insertInto('pioneer_rewards')
      .values({ title_id: titleId, awarded_on: input.awardedOn, description: input.description, amount_fen: input.amountFen ?? null, created_by: caller.user!.id, created_at: caller.actor.now })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = { id: row.id, titleId, awardedOn: row.awarded_on, description: row.description, amountFen: row.amount_fen };
    await audit(tx, caller.actor, { action: 'pioneer_title.reward', entity: 'pioneer_title', entityId: titleId, orgId: t.org_id, after: view });
    return view;
  });
}

// ---------- incidents ----------

/** Records an incident against an enterprise; every active title of its teams gets a revocation proposal. */
export async function recordIncident(deps: Deps, caller: Caller, input: z.infer<typeof incidentBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const e = await tx
      .selectFrom('enterprises')
      .select(['id', 'name', 'org_id'])
      .where('id', '=', input.enterpriseId)
      .where(readableEnterprises(caller))
      .executeTakeFirst();
    if (!e) throw notFound('enterprise');
    const now = caller.actor.now;
    const incident = await tx
      .insertInto('enterprise_incidents')
      .values({ enterprise_id: e.id, kind: input.kind, occurred_on: input.occurredOn, description: input.description, recorded_by: caller.user!.id, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'incident.record', entity: 'enterprise', entityId: e.id, orgId: e.org_id, after: { incidentId: incident.id, ...input } });
    const proposed: number[] = [];
    if (proposesRevocation(input.kind)) {
      const active = await tx.selectFrom('pioneer_titles').select(['id', 'org_id']).where('enterprise_id', '=', e.id).where('status', '=', 'active').orderBy('id').execute();
      // Stored with the title, so in the deployment's language (Chinese) whoever records it.
      const reason = translate('pioneer_incident_reason', 'zh', { date: input.occurredOn, kind: `incident_${input.kind}` }) + input.description;
      for (const t of active) {
        const { id } = await tx
          .insertInto('pioneer_revocations')
          .values({ title_id: t.id, status: 'proposed', reason, incident_id: incident.id, proposed_on: today(deps), decided_on: null, decided_by: null, note: null, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(tx, caller.actor, { action: 'revocation.propose', entity: 'revocation', entityId: id, orgId: t.org_id, after: { titleId: t.id, incidentId: incident.id, reason } });
        proposed.push(id);
      }
    }
    return { ...incidentView({ ...incident, enterprise_name: e.name }), proposedRevocations: proposed };
  });
}

const incidentView = (r: { id: number; enterprise_id: number; enterprise_name: string; kind: IncidentKind; occurred_on: string; description: string; created_at: string }) => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  kind: r.kind,
  occurredOn: r.occurred_on,
  description: r.description,
  createdAt: r.created_at,
});

export async function listIncidents(deps: Deps, caller: Caller, query: z.infer<typeof incidentListQuery>) {
  let base = deps.db.selectFrom('enterprise_incidents as i').innerJoin('enterprises', 'enterprises.id', 'i.enterprise_id').where(readableEnterprises(caller));
  if (query.enterpriseId) base = base.where('i.enterprise_id', '=', query.enterpriseId);
  const { rows, total } = await paginate(base, query, (q) =>
    q.select(['i.id', 'i.enterprise_id', 'enterprises.name as enterprise_name', 'i.kind', 'i.occurred_on', 'i.description', 'i.created_at']).orderBy('i.occurred_on', 'desc').orderBy('i.id', 'desc'),
  );
  return { items: rows.map(incidentView), total };
}
