import type { z } from 'zod';
import { sql } from 'kysely';
import { isUniqueViolation, parseJson, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refuse } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { today } from '../../platform/dates.ts';
import { publicityLastDay, refuseFields, type FieldProblem } from '../../platform/assessment/index.ts';
import { exportTexts as t } from './messages.ts';
import { readableRatings, reviewableRatings, reviewerColumn } from './policy.ts';
import {
  checkRatingMove,
  checkScorecard,
  checkScores,
  defaultScorecards,
  gradeOf,
  inForce,
  missingDimensions,
  ratingLevels,
  recheckDueOn,
  totalScore,
  validUntil,
  type DimensionScore,
  type HomeGrade,
  type RatingKind,
  type RatingStatus,
  type Scorecard,
} from './rules.ts';
import type * as s from './schema.ts';

/**
 * Ratings (星级评定) on the shared assessment mechanism: the union rates itself on its
 * federation's scorecard with evidence, the union above reviews and scores it, the grade comes
 * from the card's bands, publicity runs its days, naming gives a certificate number, a validity
 * and a re-check date; the re-check keeps or revokes it.
 */

// ---- scorecards per federation ----

export async function scorecardFor(tx: Tx, orgId: number, kind: RatingKind): Promise<{ card: Scorecard; ownerId: number | null }> {
  const row = await tx
    .selectFrom('org_closure')
    .innerJoin('rating_scorecards as s', 's.org_id', 'org_closure.ancestor_id')
    .select(['s.scorecard', 's.org_id'])
    .where('org_closure.descendant_id', '=', orgId)
    .where('s.kind', '=', kind)
    .orderBy('org_closure.depth')
    .executeTakeFirst();
  return { card: (row && parseJson<Scorecard>(row.scorecard)) || defaultScorecards[kind], ownerId: row?.org_id ?? null };
}

export async function getScorecards(deps: Deps, caller: Caller, orgId: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  const [star, home] = await Promise.all([scorecardFor(deps.db, orgId, 'star_rating'), scorecardFor(deps.db, orgId, 'workers_home_rating')]);
  return { orgId, own: star.ownerId === orgId || home.ownerId === orgId, starRating: star.card, workersHomeRating: home.card };
}

export async function putScorecards(deps: Deps, caller: Caller, orgId: number, input: z.infer<typeof s.scorecardsBody>) {
  refuse(checkScorecard('star_rating', input.starRating as Scorecard));
  refuse(checkScorecard('workers_home_rating', input.workersHomeRating as Scorecard));
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, orgId);
    for (const [kind, card] of [['star_rating', input.starRating], ['workers_home_rating', input.workersHomeRating]] as const) {
      const values = { scorecard: JSON.stringify(card), updated_by: caller.actor.userId, updated_at: caller.actor.now };
      await tx.insertInto('rating_scorecards').values({ org_id: orgId, kind, ...values }).onConflict((oc) => oc.columns(['org_id', 'kind']).doUpdateSet(values)).execute();
    }
    await audit(tx, caller.actor, { action: 'rating_scorecard.update', entity: 'rating_scorecard', entityId: orgId, orgId, after: input });
    return { orgId, own: true, ...input };
  });
}

// ---- ratings ----

function ratings(tx: Tx, user: Caller['user']) {
  return tx
    .selectFrom('ratings')
    .innerJoin('orgs', 'orgs.id', 'ratings.org_id')
    .innerJoin('orgs as reviewer', 'reviewer.id', 'ratings.reviewer_org_id')
    .selectAll('ratings')
    .select(['orgs.name as org_name', 'reviewer.name as reviewer_name', reviewerColumn(user)]);
}
type Row = Awaited<ReturnType<ReturnType<typeof ratings>['executeTakeFirstOrThrow']>>;

const points = (hundredths: number | null) => (hundredths === null ? null : hundredths / 100);
function view(r: Row, day: string) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    reviewerOrgId: r.reviewer_org_id,
    reviewerOrgName: r.reviewer_name,
    kind: r.kind,
    level: r.level,
    year: r.year,
    status: r.status,
    selfScore: points(r.self_score)!,
    score: points(r.score),
    stars: r.stars,
    homeGrade: r.kind === 'workers_home_rating' ? ((r.grade as HomeGrade | null) ?? null) : null,
    publicityLastDay: r.publicity_last_day,
    namedOn: r.named_on,
    certificateNo: r.certificate_no,
    validUntil: r.valid_until,
    recheckDueOn: r.recheck_due_on,
    inForce: inForce(r, day),
    actions: r.reviews === 1 && r.status !== 'revoked' && r.status !== 'not_named' ? ['review' as const] : [],
  };
}

