import type { z } from 'zod';
import { parseJson, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { fieldError, notFound, refused } from '../../platform/errors.ts';
import { hasAny, inScope, requireOrgInScope, writeScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { bookSlot, cancelSlot } from '../../platform/slots.ts';
import { shanghaiMinute } from '../../platform/dates.ts';
import { membershipOf } from '../members/index.ts';
import { notify } from '../notifications/index.ts';
import { exportTexts as t } from './messages.ts';
import { bookableBy, managedVenues, readableVenues } from './policy.ts';
import { checkBookingTime, DEFAULT_HOURS, hoursOf, type OpeningHours } from './rules.ts';
import type { bookBody, bookingExportQuery, bookingListQuery, bookingRange, createVenueBody, usageQuery } from './schema.ts';

/** Venues (阵地) and their bookings, each holding one platform time slot. */

const resource = (venueId: number) => `venue:${venueId}`;

export async function createVenue(deps: Deps, caller: Caller, input: z.infer<typeof createVenueBody>) {
  const hours = input.openingHours ?? DEFAULT_HOURS;
  hours.forEach((d, i) => {
    if (d && d.close <= d.open) throw fieldError(`openingHours.${i}.close`, 'venue_hours_order');
  });
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const shares = [...new Set(input.sharedWith ?? [])].filter((o) => o !== input.orgId);
    for (const o of shares) if (!(await tx.selectFrom('orgs').select('id').where('id', '=', o).executeTakeFirst())) throw fieldError('sharedWith', 'required', { label: String(o) });
    const { id } = await tx
      .insertInto('venues')
      .values({
        org_id: input.orgId,
        kind: input.kind,
        name: input.name,
        address: input.address ?? null,
        capacity: input.capacity,
        opening_hours: JSON.stringify(hours),
        closed_days: JSON.stringify(input.closedDays ?? []),
        member_bookable: (input.memberBookable ?? ['reading_room', 'nursing_room'].includes(input.kind)) ? 1 : 0,
        created_by: caller.user?.id ?? null,
        created_at: caller.actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (shares.length) await tx.insertInto('venue_shares').values(shares.map((o) => ({ venue_id: id, org_id: o }))).execute();
    await audit(tx, caller.actor, { action: 'venue.create', entity: 'venue', entityId: id, orgId: input.orgId, after: { ...input, sharedWith: shares } });
    return { id };
  });
}

function venues(tx: Tx) {
  return tx.selectFrom('venues').innerJoin('orgs', 'orgs.id', 'venues.org_id').selectAll('venues').select('orgs.name as org_name');
}
type VenueRow = Awaited<ReturnType<ReturnType<typeof venues>['executeTakeFirstOrThrow']>>;

async function views(tx: Tx, rows: VenueRow[], manageScope: Scope) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const shares = await tx.selectFrom('venue_shares').innerJoin('orgs', 'orgs.id', 'venue_shares.org_id').select(['venue_id', 'orgs.id', 'orgs.name']).where('venue_id', 'in', ids).execute();
  const managed = new Set((await tx.selectFrom('venues').select('id').where('id', 'in', ids).where(managedVenues(manageScope)).execute()).map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind,
    name: r.name,
    address: r.address,
    capacity: r.capacity,
    openingHours: parseJson<OpeningHours>(r.opening_hours) ?? DEFAULT_HOURS,
    closedDays: parseJson<string[]>(r.closed_days) ?? [],
    memberBookable: Number(r.member_bookable) === 1,
    sharedWith: shares.filter((s) => s.venue_id === r.id).map((s) => ({ id: s.id, name: s.name })),
    manage: managed.has(r.id),
  }));
}

/** Venues a cadre manages or may book (shared with their unions). */
export async function listVenues(deps: Deps, caller: Caller) {
  const rows = await venues(deps.db).where(readableVenues(caller.scope)).orderBy('venues.id').execute();
  return { items: await views(deps.db, rows, writeScope(caller.user, 'venue.write')) };
}

