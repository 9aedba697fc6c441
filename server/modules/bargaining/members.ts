import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refuse } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { refuseFields } from '../../platform/assessment/index.ts';
import { parseJson } from '../../db/database.ts';
import { baseView } from './rounds.ts';
import type { Clause } from './rules.ts';
import type * as s from './schema.ts';

/**
 * What a covered worker does on the phone: the rounds covering the enterprise they work at (a
 * member of the round's union subtree employed at one of its enterprises), voting for worker-side
 * representatives and answering the opinion survey while the draft is not yet adopted, and reading
 * the agreement once adopted. The free comment is personal: stored encrypted.
 */

/** The caller's member records (a person may hold one at a time; the filter takes any active one). */
async function myMembers(tx: Tx, userId: number) {
  return tx.selectFrom('members').select(['id', 'enterprise_id']).where('user_id', '=', userId).where('status', 'in', ['member', 'transferring']).execute();
}

function coveringRounds(tx: Tx, enterpriseIds: number[]) {
  return tx
    .selectFrom('bargaining_rounds')
    .innerJoin('orgs', 'orgs.id', 'bargaining_rounds.org_id')
    .selectAll('bargaining_rounds')
    .select('orgs.name as org_name')
    .select((eb) => eb.selectFrom('bargaining_enterprises as be').select((b) => b.fn.countAll<number>().as('n')).whereRef('be.round_id', '=', 'bargaining_rounds.id').as('enterprises'))
    .where((eb) => eb.exists(eb.selectFrom('bargaining_enterprises as c').select('c.round_id').whereRef('c.round_id', '=', 'bargaining_rounds.id').where('c.enterprise_id', 'in', enterpriseIds.length ? enterpriseIds : [-1])))
    .where('bargaining_rounds.status', '!=', 'declined');
}

/** The covered member of the caller for a round, or 404 (a round that does not cover you does not exist for you). */
async function coveredMember(tx: Tx, caller: Caller, roundId: number) {
  const mine = await myMembers(tx, caller.user!.id);
  const enterpriseIds = mine.map((m) => m.enterprise_id).filter((e): e is number => e !== null);
  const round = await coveringRounds(tx, enterpriseIds).where('bargaining_rounds.id', '=', roundId).executeTakeFirst();
  if (!round) throw notFound('bargaining_round');
  const covering = await tx.selectFrom('bargaining_enterprises').select('enterprise_id').where('round_id', '=', roundId).execute();
  const member = mine.find((m) => covering.some((c) => c.enterprise_id === m.enterprise_id))!;
  return { round, memberId: member.id };
}

/** Votes and survey answers are taken until the draft is adopted. */
const openForMembers = (status: string) => status === 'proposed' || status === 'negotiating';

export async function myRounds(deps: Deps, caller: Caller) {
  const mine = await myMembers(deps.db, caller.user!.id);
  const enterpriseIds = mine.map((m) => m.enterprise_id).filter((e): e is number => e !== null);
  const memberIds = mine.map((m) => m.id);
  const rows = await coveringRounds(deps.db, enterpriseIds).orderBy('bargaining_rounds.id', 'desc').limit(50).execute();
  const day = today(deps);
  const items = [];
  for (const r of rows) {
    const [candidates, answered, draft] = await Promise.all([
      deps.db
        .selectFrom('bargaining_representatives as r')
        .select(['r.id', 'r.name', 'r.chief'])
        .select((eb) => eb.selectFrom('bargaining_votes as v').select((v) => v.fn.countAll<number>().as('n')).whereRef('v.representative_id', '=', 'r.id').as('votes'))
        .select((eb) => eb.selectFrom('bargaining_votes as v').select((v) => v.fn.countAll<number>().as('n')).whereRef('v.representative_id', '=', 'r.id').where('v.member_id', 'in', memberIds.length ? memberIds : [-1]).as('mine'))
        .where('r.round_id', '=', r.id)
        .where('r.side', '=', 'worker')
        .where('r.status', '=', 'active')
        .orderBy('r.chief', 'desc')
        .orderBy('r.id')
        .execute(),
      deps.db.selectFrom('bargaining_survey_answers').select('id').where('round_id', '=', r.id).where('member_id', 'in', memberIds.length ? memberIds : [-1]).executeTakeFirst(),
      r.adopted_on ? deps.db.selectFrom('bargaining_drafts').select(['version', 'term_years', 'clauses']).where('round_id', '=', r.id).orderBy('version', 'desc').limit(1).executeTakeFirst() : Promise.resolve(undefined),
    ]);
    items.push({
      ...baseView(r, day),
      candidates: candidates.map((c) => ({ id: c.id, name: c.name, chief: c.chief === 1, votes: Number(c.votes ?? 0), votedByMe: Number(c.mine ?? 0) > 0 })),
      surveyAnswered: !!answered,
      open: openForMembers(r.status),
      agreement: draft ? { version: draft.version, termYears: draft.term_years, clauses: parseJson<Clause[]>(draft.clauses) ?? [] } : null,
    });
  }
  return { items, total: items.length };
}

export async function vote(deps: Deps, caller: Caller, roundId: number, representativeId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const { round, memberId } = await coveredMember(tx, caller, roundId);
    if (!openForMembers(round.status)) refuse({ code: 'bargaining_closed_for_members' });
    const rep = await tx.selectFrom('bargaining_representatives').select(['side', 'status']).where('id', '=', representativeId).where('round_id', '=', roundId).executeTakeFirst();
    if (!rep || rep.status !== 'active') throw notFound('bargaining_representative');
    if (rep.side !== 'worker') refuseFields([{ field: 'representativeId', rule: 'bargaining_not_worker_side' }]);
    try {
      await tx.insertInto('bargaining_votes').values({ round_id: roundId, representative_id: representativeId, member_id: memberId, voted_at: caller.actor.now }).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict();
      throw err;
    }
    await audit(tx, caller.actor, { action: 'bargaining_vote.create', entity: 'bargaining_round', entityId: roundId, orgId: round.org_id, after: { representativeId } });
    return { representativeId };
  });
}

export async function answerSurvey(deps: Deps, caller: Caller, roundId: number, input: z.infer<typeof s.surveyBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const { round, memberId } = await coveredMember(tx, caller, roundId);
    if (!openForMembers(round.status)) refuse({ code: 'bargaining_closed_for_members' });
    try {
      const row = await tx
        .insertInto('bargaining_survey_answers')
        .values({
          round_id: roundId,
          member_id: memberId,
          priorities: JSON.stringify([...new Set(input.priorities)]),
          expected_raise_percent: input.expectedRaisePercent,
          comment_enc: input.comment ? deps.pii.encrypt(input.comment) : null,
          answered_at: caller.actor.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'bargaining_survey.answer', entity: 'bargaining_round', entityId: roundId, orgId: round.org_id, after: { priorities: input.priorities, expectedRaisePercent: input.expectedRaisePercent } });
      return { id: row.id };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict();
      throw err;
    }
  });
}