function scoreProblems(card: Scorecard, scores: DimensionScore[], field: string): FieldProblem[] {
  const problems: FieldProblem[] = checkScores(card, scores).map((p) => ({ field: `${field}.${p.index}.value`, rule: 'rating_score_range', params: { max: p.max } }));
  const missing = missingDimensions(card, scores);
  if (missing.length) problems.push({ field, rule: 'rating_dimension_missing', params: { dimensions: missing.join(', ') } });
  return problems;
}

export async function createRating(deps: Deps, caller: Caller, input: z.infer<typeof s.createRatingBody>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const org = await tx.selectFrom('orgs').select('parent_id').where('id', '=', input.orgId).executeTakeFirstOrThrow();
    if (!org.parent_id) refuse({ code: 'rating_not_reviewer' });
    const { card } = await scorecardFor(tx, input.orgId, input.kind);
    refuseFields(scoreProblems(card, input.selfScores, 'selfScores'));
    try {
      const { id } = await tx
        .insertInto('ratings')
        .values({
          org_id: input.orgId, reviewer_org_id: org.parent_id!, kind: input.kind, level: input.level, year: input.year, status: 'self_assessed',
          scorecard: JSON.stringify(card), self_scores: JSON.stringify(input.selfScores), self_score: totalScore(card, input.selfScores), evidence: JSON.stringify(input.evidence),
          review_scores: null, score: null, grade: null, stars: null, review_comment: null, publicity_last_day: null, named_on: null, certificate_no: null,
          valid_until: null, recheck_due_on: null, rechecked_on: null, revoked_reason: null, created_by: caller.actor.userId, created_at: caller.actor.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'rating.create', entity: 'rating', entityId: id, orgId: input.orgId, after: input });
      return { id };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict();
      throw err;
    }
  });
}

function filtered(db: Tx, user: Caller['user'], scope: Scope, q: Omit<z.infer<typeof s.ratingListQuery>, 'page' | 'pageSize'>, day: string) {
  let query = ratings(db, user).where(readableRatings(scope));
  if (q.orgId) query = query.where(inSubtree('ratings.org_id', q.orgId));
  if (q.kind) query = query.where('ratings.kind', '=', q.kind);
  if (q.status) query = query.where('ratings.status', '=', q.status);
  if (q.inForce) query = query.where('ratings.status', '=', 'named').where('ratings.valid_until', '>=', day);
  return query;
}

export async function listRatings(deps: Deps, caller: Caller, query: z.infer<typeof s.ratingListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const day = today(deps);
  const { rows, total } = await paginate(filtered(deps.db, caller.user, caller.scope, query, day), query, (x) => x.orderBy('ratings.id', 'desc'));
  return { items: rows.map((r) => view(r, day)), total };
}

export async function exportRatings(deps: Deps, caller: Caller, query: z.infer<typeof s.ratingExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  const day = today(deps);
  return exportList(deps, caller, {
    list: 'ratings',
    title: t.ratings,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps.db, caller.user, scope, filters, day),
    keyset: 'ratings.id',
    columns: [
      { header: t.org, value: (r) => r.org_name, width: 30 },
      { header: t.kind, value: (r, lang) => t[r.kind][lang], width: 12 },
      { header: t.level, value: (r, lang) => t[r.level][lang], width: 8 },
      { header: t.year, value: (r) => r.year, width: 8 },
      { header: t.status, value: (r, lang) => t[r.status][lang], width: 10 },
      { header: t.score, value: (r) => points(r.score), width: 8 },
      { header: t.grade, value: (r, lang) => (r.stars ? `${r.stars}${t.stars[lang]}` : r.grade ? t[r.grade as HomeGrade][lang] : ''), width: 16 },
      { header: t.validUntil, value: (r) => r.valid_until, width: 12 },
    ],
  });
}

async function reachable(tx: Tx, caller: Caller, id: number) {
  const row = await ratings(tx, caller.user).where('ratings.id', '=', id).where(readableRatings(caller.scope)).executeTakeFirst();
  if (!row) throw notFound('rating');
  return row;
}

/** A rating the caller reviews: readable, and the caller's write scope reaches its reviewer (the union above). */
async function reviewing(tx: Tx, caller: Caller, id: number) {
  const row = await reachable(tx, caller, id);
  const reviewable = await tx.selectFrom('ratings').select('id').where('id', '=', id).where(reviewableRatings(caller.scope)).executeTakeFirst();
  if (!reviewable) refuse({ code: 'rating_not_reviewer' });
  return row;
}

export async function getRating(deps: Deps, caller: Caller, id: number, tx: Tx = deps.db) {
  const r = await reachable(tx, caller, id);
  return {
    ...view(r, today(deps)),
    scorecard: parseJson<Scorecard>(r.scorecard)!,
    selfScores: parseJson<DimensionScore[]>(r.self_scores) ?? [],
    reviewScores: parseJson<DimensionScore[]>(r.review_scores),
    evidence: parseJson<string[]>(r.evidence) ?? [],
    reviewComment: r.review_comment,
    recheckedOn: r.rechecked_on,
    revokedReason: r.revoked_reason,
  };
}

