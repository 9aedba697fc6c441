import { sql } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { shanghaiDate } from '../../platform/dates.ts';
import { fieldError, notFound, refuse, refused, type Refusal } from '../../platform/errors.ts';
import type { Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { translate } from '../../platform/i18n.ts';
import { maskName } from '../../platform/pii.ts';
import { overviewSection } from '../../platform/overview.ts';
import { createSeatPool, releaseSeat, resizeSeatPool, seatPool, takeSeat } from '../../platform/seats.ts';
import type { RegistrationEvent, RegistrationListener } from '../activities/index.ts';
import { membershipOf } from '../members/index.ts';
import { readableSocials } from './policy.ts';
import { MAX_PICKS, checkEntrant, checkPicking, checkPicks, checkSettings, mutualPairs, picksCloseAt } from './rules.ts';
import { socialsOverviewView, type picksBody, type settingsBody } from './schema.ts';

/** A youth social (an activity of kind youth_social), read, never written: socials owns none of activities' tables. */
function youthSocials(tx: Tx) {
  return tx.selectFrom('activities').select(['activities.id', 'activities.org_id', 'activities.title', 'activities.ends_at', 'activities.status']).where('activities.kind', '=', 'youth_social');
}

async function socialInScope(tx: Tx, scope: Scope, activityId: number) {
  const a = await youthSocials(tx).where('activities.id', '=', activityId).where(readableSocials(scope)).executeTakeFirst();
  if (!a) throw notFound('social');
  return a;
}

const settingsOf = (tx: Tx, activityId: number) => tx.selectFrom('social_settings').selectAll().where('activity_id', '=', activityId).executeTakeFirst();

// ---------- sign-up: places per gender and the age range (activities' registration hook) ----------

/**
 * Activities' registration listener: a sign-up for a youth social with settings is a member's, of
 * an age inside the range, and takes a place of their gender (refused when those are taken, while
 * the other gender's may still be free); a cancellation gives the place back.
 */
export const genderPlaces: RegistrationListener = {
  async register(tx: Tx, deps: Deps, e: RegistrationEvent): Promise<Refusal | null> {
    if (e.kind !== 'youth_social') return null;
    const s = await settingsOf(tx, e.activityId);
    if (!s) return null;
    const person = await membershipOf(tx, e.userId);
    const refusal = checkEntrant({ minAge: s.min_age, maxAge: s.max_age }, person ? { birthDate: person.birth_date } : null, shanghaiDate(new Date(e.at)));
    if (refusal || !person) return refusal;
    const gender = person.gender;
    if (!(await takeSeat(tx, gender === 'male' ? s.male_pool_id : s.female_pool_id))) return { code: 'social_gender_full', params: { gender: `social_${gender}` } };
    await tx.insertInto('social_entrants').values({ activity_id: e.activityId, user_id: e.userId, gender, created_at: e.at }).execute();
    return null;
  },
  async cancel(tx: Tx, _deps: Deps, e: RegistrationEvent): Promise<void> {
    if (e.kind !== 'youth_social') return;
    const entrant = await tx.selectFrom('social_entrants').select(['id', 'gender']).where('activity_id', '=', e.activityId).where('user_id', '=', e.userId).executeTakeFirst();
    if (!entrant) return;
    const s = await settingsOf(tx, e.activityId);
    if (s) await releaseSeat(tx, entrant.gender === 'male' ? s.male_pool_id : s.female_pool_id);
    await tx.deleteFrom('social_entrants').where('id', '=', entrant.id).execute();
  },
};

// ---------- the cadre's side: settings and counts ----------

/** The counts a cadre sees: attendees, pickers, picks, mutual pairs — never who picked whom. */
async function countsOf(tx: Tx, activityId: number) {
  const attendees = await tx.selectFrom('activity_registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('activity_id', '=', activityId).where('checked_in_at', 'is not', null).executeTakeFirstOrThrow();
  const picks = await tx.selectFrom('social_picks').select(['picker_id', 'picked_id']).where('activity_id', '=', activityId).execute();
  const edges = picks.map((p) => ({ picker: p.picker_id, picked: p.picked_id }));
  return { attendees: Number(attendees.n), pickers: new Set(edges.map((p) => p.picker)).size, picks: edges.length, mutualPairs: mutualPairs(edges).length };
}

export async function getSocial(deps: Deps, caller: Caller, activityId: number) {
  const a = await socialInScope(deps.db, caller.scope, activityId);
  const s = await settingsOf(deps.db, activityId);
  const settings = s
    ? { male: await seatPool(deps.db, s.male_pool_id).then((p) => ({ places: p.capacity, taken: p.taken })), female: await seatPool(deps.db, s.female_pool_id).then((p) => ({ places: p.capacity, taken: p.taken })), minAge: s.min_age, maxAge: s.max_age }
    : null;
  return { activityId, title: a.title, endsAt: a.ends_at, picksCloseAt: picksCloseAt(a.ends_at), settings, counts: await countsOf(deps.db, activityId) };
}

/**
 * Sets a youth social's places per gender and age range. New places only before anyone signed up
 * (the places already held would be of no gender); afterwards they may be resized, never below
 * the places taken.
 */
export async function setSettings(deps: Deps, caller: Caller, activityId: number, input: z.infer<typeof settingsBody>) {
  const bad = checkSettings(input);
  if (bad) throw fieldError(bad, 'social_age_order');
  await deps.db.transaction().execute(async (tx) => {
    const a = await socialInScope(tx, caller.scope, activityId);
    const before = await settingsOf(tx, activityId);
    if (!before) {
      const signedUp = await tx.selectFrom('activity_registrations').select('id').where('activity_id', '=', activityId).where('status', '!=', 'cancelled').executeTakeFirst();
      if (signedUp) throw refused('social_settings_after_signup');
      const male = await createSeatPool(tx, input.malePlaces);
      const female = await createSeatPool(tx, input.femalePlaces);
      await tx
        .insertInto('social_settings')
        .values({ activity_id: activityId, org_id: a.org_id, male_pool_id: male, female_pool_id: female, min_age: input.minAge, max_age: input.maxAge, updated_by: caller.actor.userId, updated_at: caller.actor.now })
        .execute();
    } else {
      for (const [field, pool] of [['malePlaces', before.male_pool_id], ['femalePlaces', before.female_pool_id]] as const) {
        if (!(await resizeSeatPool(tx, pool, input[field]))) throw fieldError(field, 'social_places_below_taken', { count: (await seatPool(tx, pool)).taken });
      }
      await tx.updateTable('social_settings').set({ min_age: input.minAge, max_age: input.maxAge, updated_by: caller.actor.userId, updated_at: caller.actor.now }).where('id', '=', before.id).execute();
    }
    await audit(tx, caller.actor, { action: 'social.settings', entity: 'social', entityId: activityId, orgId: a.org_id, before: before ? { minAge: before.min_age, maxAge: before.max_age } : undefined, after: input });
  });
  return getSocial(deps, caller, activityId);
}

// ---------- the attendee's side: picks and matches ----------

/** The caller's own registration for a youth social (not cancelled), or 404: nobody else learns of it. */
async function ownRegistration(tx: Tx, userId: number, activityId: number) {
  const a = await youthSocials(tx).where('activities.id', '=', activityId).executeTakeFirst();
  if (!a) throw notFound('social');
  const reg = await tx.selectFrom('activity_registrations').select(['id', 'checked_in_at']).where('activity_id', '=', activityId).where('user_id', '=', userId).where('status', '!=', 'cancelled').executeTakeFirst();
  if (!reg) throw notFound('social');
  return { a, reg, attended: reg.checked_in_at !== null };
}

/** The other attendees (checked in) of a social, by masked name: whom an attendee may pick. */
async function attendeesOf(tx: Tx, activityId: number, self: number) {
  const rows = await tx
    .selectFrom('activity_registrations as r')
    .innerJoin('users', 'users.id', 'r.user_id')
    .leftJoin('members', 'members.id', 'r.member_id')
    .select(['r.id', 'members.name', 'members.gender', 'users.display_name'])
    .where('r.activity_id', '=', activityId)
    .where('r.checked_in_at', 'is not', null)
    .where('r.id', '!=', self)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: maskName(r.name ?? r.display_name), gender: r.gender ?? null }));
}