/** Venues a member may book themselves. */
export async function memberVenues(deps: Deps, caller: Caller) {
  const m = await membershipOf(deps.db, caller.user!.id);
  if (!m) return { items: [] };
  const rows = await venues(deps.db).where(bookableBy(m.org_id)).where('venues.member_bookable', '=', 1).orderBy('venues.id').execute();
  return { items: await views(deps.db, rows, { all: false, roots: [] }) };
}

/** How the caller stands to a venue: a cadre who sees it, a member who may book it, or neither (404). */
async function standing(tx: Tx, caller: Caller, venueId: number) {
  const readScope = writeScope(caller.user, 'venue.read');
  const venue = await venues(tx).where('venues.id', '=', venueId).executeTakeFirst();
  if (!venue) throw notFound('venue');
  if (hasAny(readScope) && (await tx.selectFrom('venues').select('id').where('id', '=', venueId).where(readableVenues(readScope)).executeTakeFirst())) return { venue, cadre: true, member: null };
  const m = caller.user ? await membershipOf(tx as never, caller.user.id) : undefined;
  if (m && Number(venue.member_bookable) === 1 && (await tx.selectFrom('venues').select('id').where('id', '=', venueId).where(bookableBy(m.org_id)).executeTakeFirst())) return { venue, cadre: false, member: m };
  throw notFound('venue');
}

export async function book(deps: Deps, caller: Caller, venueId: number, input: z.infer<typeof bookBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const bookScope = writeScope(caller.user, 'venue.book');
    const venue = await venues(tx).where('venues.id', '=', venueId).executeTakeFirst();
    if (!venue) throw notFound('venue');
    let orgId: number;
    let memberId: number | null = null;
    let kind: 'union' | 'member';
    if (input.orgId !== undefined || hasAny(bookScope)) {
      // a union books: the booking union in the caller's scope, and the venue serves it
      if (!hasAny(bookScope)) throw notFound('venue');
      orgId = input.orgId ?? (await defaultBookingOrg(tx, bookScope, venueId));
      await requireOrgInScope(tx, bookScope, orgId);
      if (!(await tx.selectFrom('venues').select('id').where('id', '=', venueId).where(bookableBy(orgId)).executeTakeFirst())) throw notFound('venue');
      kind = 'union';
    } else {
      const m = await membershipOf(tx as never, caller.user!.id);
      if (!m || !(await tx.selectFrom('venues').select('id').where('id', '=', venueId).where(bookableBy(m.org_id)).executeTakeFirst())) throw notFound('venue');
      if (Number(venue.member_bookable) !== 1) throw refused('venue_not_member_bookable');
      orgId = m.org_id;
      memberId = m.id;
      kind = 'member';
    }
    if (input.startsAt < caller.actor.now) throw refused('venue_booking_past');
    const problem = checkBookingTime(parseJson<OpeningHours>(venue.opening_hours) ?? DEFAULT_HOURS, parseJson<string[]>(venue.closed_days) ?? [], input.startsAt, input.endsAt);
    if (problem) throw fieldError(problem.field, problem.rule, problem.params ?? {});
    const slotId = await bookSlot(tx, deps, resource(venueId), input.startsAt, input.endsAt);
    const { id } = await tx
      .insertInto('venue_bookings')
      .values({ venue_id: venueId, slot_id: slotId, booker_kind: kind, org_id: orgId, user_id: caller.user!.id, member_id: memberId, purpose: input.purpose, activity_id: input.activityId ?? null, starts_at: input.startsAt, ends_at: input.endsAt, status: 'active', cancelled_at: null, cancelled_by: null, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'venue.book', entity: 'venue_booking', entityId: id, orgId, after: { venueId, kind, startsAt: input.startsAt, endsAt: input.endsAt, purpose: input.purpose, activityId: input.activityId ?? null } });
    return { id };
  });
}

/** The union a cadre books for when they name none: the venue's owner when they manage it, else their first union the venue serves. */
async function defaultBookingOrg(tx: Tx, scope: Scope, venueId: number): Promise<number> {
  const owner = await tx.selectFrom('venues').select('org_id').where('id', '=', venueId).where(managedVenues(scope)).executeTakeFirst();
  if (owner) return owner.org_id;
  for (const root of scope.roots) {
    if (await tx.selectFrom('venues').select('id').where('id', '=', venueId).where(bookableBy(root)).executeTakeFirst()) return root;
  }
  throw notFound('venue');
}

