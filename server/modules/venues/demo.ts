import type { Caller, Deps } from '../../platform/context.ts';
import { book, createVenue } from './venues.ts';

/**
 * Venues from the seed: 坤和楼宇's joint union owns the 活动阵地 that 天水街道总工会 shares (“不只是坤和楼宇的
 * 联合工会在这里办活动，街道总工会的一些活动也在这里举办”); a training for enterprise technical staff is
 * booked there, and a few other activities. The county federation's 职工书屋 takes members' bookings
 * (the demo worker 李小芳 books hers in the portal). Bookings fall on the coming days, within hours.
 */
export async function seedVenuesDemo(deps: Deps, caller: Caller, kunheId: number): Promise<void> {
  const id = async (name: string) => (await deps.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const tianshui = await id('天水街道总工会');
  const county = await id('嘉善县总工会');
  // the next Monday (Shanghai) and the days after it, at a wall time
  const now = deps.clock();
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const toMonday = ((8 - shanghai.getUTCDay()) % 7) || 7;
  const monday = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + toMonday)).toISOString().slice(0, 10);
  const at = (day: number, hhmm: string) => new Date(Date.parse(`${monday}T${hhmm}:00+08:00`) + day * 86_400_000).toISOString();

  const space = await createVenue(deps, caller, {
    orgId: kunheId,
    name: '坤和楼宇活动阵地',
    kind: 'activity_room',
    capacity: 80,
    address: '杭州市下城区武林商圈坤和中心',
    sharedWith: [tianshui],
    memberBookable: false,
    openingHours: [
      { open: '08:30', close: '21:00' },
      { open: '08:30', close: '21:00' },
      { open: '08:30', close: '21:00' },
      { open: '08:30', close: '21:00' },
      { open: '08:30', close: '21:00' },
      { open: '09:00', close: '17:00' },
      null,
    ],
    closedDays: [],
  });
  await book(deps, caller, space.id, { startsAt: at(1, '14:00'), endsAt: at(1, '17:00'), purpose: '企业技术人员培训', orgId: tianshui });
  await book(deps, caller, space.id, { startsAt: at(0, '18:30'), endsAt: at(0, '20:30'), purpose: '楼宇职工瑜伽课', orgId: kunheId });
  await book(deps, caller, space.id, { startsAt: at(3, '12:00'), endsAt: at(3, '13:30'), purpose: '午间职工沙龙', orgId: kunheId });
  await book(deps, caller, space.id, { startsAt: at(4, '09:30'), endsAt: at(4, '11:30'), purpose: '商圈党工共建联席会议', orgId: tianshui });

  const reading = await createVenue(deps, caller, {
    orgId: county,
    name: '嘉善县总工会职工书屋',
    kind: 'reading_room',
    capacity: 40,
    address: '嘉善县总工会一楼',
    sharedWith: [],
    memberBookable: true,
    openingHours: undefined,
    closedDays: [],
  });
  const members = await deps.db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
    .where('org_closure.ancestor_id', '=', county)
    .where('members.status', '=', 'member')
    .where('users.username', '!=', 'worker')
    .select(['users.id', 'users.username', 'users.display_name'])
    .orderBy('users.id')
    .limit(3)
    .execute();
  for (const [i, u] of members.entries()) {
    const as: Caller = { ...caller, user: { id: u.id, username: u.username, displayName: u.display_name, grants: [], sessionId: '', csrfToken: '' }, actor: { ...caller.actor, userId: u.id } };
    await book(deps, as, reading.id, { startsAt: at(i, '18:00'), endsAt: at(i, '20:00'), purpose: '阅读自习' });
  }
  await book(deps, caller, reading.id, { startsAt: at(2, '09:00'), endsAt: at(2, '11:00'), purpose: '“书香嘉善”读书分享会', orgId: county });
}