async function contactOf(tx: Tx, deps: Deps, activityId: number, userId: number): Promise<string | null> {
  const row = await tx.selectFrom('social_contacts').select('contact_enc').where('activity_id', '=', activityId).where('user_id', '=', userId).executeTakeFirst();
  return row ? deps.pii.decrypt(row.contact_enc) : null;
}

export async function mySocial(deps: Deps, caller: Caller, activityId: number) {
  const user = caller.user!;
  const { a, reg, attended } = await ownRegistration(deps.db, user.id, activityId);
  const refusal = checkPicking({ endsAt: a.ends_at, status: a.status }, attended, caller.actor.now);
  const picks = await deps.db.selectFrom('social_picks').select('picked_id').where('picker_id', '=', reg.id).orderBy('id').execute();
  return {
    activityId,
    title: a.title,
    endsAt: a.ends_at,
    picksCloseAt: picksCloseAt(a.ends_at),
    canPick: !refusal,
    refusal: refusal ? translate(refusal.code, caller.lang, refusal.params) : null,
    attendees: attended ? await attendeesOf(deps.db, activityId, reg.id) : [],
    picks: picks.map((p) => p.picked_id),
    contact: await contactOf(deps.db, deps, activityId, user.id),
    maxPicks: MAX_PICKS,
  };
}