function bookings(tx: Tx) {
  return tx
    .selectFrom('venue_bookings as b')
    .innerJoin('venues', 'venues.id', 'b.venue_id')
    .innerJoin('orgs', 'orgs.id', 'b.org_id')
    .select(['b.id', 'b.venue_id', 'venues.name as venue_name', 'b.booker_kind', 'b.org_id', 'orgs.name as org_name', 'b.purpose', 'b.activity_id', 'b.starts_at', 'b.ends_at', 'b.status', 'b.user_id']);
}
type BookingRow = Awaited<ReturnType<ReturnType<typeof bookings>['executeTakeFirstOrThrow']>>;
const bookingView = (r: BookingRow, userId: number | undefined, full: boolean) => ({
  id: r.id,
  venueId: r.venue_id,
  venueName: r.venue_name,
  bookerKind: r.booker_kind,
  orgId: r.org_id,
  orgName: r.org_name,
  purpose: full || r.user_id === userId ? r.purpose : null,
  activityId: r.activity_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  status: r.status,
  mine: r.user_id === userId,
});

/** A venue's schedule between two instants (default: the coming week): cadres see all, members the busy times and their own. */
export async function venueBookings(deps: Deps, caller: Caller, venueId: number, range: z.infer<typeof bookingRange>) {
  const { cadre } = await standing(deps.db, caller, venueId);
  const from = range.from ?? new Date(Date.parse(caller.actor.now) - 86_400_000).toISOString();
  const to = range.to ?? new Date(Date.parse(from) + 8 * 86_400_000).toISOString();
  let q = bookings(deps.db).where('b.venue_id', '=', venueId).where('b.starts_at', '<', to).where('b.ends_at', '>', from);
  if (!cadre) q = q.where('b.status', '=', 'active');
  const rows = await q.orderBy('b.starts_at').limit(500).execute();
  return { items: rows.map((r) => bookingView(r, caller.user?.id, cadre)) };
}

/** The caller's own bookings, upcoming first. */
export async function myBookings(deps: Deps, caller: Caller) {
  const rows = await bookings(deps.db).where('b.user_id', '=', caller.user!.id).orderBy('b.starts_at', 'desc').limit(100).execute();
  return { items: rows.map((r) => bookingView(r, caller.user!.id, true)) };
}

/** Cancels a booking (its booker, or a cadre of the venue's owner or of the booking union); frees the slot; tells the booker when a union cancels. */
export async function cancelBooking(deps: Deps, caller: Caller, bookingId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const b = await bookings(tx).select(['b.slot_id', 'venues.org_id as venue_org_id']).where('b.id', '=', bookingId).executeTakeFirst();
    if (!b) throw notFound('venue_booking');
    const own = b.user_id === caller.user!.id;
    const writeS = writeScope(caller.user, 'venue.write');
    const bookS = writeScope(caller.user, 'venue.book');
    const asCadre =
      (hasAny(writeS) && !!(await tx.selectFrom('orgs').select('id').where('id', '=', b.venue_org_id).where(inScope('orgs.id', writeS)).executeTakeFirst())) ||
      (hasAny(bookS) && !!(await tx.selectFrom('orgs').select('id').where('id', '=', b.org_id).where(inScope('orgs.id', bookS)).executeTakeFirst()));
    if (!own && !asCadre) throw notFound('venue_booking');
    if (b.status === 'cancelled') throw refused('venue_booking_cancelled');
    await tx.updateTable('venue_bookings').set({ status: 'cancelled', cancelled_at: caller.actor.now, cancelled_by: caller.user!.id }).where('id', '=', bookingId).execute();
    await cancelSlot(tx, b.slot_id);
    await audit(tx, caller.actor, { action: 'venue.cancel', entity: 'venue_booking', entityId: bookingId, orgId: b.org_id, before: { status: 'active' }, after: { status: 'cancelled' } });
    if (!own) {
      const venueOrg = await tx.selectFrom('orgs').select('name').where('id', '=', b.venue_org_id).executeTakeFirstOrThrow();
      await notify(tx, deps, [b.user_id], { kind: 'venue_booking_cancelled', params: { venue: b.venue_name, startsAt: shanghaiMinute(b.starts_at), org: venueOrg.name }, link: b.booker_kind === 'member' ? '/m/venues' : '/venues', key: `venue_booking_cancelled:${bookingId}` });
    }
    return { id: bookingId, status: 'cancelled' as const };
  });
}

