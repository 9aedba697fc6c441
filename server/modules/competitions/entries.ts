import type { z } from 'zod';
import { isUniqueViolation } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, conflict, fieldError, notFound, refuse } from '../../platform/errors.ts';
import { inScope, inSubtree, writeScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { membershipOf } from '../members/index.ts';
import { notify } from '../notifications/index.ts';
import { checkEntry, points } from './rules.ts';
import { openToMember } from './policy.ts';
import type { entryBody } from './schema.ts';

/**
 * Entries (参赛): a member enters an event of a contest run by a union of their chain, or a cadre
 * enters a member of their scope; one entry per member per event; the event's age limit on the
 * contest's reference date, the registration window.
 */
export async function enter(deps: Deps, caller: Caller, contestId: number, input: z.infer<typeof entryBody>) {
  const user = caller.user!;
  const own = await membershipOf(deps.db, user.id);
  const memberId = input.memberId ?? own?.id;
  if (!memberId) throw new AppError(403, 'competition_not_a_member');
  const forSelf = own?.id === memberId;
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const c = await tx.selectFrom('skill_contests').selectAll().where('id', '=', contestId).executeTakeFirst();
      if (!c) throw notFound('skill_contest');
      const member = await tx
        .selectFrom('members')
        .select(['members.id', 'members.name', 'members.user_id', 'members.org_id', 'members.enterprise_id', 'members.birth_date'])
        .where('members.id', '=', memberId)
        .where('members.status', '!=', 'left')
        .where(forSelf ? inSubtree('members.org_id', c.org_id) : inScope('members.org_id', writeScope(user, 'competition.write')))
        .executeTakeFirst();
      if (!member) {
        if (forSelf) throw new AppError(403, 'competition_not_in_scope');
        throw notFound('member');
      }
      if (!forSelf) {
        const inContest = await tx.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', c.org_id).where('descendant_id', '=', member.org_id).executeTakeFirst();
        if (!inContest) throw new AppError(422, 'competition_not_in_scope');
      }
      const event = await tx.selectFrom('skill_contest_events').select(['id', 'name', 'max_age']).where('id', '=', input.eventId).where('contest_id', '=', contestId).executeTakeFirst();
      if (!event) throw fieldError('eventId', 'competition_event_required');
      refuse(checkEntry({ now: caller.actor.now, opensAt: c.registration_opens_at, closesAt: c.registration_closes_at, birthDate: member.birth_date, referenceDate: c.reference_date, maxAge: event.max_age }));
      const { id } = await tx
        .insertInto('skill_entries')
        .values({
          contest_id: contestId,
          event_id: event.id,
          member_id: member.id,
          user_id: member.user_id,
          org_id: member.org_id,
          enterprise_id: member.enterprise_id,
          finished_at: null,
          score: null,
          judgement_score: null,
          rank: null,
          award: null,
          skill_level_id: null,
          created_by: user.id,
          created_at: caller.actor.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'skill_entry.create', entity: 'skill_entry', entityId: id, orgId: member.org_id, after: { contestId, eventId: event.id, memberId: member.id } });
      if (member.user_id !== null) {
        await notify(tx, deps, [member.user_id], { kind: 'competition_entry_accepted', params: { contest: c.title, event: event.name }, link: '/m/competitions', key: `competition_entry:${id}` });
      }
      return { id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('competition_already_entered');
    throw err;
  }
}

/** Contests open for registration now to the caller's membership, with the events they entered. */
export async function openContests(deps: Deps, caller: Caller) {
  const own = await membershipOf(deps.db, caller.user!.id);
  if (!own) return { items: [], total: 0 };
  const now = caller.actor.now;
  const contests = await deps.db
    .selectFrom('skill_contests')
    .innerJoin('orgs', 'orgs.id', 'skill_contests.org_id')
    .select(['skill_contests.id', 'skill_contests.title', 'orgs.name as org_name', 'skill_contests.registration_closes_at'])
    .where(openToMember(own.org_id))
    .where('skill_contests.registration_opens_at', '<=', now)
    .where('skill_contests.registration_closes_at', '>', now)
    .orderBy('skill_contests.registration_closes_at')
    .execute();
  const ids = contests.map((c) => c.id);
  const [events, entered] = ids.length
    ? await Promise.all([
        deps.db.selectFrom('skill_contest_events').select(['id', 'contest_id', 'name', 'max_age']).where('contest_id', 'in', ids).orderBy('position').execute(),
        deps.db.selectFrom('skill_entries').select('event_id').where('member_id', '=', own.id).where('contest_id', 'in', ids).execute(),
      ])
    : [[], []];
  const items = contests.map((c) => ({
    id: c.id,
    title: c.title,
    orgName: c.org_name,
    registrationClosesAt: c.registration_closes_at,
    events: events.filter((e) => e.contest_id === c.id).map((e) => ({ id: e.id, name: e.name, maxAge: e.max_age, entered: entered.some((n) => n.event_id === e.id) })),
  }));
  return { items, total: items.length };
}

/** The caller's own entries with their results once published. */
export async function myEntries(deps: Deps, caller: Caller) {
  const own = await membershipOf(deps.db, caller.user!.id);
  if (!own) return { items: [], total: 0 };
  const rows = await deps.db
    .selectFrom('skill_entries as n')
    .innerJoin('skill_contests as c', 'c.id', 'n.contest_id')
    .innerJoin('skill_contest_events as e', 'e.id', 'n.event_id')
    .select(['n.id', 'n.contest_id', 'c.title', 'e.name', 'e.status', 'n.score', 'n.rank', 'n.award', 'n.created_at'])
    .where('n.member_id', '=', own.id)
    .orderBy('n.id', 'desc')
    .execute();
  const items = rows.map((r) => {
    const published = r.status === 'published';
    return {
      id: r.id,
      contestId: r.contest_id,
      contestTitle: r.title,
      eventName: r.name,
      status: r.status,
      score: published ? points(r.score) : null,
      rank: published ? r.rank : null,
      award: published ? r.award : null,
      createdAt: r.created_at,
    };
  });
  return { items, total: items.length };
}