/** The youth socials I signed up for, latest first: whether I may pick now and until when. */
export async function mySocials(deps: Deps, caller: Caller) {
  const rows = await deps.db
    .selectFrom('activity_registrations as r')
    .innerJoin('activities', 'activities.id', 'r.activity_id')
    .select(['activities.id', 'activities.title', 'activities.place', 'activities.starts_at', 'activities.ends_at', 'activities.status', 'r.checked_in_at'])
    .where('r.user_id', '=', caller.user!.id)
    .where('r.status', '!=', 'cancelled')
    .where('activities.kind', '=', 'youth_social')
    .orderBy('activities.starts_at', 'desc')
    .limit(50)
    .execute();
  return {
    items: rows.map((a) => ({
      activityId: a.id,
      title: a.title,
      place: a.place,
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      picksCloseAt: picksCloseAt(a.ends_at),
      attended: a.checked_in_at !== null,
      canPick: !checkPicking({ endsAt: a.ends_at, status: a.status }, a.checked_in_at !== null, caller.actor.now),
    })),
  };
}

/** Replaces the caller's picks (at most three other attendees) and the contact they share with mutual picks; audited without naming anyone. */
export async function savePicks(deps: Deps, caller: Caller, activityId: number, input: z.infer<typeof picksBody>) {
  const user = caller.user!;
  await deps.db.transaction().execute(async (tx) => {
    const { a, reg, attended } = await ownRegistration(tx, user.id, activityId);
    refuse(checkPicking({ endsAt: a.ends_at, status: a.status }, attended, caller.actor.now));
    const attendees = new Set((await attendeesOf(tx, activityId, reg.id)).map((x) => x.id));
    refuse(checkPicks(input.picks, reg.id, attendees));
    const contact_enc = deps.pii.encrypt(input.contact);
    const had = await tx.selectFrom('social_contacts').select('id').where('activity_id', '=', activityId).where('user_id', '=', user.id).executeTakeFirst();
    if (had) await tx.updateTable('social_contacts').set({ contact_enc, updated_at: caller.actor.now }).where('id', '=', had.id).execute();
    else await tx.insertInto('social_contacts').values({ activity_id: activityId, user_id: user.id, contact_enc, updated_at: caller.actor.now }).execute();
    await tx.deleteFrom('social_picks').where('picker_id', '=', reg.id).execute();
    const picks = [...new Set(input.picks)];
    if (picks.length) await tx.insertInto('social_picks').values(picks.map((picked_id) => ({ activity_id: activityId, picker_id: reg.id, picked_id, created_at: caller.actor.now }))).execute();
    // the audit log names no one picked: cadres read it, and must never learn who picked whom
    await audit(tx, caller.actor, { action: 'social.pick', entity: 'social', entityId: activityId, orgId: a.org_id, after: { picks: picks.length } });
  });
  return mySocial(deps, caller, activityId);
}