function bookingRows(tx: Tx, scope: Scope, q: z.infer<typeof bookingListQuery> | z.infer<typeof bookingExportQuery>) {
  let query = bookings(tx).where(managedVenues(scope));
  if (q.venueId) query = query.where('b.venue_id', '=', q.venueId);
  if (q.from) query = query.where('b.ends_at', '>', q.from);
  if (q.to) query = query.where('b.starts_at', '<', q.to);
  return query;
}

/** Bookings of the venues the caller manages, newest first. */
export async function listBookings(deps: Deps, caller: Caller, q: z.infer<typeof bookingListQuery>) {
  const { rows, total } = await paginate(bookingRows(deps.db, caller.scope, q), q, (x) => x.orderBy('b.starts_at', 'desc').orderBy('b.id'));
  return { items: rows.map((r) => bookingView(r, caller.user?.id, true)), total };
}

export function exportBookings(deps: Deps, caller: Caller, q: z.infer<typeof bookingExportQuery>) {
  return exportList(deps, caller, {
    list: 'venue_bookings',
    title: t.bookings,
    filters: { venueId: q.venueId, from: q.from, to: q.to },
    full: q.full,
    rows: (scope) => bookingRows(deps.db, scope, q),
    keyset: 'b.id',
    columns: [
      { header: t.venue, value: (r) => r.venue_name, width: 24 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.kind, value: (r, lang) => t[r.booker_kind][lang] },
      { header: t.purpose, value: (r) => r.purpose, width: 32 },
      { header: t.startsAt, value: (r) => shanghaiMinute(r.starts_at), width: 18 },
      { header: t.endsAt, value: (r) => shanghaiMinute(r.ends_at), width: 18 },
      { header: t.hours, value: (r) => hoursOf(r.starts_at, r.ends_at) },
      { header: t.status, value: (r, lang) => t[r.status][lang] },
    ],
  });
}

/** Usage of the venues the caller manages (or those of one org's subtree): active bookings and hours, by booking union. */
export async function usage(deps: Deps, caller: Caller, q: z.infer<typeof usageQuery>) {
  const scope: Scope = q.orgId ? { all: false, roots: [q.orgId] } : caller.scope;
  if (q.orgId) await requireOrgInScope(deps.db, caller.scope, q.orgId);
  let rows = deps.db
    .selectFrom('venue_bookings as b')
    .innerJoin('venues', 'venues.id', 'b.venue_id')
    .innerJoin('orgs', 'orgs.id', 'b.org_id')
    .where(managedVenues(scope))
    .where('b.status', '=', 'active')
    .select(['b.org_id', 'orgs.name', 'b.starts_at', 'b.ends_at']);
  if (q.from) rows = rows.where('b.ends_at', '>', q.from);
  if (q.to) rows = rows.where('b.starts_at', '<', q.to);
  const list = await rows.execute();
  const count = await deps.db.selectFrom('venues').select((eb) => eb.fn.countAll<number>().as('n')).where(managedVenues(scope)).executeTakeFirstOrThrow();
  const byOrg = new Map<number, { orgId: number; orgName: string; bookings: number; hours: number }>();
  for (const r of list) {
    const e = byOrg.get(r.org_id) ?? { orgId: r.org_id, orgName: r.name, bookings: 0, hours: 0 };
    e.bookings += 1;
    e.hours = Math.round((e.hours + hoursOf(r.starts_at, r.ends_at)) * 10) / 10;
    byOrg.set(r.org_id, e);
  }
  const hours = Math.round(list.reduce((s, r) => s + hoursOf(r.starts_at, r.ends_at), 0) * 10) / 10;
  return { venues: Number(count.n), bookings: list.length, hours, byOrg: [...byOrg.values()].sort((a, b) => b.hours - a.hours) };
}
