import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, clockOf, createTestApp, expectStatus, type Fixture } from '../../test/harness.ts';
import { readExport } from '../../test/exports.ts';
import { signUpMember } from '../../test/people.ts';

let app: FastifyInstance;
let f: Fixture;

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

const inHours = (h: number) => new Date(clockOf(app)().getTime() + h * 3600_000).toISOString();

describe('volunteers', () => {
  it('a member registers with skills and availability; a non-member is refused; cadres list and export them in scope', async () => {
    const { client } = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '志愿甲');
    expect(expectStatus(await client.get('/api/volunteers/me'), 200)).toMatchObject({ member: true, volunteer: null });
    expect(expectStatus(await client.put('/api/volunteers/me', { skills: ['first_aid', 'teaching'], availability: ['weekend'] }), 200).created).toBe(true);
    expect(expectStatus(await client.put('/api/volunteers/me', { skills: ['first_aid'], availability: ['weekend', 'weekday_evening'] }), 200).created).toBe(false);
    expect(expectStatus(await f.clients.member.put('/api/volunteers/me', { skills: [], availability: ['weekend'] }), 422).code).toBe('volunteer_not_member');
    expectStatus(await client.put('/api/volunteers/me', { skills: ['juggling'], availability: ['weekend'] }), 422);
    const listed = expectStatus(await f.clients.cadreA.get('/api/volunteers?skill=first_aid'), 200).items;
    expect(listed.find((v: { name: string }) => v.name === '志愿甲')).toMatchObject({ skills: ['first_aid'], availability: ['weekend', 'weekday_evening'] });
    expect(expectStatus(await f.clients.cadreB.get('/api/volunteers'), 200).items).toEqual([]);
    const file = await readExport(await f.clients.cadreA.get('/api/volunteers/export'));
    expect(file.rows.some((r) => r.includes('志愿甲'))).toBe(true);
  });

  it('teams: formed in scope, joined by volunteers of their subtree; another street gets 404', async () => {
    const { client } = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '志愿乙');
    const { id: volunteerId } = expectStatus(await client.put('/api/volunteers/me', { skills: [], availability: ['anytime'] }), 200);
    const team = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/volunteer-teams', { orgId: f.orgs.streetA, name: '魏塘青年志愿服务队', kind: 'youth' }), 201);
    expectStatus(await f.clients.cadreA.post('/api/volunteer-teams', { orgId: f.orgs.streetA, name: '魏塘青年志愿服务队', kind: 'youth' }), 409);
    expectStatus(await f.clients.cadreA.post(`/api/volunteer-teams/${team.id}/members`, { volunteerId }), 201);
    expect(expectStatus(await f.clients.cadreA.post(`/api/volunteer-teams/${team.id}/members`, { volunteerId }), 409).code).toBe('volunteer_in_team');
    expectStatus(await f.clients.cadreB.post(`/api/volunteer-teams/${team.id}/members`, { volunteerId }), 404);
    expect(expectStatus(await client.get('/api/volunteers/me'), 200).volunteer.teams).toEqual(['魏塘青年志愿服务队']);
    expect(expectStatus(await f.clients.cadreA.get('/api/volunteer-teams'), 200).items[0]).toMatchObject({ name: '魏塘青年志愿服务队', members: 1 });
  });

  it('check-in at a volunteer service credits its hours and love points once, and the member is told', async () => {
    const { client } = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '志愿丙');
    const activity = expectStatus<{ id: number }>(
      await f.clients.cadreA.post('/api/activities', { orgId: f.orgs.streetA, title: '敬老院义务理发', kind: 'other', startsAt: inHours(1), endsAt: inHours(4), capacity: 10, openToAll: true }),
      201,
    );
    expectStatus(await f.clients.cadreA.post('/api/volunteer-services', { activityId: activity.id, hours: 3 }), 201);
    expect(expectStatus(await f.clients.cadreA.post('/api/volunteer-services', { activityId: activity.id, hours: 3 }), 409).code).toBe('volunteer_service_exists');
    expectStatus(await f.clients.cadreB.post('/api/volunteer-services', { activityId: activity.id, hours: 3 }), 404);
    const reg = expectStatus(await client.post(`/api/activities/${activity.id}/registrations`), 201);
    expectStatus(await f.clients.cadreA.post(`/api/activities/${activity.id}/check-ins`, { code: reg.code }), 200);
    expectStatus(await f.clients.cadreA.post(`/api/activities/${activity.id}/check-ins`, { code: reg.code }), 409);
    const me = expectStatus(await client.get('/api/volunteers/me'), 200);
    expect(me).toMatchObject({ hoursThisYear: 3, hoursTotal: 3, balance: 30 });
    expect(me.services[0]).toMatchObject({ title: '敬老院义务理发', hours: 3 });
    const points = expectStatus(await client.get('/api/love-points/mine'), 200);
    expect(points.balance).toBe(30);
    expect(points.entries[0].reason).toContain('敬老院义务理发');
    expect(expectStatus(await client.get('/api/notifications'), 200).items.some((n: { title: string }) => n.title === '志愿服务时长已记录')).toBe(true);
    // an activity of kind 志愿服务 credits its duration without being marked
    const kindOnly = expectStatus<{ id: number }>(
      await f.clients.cadreA.post('/api/activities', { orgId: f.orgs.streetA, title: '社区环境清洁', kind: 'volunteering', startsAt: inHours(1), endsAt: inHours(3), capacity: 10, openToAll: true }),
      201,
    );
    const reg2 = expectStatus(await client.post(`/api/activities/${kindOnly.id}/registrations`), 201);
    expectStatus(await f.clients.cadreA.post(`/api/activities/${kindOnly.id}/check-ins`, { code: reg2.code }), 200);
    expect(expectStatus(await client.get('/api/volunteers/me'), 200).hoursThisYear).toBe(5);
    const services = expectStatus(await f.clients.cadreA.get('/api/volunteer-services'), 200).items;
    expect(services.find((s: { activityId: number }) => s.activityId === activity.id)).toMatchObject({ hours: 3, served: 1 });
    const ranking = expectStatus(await f.clients.cadreA.get('/api/love-points/rankings'), 200).items;
    expect(ranking.find((r: { name: string }) => r.name === '志愿丙')).toMatchObject({ points: 50, hours: 5 });
  });
});