/** My matches: only the attendees I picked who picked me too, with the contact they chose to share (decrypted, audited). */
export async function myMatches(deps: Deps, caller: Caller, activityId: number) {
  const user = caller.user!;
  return deps.db.transaction().execute(async (tx) => {
    const { a, reg } = await ownRegistration(tx, user.id, activityId);
    const rows = await tx
      .selectFrom('social_picks as mine')
      .innerJoin('social_picks as theirs', (j) => j.onRef('theirs.picker_id', '=', 'mine.picked_id').onRef('theirs.picked_id', '=', 'mine.picker_id'))
      .innerJoin('activity_registrations as r', 'r.id', 'mine.picked_id')
      .innerJoin('users', 'users.id', 'r.user_id')
      .leftJoin('members', 'members.id', 'r.member_id')
      .leftJoin('social_contacts as c', (j) => j.onRef('c.user_id', '=', 'r.user_id').on('c.activity_id', '=', activityId))
      .select(['r.id', 'members.name', 'users.display_name', 'c.contact_enc'])
      .where('mine.picker_id', '=', reg.id)
      .orderBy('r.id')
      .execute();
    if (rows.length) await audit(tx, caller.actor, { action: 'social.matches_view', entity: 'social', entityId: activityId, orgId: a.org_id, after: { matches: rows.length } });
    return {
      items: rows.map((r) => ({ name: maskName(r.name ?? r.display_name), contact: r.contact_enc ? deps.pii.decrypt(r.contact_enc) : '' })),
      picksCloseAt: picksCloseAt(a.ends_at),
    };
  });
}

/** The data screen's socials section over an org's subtree: socials held with settings, their attendees and mutual pairs. */
export const socialsOverview = overviewSection({
  permission: 'social.read',
  schema: socialsOverviewView,
  async read(deps, orgId) {
    const subtree = sql<boolean>`social_settings.org_id in (select descendant_id from org_closure where ancestor_id = ${orgId})`;
    const [s, pairs] = await Promise.all([
      deps.db
        .selectFrom('social_settings')
        .leftJoin('activity_registrations as r', (j) => j.onRef('r.activity_id', '=', 'social_settings.activity_id').on('r.checked_in_at', 'is not', null))
        .select([sql<number>`count(distinct social_settings.id)`.as('socials'), sql<number>`count(r.id)`.as('attendees')])
        .where(subtree)
        .executeTakeFirstOrThrow(),
      deps.db
        .selectFrom('social_settings')
        .innerJoin('social_picks as p', 'p.activity_id', 'social_settings.activity_id')
        .innerJoin('social_picks as q', (j) => j.onRef('q.picker_id', '=', 'p.picked_id').onRef('q.picked_id', '=', 'p.picker_id'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .whereRef('p.picker_id', '<', 'p.picked_id')
        .where(subtree)
        .executeTakeFirstOrThrow(),
    ]);
    return { socials: Number(s.socials), attendees: Number(s.attendees), mutualPairs: Number(pairs.n) };
  },
});
