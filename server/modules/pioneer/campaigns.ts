import type { Expression, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { exportTexts as t, labelOf } from './messages.ts';
import {
  campaignTransitions,
  campaignTransitionsFrom,
  checkCampaignDates,
  checkCampaignTransition,
  pioneerTypes,
  publicityLastDay,
  refuseFields,
  type CampaignFacts,
} from './rules.ts';
import { campaignManaged, managedCampaigns, readableCampaigns, readableCandidates, type Reader } from './policy.ts';
import { currentStandardIds, requireFederation } from './standards.ts';
import { aggregateScores, judgingGaps } from './judging.ts';
import { insertTitles } from './titles.ts';
import type { campaignExportQuery, campaignListQuery, createCampaignBody, transitionBody } from './schema.ts';

/**
 * Workers' Pioneer campaigns (创建活动): opening one, reading them with their progress, and the
 * campaign's state machine — each named transition guarded by rules.ts and carried out in one
 * transaction, audited. Who sees a campaign is policy.ts's `readableCampaigns`; who moves it,
 * `managedCampaigns`.
 */

/** The campaign row, when `filter` lets the caller see it; anyone else gets 404. */
async function campaignWhere(tx: Tx, campaignId: number, filter: Expression<SqlBool>) {
  const c = await tx.selectFrom('pioneer_campaigns as camp').selectAll('camp').where('camp.id', '=', campaignId).where(filter).executeTakeFirst();
  if (!c) throw notFound('pioneer_campaign');
  return c;
}

/** A campaign the caller manages or takes part in. */
export const readableCampaign = (tx: Tx, reader: Reader, campaignId: number) => campaignWhere(tx, campaignId, readableCampaigns(reader));

/** A campaign the caller manages: opened by a federation in scope. */
export const managedCampaign = (tx: Tx, reader: Reader, campaignId: number) => campaignWhere(tx, campaignId, managedCampaigns(reader));

type CampaignRow = Awaited<ReturnType<typeof managedCampaign>>;

/** Campaigns with the name of the federation that opened them. */
const campaignsWithOrg = (tx: Tx) => tx.selectFrom('pioneer_campaigns as camp').innerJoin('orgs', 'orgs.id', 'camp.org_id');

/** What a campaign's view is built from: its row, its federation's name, and whether the caller manages it. */
const viewColumns = (reader: Reader) => (q: ReturnType<typeof campaignsWithOrg>) => q.selectAll('camp').select(['orgs.name as org_name', campaignManaged(reader)]);

/**
 * The views of a page of campaigns, in a fixed number of queries whatever its size: the frozen
 * standards' versions and the progress figures of all of them at once. `candidates` narrows the
 * candidates counted (a cadre taking part counts only their own).
 */
async function campaignViews(tx: Tx, rows: (CampaignRow & { org_name: string; managed: number })[], candidates?: Expression<SqlBool>) {
  if (rows.length === 0) return [];
  const ids = rows.map((c) => c.id);
  const [standards, progress] = await Promise.all([
    tx
      .selectFrom('pioneer_campaign_standards as cs')
      .innerJoin('pioneer_standards as s', 's.id', 'cs.standard_id')
      .select(['cs.campaign_id', 'cs.type', 'cs.standard_id', 's.version'])
      .where('cs.campaign_id', 'in', ids)
      .orderBy('cs.type')
      .execute(),
    campaignProgress(tx, ids, candidates),
  ]);
  return rows.map((c) => ({
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    name: c.name,
    year: c.year,
    level: c.level,
    registrationDeadline: c.registration_deadline,
    assessmentDeadline: c.assessment_deadline,
    scoringDeadline: c.scoring_deadline,
    publicityDays: c.publicity_days,
    publicityStart: c.publicity_start,
    publicityEnd: c.publicity_end,
    quota: c.quota,
    scoringMethod: c.scoring_method,
    status: c.status,
    namedOn: c.named_on,
    documentNo: c.document_no,
    cancelReason: c.cancel_reason,
    createdAt: c.created_at,
    standards: standards.filter((s) => s.campaign_id === c.id).map((s) => ({ type: s.type, standardId: s.standard_id, version: s.version })),
    progress: progress.get(c.id)!,
    actions: c.managed ? campaignTransitionsFrom(c.status) : [],
  }));
}

/** One campaign's view, when `filter` lets the caller see it. */
async function campaignView(tx: Tx, reader: Reader, campaignId: number, filter: Expression<SqlBool>, candidates?: Expression<SqlBool>) {
  const row = await viewColumns(reader)(campaignsWithOrg(tx)).where('camp.id', '=', campaignId).where(filter).executeTakeFirst();
  if (!row) throw notFound('pioneer_campaign');
  return (await campaignViews(tx, [row], candidates))[0];
}

/** Per campaign, how many objections are still open. */
async function openObjections(tx: Tx, ids: number[]) {
  const rows = await tx
    .selectFrom('pioneer_objections')
    .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', 'in', ids)
    .where('status', '=', 'open')
    .groupBy('campaign_id')
    .execute();
  return new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
}

/** Per campaign: candidates by status, teams and workers taking part, judging progress, open objections. */
async function campaignProgress(tx: Tx, ids: number[], candidates?: Expression<SqlBool>) {
  let cands = tx
    .selectFrom('pioneer_candidates as cand')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
    .select(['cand.campaign_id', 'cand.status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('cand.worker_count').as('workers')])
    .where('cand.campaign_id', 'in', ids)
    .groupBy(['cand.campaign_id', 'cand.status']);
  if (candidates) cands = cands.where(candidates);
  const [byStatus, marks, objections] = await Promise.all([
    cands.execute(),
    tx
      .selectFrom('pioneer_assignments as a')
      .innerJoin('pioneer_candidates as cand', 'cand.id', 'a.candidate_id')
      .innerJoin('pioneer_campaign_standards as cs', (j) => j.onRef('cs.campaign_id', '=', 'a.campaign_id').onRef('cs.type', '=', 'cand.type'))
      .select([
        'a.campaign_id',
        (eb) => eb.fn.countAll<number>().as('assignments'),
        (eb) => eb.fn.sum<number>(eb.selectFrom('pioneer_criteria').select((c) => c.fn.countAll<number>().as('n')).whereRef('pioneer_criteria.standard_id', '=', 'cs.standard_id')).as('expected'),
        (eb) => eb.fn.sum<number>(eb.selectFrom('pioneer_scores').select((c) => c.fn.countAll<number>().as('n')).whereRef('pioneer_scores.assignment_id', '=', 'a.id')).as('given'),
      ])
      .where('a.campaign_id', 'in', ids)
      .where('cand.status', '!=', 'withdrawn')
      .groupBy('a.campaign_id')
      .execute(),
    openObjections(tx, ids),
  ]);
  return new Map(
    ids.map((id) => {
      const rows = byStatus.filter((r) => r.campaign_id === id);
      const live = rows.filter((r) => r.status !== 'withdrawn');
      const m = marks.find((r) => r.campaign_id === id);
      const taking = live.reduce((s, r) => s + Number(r.n), 0);
      return [
        id,
        {
          candidates: taking,
          byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
          teams: taking,
          workers: live.reduce((s, r) => s + Number(r.workers ?? 0), 0),
          assignments: Number(m?.assignments ?? 0),
          marksGiven: Number(m?.given ?? 0),
          marksExpected: Number(m?.expected ?? 0),
          openObjections: objections.get(id) ?? 0,
        },
      ];
    }),
  );
}

/** A county federation opens a campaign: the standards current for it now are frozen into it. */
export async function openCampaign(deps: Deps, caller: Caller, input: z.infer<typeof createCampaignBody>) {
  refuseFields(checkCampaignDates(input, today(deps)));
  return deps.db.transaction().execute(async (tx) => {
    await requireFederation(tx, caller, input.orgId, 'orgId');
    const now = caller.actor.now;
    const { id } = await tx
      .insertInto('pioneer_campaigns')
      .values({
        org_id: input.orgId,
        name: input.name,
        year: input.year,
        level: 'county',
        registration_deadline: input.registrationDeadline,
        assessment_deadline: input.assessmentDeadline,
        scoring_deadline: input.scoringDeadline,
        publicity_days: input.publicityDays,
        publicity_start: null,
        publicity_end: null,
        quota: input.quota,
        scoring_method: input.scoringMethod,
        status: 'registration',
        named_on: null,
        document_no: null,
        cancel_reason: null,
        created_by: caller.user!.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const frozen = await currentStandardIds(tx, input.orgId);
    await tx
      .insertInto('pioneer_campaign_standards')
      .values(pioneerTypes.map((type) => ({ campaign_id: id, type, standard_id: frozen.get(type)! })))
      .execute();
    const view = await campaignView(tx, caller, id, managedCampaigns(caller));
    await audit(tx, caller.actor, { action: 'pioneer_campaign.open', entity: 'pioneer_campaign', entityId: id, orgId: input.orgId, after: view });
    return view;
  });
}

type CampaignFilters = Omit<z.infer<typeof campaignListQuery>, 'page' | 'pageSize'>;

/** The campaigns a reader manages or takes part in, as the list filters them: the list and its export share it. */
function filteredCampaigns(tx: Tx, reader: Reader, query: CampaignFilters) {
  let base = campaignsWithOrg(tx).where(readableCampaigns(reader));
  if (query.year) base = base.where('camp.year', '=', query.year);
  if (query.status) base = base.where('camp.status', '=', query.status);
  return base;
}

/** Campaigns the caller manages or takes part in, newest first, each with the whole campaign's progress. */
export async function listCampaigns(deps: Deps, caller: Caller, query: z.infer<typeof campaignListQuery>) {
  const { rows, total } = await paginate(filteredCampaigns(deps.db, caller, query), query, (q) => viewColumns(caller)(q).orderBy('camp.id', 'desc'));
  return { items: await campaignViews(deps.db, rows), total };
}

/** The campaigns as the list filters them, in Excel, with their progress. */
export async function exportCampaigns(deps: Deps, caller: Caller, query: z.infer<typeof campaignExportQuery>) {
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'pioneer_campaigns',
    title: t.campaigns,
    filters,
    full,
    rows: (scope) => viewColumns({ scope, user: caller.user })(filteredCampaigns(deps.db, { scope, user: caller.user }, filters)),
    keyset: 'camp.id',
    prepare: (rows) => campaignViews(deps.db, rows),
    columns: [
      { header: t.campaign, value: (c) => c.name, width: 30 },
      { header: t.org, value: (c) => c.orgName, width: 28 },
      { header: t.year, value: (c) => c.year, width: 8 },
      { header: t.registrationDeadline, value: (c) => c.registrationDeadline, width: 12 },
      { header: t.quota, value: (c) => c.quota, width: 8 },
      { header: t.candidatesCount, value: (c) => c.progress.candidates, width: 10 },
      { header: t.workers, value: (c) => c.progress.workers, width: 10 },
      { header: t.status, value: (c, lang) => labelOf(`pioneer_status_${c.status}`, lang), width: 12 },
      { header: t.namedOn, value: (c) => c.namedOn, width: 12 },
      { header: t.documentNo, value: (c) => c.documentNo, width: 20 },
    ],
  });
}

/** One campaign; a cadre taking part sees their own candidates' counts, not the whole campaign's. */
export async function getCampaign(deps: Deps, caller: Caller, campaignId: number) {
  return campaignView(deps.db, caller, campaignId, readableCampaigns(caller), readableCandidates(caller));
}

// ---------- the state machine ----------

/** What the guards of rules.ts look at, read inside the transition's transaction. */
async function campaignFacts(tx: Tx, c: CampaignRow, day: string, nominees: number[]): Promise<CampaignFacts> {
  const candidates = await tx.selectFrom('pioneer_candidates').select(['id', 'status', 'type']).where('campaign_id', '=', c.id).execute();
  const submitted = candidates.filter((x) => x.status === 'submitted');
  // Only the aggregate guard (from scoring) reads the judging gaps.
  const gaps = c.status === 'scoring' ? await judgingGaps(tx, c.id, submitted) : { withoutJudges: 0, missingMarks: 0 };
  const scored = new Set(candidates.filter((x) => x.status === 'scored').map((x) => x.id));
  const unique = [...new Set(nominees)];
  return {
    today: day,
    quota: c.quota,
    candidates: candidates.filter((x) => x.status !== 'withdrawn').length,
    unsubmitted: candidates.filter((x) => x.status === 'registered').length,
    ...gaps,
    nominees: unique.length,
    invalidNominees: unique.filter((id) => !scored.has(id)).length,
    publicityLastDay: c.publicity_end,
    openObjections: (await openObjections(tx, [c.id])).get(c.id) ?? 0,
    toName: candidates.filter((x) => x.status === 'nominated').length,
  };
}

/** Names the nominees still standing: one title each at the campaign's level, within the quota. */
async function nameNominees(tx: Tx, c: CampaignRow, day: string, documentNo: string | null, now: string) {
  const nominees = await tx
    .selectFrom('pioneer_candidates')
    .select(['id', 'team_id', 'enterprise_id', 'org_id', 'type'])
    .where('campaign_id', '=', c.id)
    .where('status', '=', 'nominated')
    .orderBy('id')
    .execute();
  await insertTitles(
    tx,
    now,
    nominees.map((n) => ({
      teamId: n.team_id,
      enterpriseId: n.enterprise_id,
      orgId: n.org_id,
      type: n.type,
      level: c.level,
      year: c.year,
      namedOn: day,
      documentNo,
      source: 'campaign' as const,
      campaignId: c.id,
      candidateId: n.id,
    })),
  );
  await tx.updateTable('pioneer_candidates').set({ status: 'named', updated_at: now }).where('campaign_id', '=', c.id).where('status', '=', 'nominated').execute();
  await tx.updateTable('pioneer_candidates').set({ status: 'not_named', updated_at: now }).where('campaign_id', '=', c.id).where('status', '=', 'scored').execute();
  return nominees.length;
}

/** Runs one named transition: access → guard (rules) → effects → audit, in one transaction. */
export async function transition(deps: Deps, caller: Caller, campaignId: number, input: z.infer<typeof transitionBody>) {
  const day = today(deps);
  return deps.db.transaction().execute(async (tx) => {
    const c = await managedCampaign(tx, caller, campaignId);
    const nominees = input.transition === 'start_publicity' ? input.nominees : [];
    refuse(checkCampaignTransition(c.status, input.transition, await campaignFacts(tx, c, day, nominees)));
    const now = caller.actor.now;
    const to = campaignTransitions[input.transition].to;
    const set: Record<string, unknown> = { status: to, updated_at: now };
    const detail: Record<string, unknown> = {};
    switch (input.transition) {
      case 'aggregate':
        detail.scored = await aggregateScores(tx, c, now);
        break;
      case 'start_publicity':
        await tx.updateTable('pioneer_candidates').set({ status: 'nominated', updated_at: now }).where('campaign_id', '=', c.id).where('id', 'in', nominees).execute();
        set.publicity_start = day;
        set.publicity_end = publicityLastDay(day, c.publicity_days);
        Object.assign(detail, { nominees: [...new Set(nominees)], publicityStart: set.publicity_start, publicityEnd: set.publicity_end });
        break;
      case 'name':
        detail.named = await nameNominees(tx, c, day, input.documentNo, now);
        set.named_on = day;
        set.document_no = input.documentNo;
        detail.documentNo = input.documentNo;
        break;
      case 'cancel':
        set.cancel_reason = input.reason;
        detail.reason = input.reason;
        break;
      default:
        break;
    }
    await tx.updateTable('pioneer_campaigns').set(set).where('id', '=', c.id).execute();
    await audit(tx, caller.actor, {
      action: `pioneer_campaign.${input.transition}`,
      entity: 'pioneer_campaign',
      entityId: c.id,
      orgId: c.org_id,
      before: { status: c.status },
      after: { status: to, ...detail },
    });
    return campaignView(tx, caller, c.id, managedCampaigns(caller));
  });
}