const facts = (r: Row, day: string) => ({ grade: r.grade, publicityLastDay: r.publicity_last_day, today: day });

export async function review(deps: Deps, caller: Caller, id: number, input: z.infer<typeof s.reviewBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await reviewing(tx, caller, id);
    const day = today(deps);
    refuse(checkRatingMove('review', r.status, facts(r, day)));
    const card = parseJson<Scorecard>(r.scorecard)!;
    refuseFields(scoreProblems(card, input.scores, 'scores'));
    const score = totalScore(card, input.scores);
    const grade = gradeOf(card, score);
    await tx
      .updateTable('ratings')
      .set({ status: 'reviewed', review_scores: JSON.stringify(input.scores), score, grade: grade === null ? null : String(grade), stars: r.kind === 'star_rating' && typeof grade === 'number' ? grade : null, review_comment: input.comment })
      .where('id', '=', id)
      .execute();
    await audit(tx, caller.actor, { action: 'rating.review', entity: 'rating', entityId: id, orgId: r.org_id, after: { ...input, score, grade } });
    return getRating(deps, caller, id, tx);
  });
}

export async function publicize(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await reviewing(tx, caller, id);
    const day = today(deps);
    refuse(checkRatingMove('publicize', r.status, facts(r, day)));
    const card = parseJson<Scorecard>(r.scorecard)!;
    const lastDay = publicityLastDay(day, card.publicityDays);
    await tx.updateTable('ratings').set({ status: 'publicity', publicity_last_day: lastDay }).where('id', '=', id).execute();
    await audit(tx, caller.actor, { action: 'rating.publicize', entity: 'rating', entityId: id, orgId: r.org_id, after: { publicityLastDay: lastDay } });
    return getRating(deps, caller, id, tx);
  });
}

export async function name(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await reviewing(tx, caller, id);
    const day = today(deps);
    refuse(checkRatingMove('name', r.status, facts(r, day)));
    const card = parseJson<Scorecard>(r.scorecard)!;
    const certificateNo = `${r.kind === 'star_rating' ? 'XJ' : 'ZGZJ'}${r.year}-${String(r.id).padStart(4, '0')}`;
    await tx
      .updateTable('ratings')
      .set({ status: 'named', named_on: day, certificate_no: certificateNo, valid_until: validUntil(card, day), recheck_due_on: recheckDueOn(card, day) })
      .where('id', '=', id)
      .execute();
    await audit(tx, caller.actor, { action: 'rating.name', entity: 'rating', entityId: id, orgId: r.org_id, after: { namedOn: day, certificateNo } });
    return getRating(deps, caller, id, tx);
  });
}

/** The re-check (复查): passed, the next one is due after the card's interval; failed, the rating is revoked. */
export async function recheck(deps: Deps, caller: Caller, id: number, input: z.infer<typeof s.recheckBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await reviewing(tx, caller, id);
    const day = today(deps);
    refuse(checkRatingMove('recheck', r.status, facts(r, day)));
    const card = parseJson<Scorecard>(r.scorecard)!;
    const status: RatingStatus = input.passed ? 'named' : 'revoked';
    await tx
      .updateTable('ratings')
      .set({ status, rechecked_on: day, recheck_due_on: input.passed ? recheckDueOn(card, day) : null, revoked_reason: input.passed ? null : input.reason })
      .where('id', '=', id)
      .execute();
    await audit(tx, caller.actor, { action: 'rating.recheck', entity: 'rating', entityId: id, orgId: r.org_id, after: input });
    return getRating(deps, caller, id, tx);
  });
}

/** Ratings in force over an org's subtree: unions by stars, Workers' Homes by the level that named them. */
export async function ratingStats(deps: Deps, orgId: number) {
  const day = today(deps);
  const rows = await deps.db
    .selectFrom('ratings')
    .select(['kind', 'stars', 'level', sql<number>`count(*)`.as('n')])
    .where('status', '=', 'named')
    .where('valid_until', '>=', day)
    .where(inSubtree('ratings.org_id', orgId))
    .groupBy(['kind', 'stars', 'level'])
    .execute();
  const byStars = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  const workersHomes = Object.fromEntries(ratingLevels.map((l) => [l, 0])) as Record<(typeof ratingLevels)[number], number>;
  for (const r of rows) {
    if (r.kind === 'star_rating' && r.stars) byStars[String(r.stars) as keyof typeof byStars] += Number(r.n);
    if (r.kind === 'workers_home_rating') workersHomes[r.level] += Number(r.n);
  }
  return { byStars, workersHomes };
}

export async function stats(deps: Deps, caller: Caller, orgId: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  return ratingStats(deps, orgId);
}
