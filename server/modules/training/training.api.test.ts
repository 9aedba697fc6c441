import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeIdNumber } from '../../platform/identity.ts';
import { multipart } from '../pioneer/test-world.ts';
import { PASSWORD, START, buildFixture, clockOf, createTestApp, createUser, expectStatus, login, type Client, type Fixture } from '../../test/harness.ts';

let app: FastifyInstance;
let f: Fixture;
let seq = 0;

/** A member of `orgId` with an account: created by the admin, applied, approved. */
async function member(orgId: number): Promise<Client> {
  const n = ++seq;
  const username = `course.m${n}.${process.pid}`;
  await createUser(f.admin, { username });
  const client = await login(app, username, PASSWORD);
  const body = { name: `培训学员${n}`, idNumber: makeIdNumber('330421', '1990-03-04', 6000 + n), phone: `1370003${String(1000 + n)}`, orgId, employerName: '测试单位', consent: true };
  const { id } = expectStatus<{ id: number }>(await client.post('/api/join-applications', body), 201);
  expectStatus(await f.admin.post(`/api/join-applications/${id}/approve`), 200);
  return client;
}

const hour = 3600_000;
const at = (hours: number) => new Date(Date.parse(START) + hours * hour).toISOString();
/** A course of street A: one session an hour from now (3 class hours) with `capacity` places, and lessons. */
async function course(capacity: number, extra: Record<string, unknown> = {}): Promise<number> {
  const body = { orgId: f.orgs.streetA, title: '技能培训班', sessions: [{ startsAt: at(1), endsAt: at(4), place: '信息港培训室', capacity }], lessons: [], ...extra };
  return expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/courses', body), 201).id;
}
const enrol = async (m: Client, id: number) => m.post(`/api/courses/${id}/enrolments`);

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

describe('training', () => {
  it('confirms enrolments while places last, then waitlists; a cancellation promotes the first waitlisted, who is notified', async () => {
    const id = await course(2);
    const [a, b, c, d] = await Promise.all([member(f.orgs.unionA), member(f.orgs.unionA), member(f.orgs.unionA), member(f.orgs.unionA)]);
    expect(expectStatus(await enrol(a, id), 201).status).toBe('confirmed');
    expect(expectStatus(await enrol(b, id), 201).status).toBe('confirmed');
    expect(expectStatus(await enrol(c, id), 201).status).toBe('waitlisted');
    expect(expectStatus(await enrol(d, id), 201).status).toBe('waitlisted');
    expect(expectStatus(await enrol(a, id), 409).code).toBe('course_enrolled');

    expectStatus(await a.delete(`/api/courses/${id}/enrolments/mine`), 204);
    const mineC = expectStatus(await c.get('/api/training/mine'), 200).items;
    expect(mineC).toEqual([expect.objectContaining({ courseId: id, status: 'confirmed' })]);
    expect(mineC[0].sessions[0].code).toMatch(/^[0-9A-F]{12}$/);
    const notices = expectStatus(await c.get('/api/notifications'), 200);
    expect(JSON.stringify(notices)).toContain('技能培训班');
    expect(expectStatus(await d.get('/api/training/mine'), 200).items[0]).toMatchObject({ status: 'waitlisted' });
    expect(expectStatus(await a.get('/api/training/mine'), 200).items).toEqual([]);
    const list = expectStatus(await f.clients.cadreA.get('/api/courses'), 200).items.find((x: { id: number }) => x.id === id);
    expect(list).toMatchObject({ capacity: 2, confirmed: 2, waitlisted: 1 });
  });

  it('gives exactly 10 places when 30 members race for them', async () => {
    const id = await course(10);
    const members = await Promise.all(Array.from({ length: 30 }, () => member(f.orgs.unionA)));
    const results = await Promise.all(members.map((m) => enrol(m, id)));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    expect(results.filter((r) => r.json().status === 'confirmed')).toHaveLength(10);
    expect(results.filter((r) => r.json().status === 'waitlisted')).toHaveLength(20);
    const detail = expectStatus(await f.clients.cadreA.get(`/api/courses/${id}`), 200);
    expect(detail).toMatchObject({ confirmed: 10, waitlisted: 20 });
  }, 120_000);

  it('records attendance by the session activity’s check-in, and completion with hours and a certificate', async () => {
    const id = await course(5, { lessons: [{ title: '杭工云课：安全生产', videoUrl: 'https://example.org/v/1', hours: 1 }] });
    const [good, absent, halfway] = await Promise.all([member(f.orgs.unionA), member(f.orgs.unionA), member(f.orgs.unionA)]);
    for (const m of [good, absent, halfway]) expectStatus(await enrol(m, id), 201);
    const detail = expectStatus(await f.clients.cadreA.get(`/api/courses/${id}`), 200);
    const activityId = detail.sessionList[0].activityId;
    for (const m of [good, halfway]) {
      const code = expectStatus(await m.get('/api/training/mine'), 200).items[0].sessions[0].code;
      expectStatus(await f.clients.cadreA.post(`/api/activities/${activityId}/check-ins`, { code }), 200);
    }
    const lesson = detail.lessonList[0].id;
    expect(expectStatus(await good.put(`/api/lessons/${lesson}/progress`, { percent: 95 }), 200)).toEqual({ percent: 95, finished: true });
    expectStatus(await halfway.put(`/api/lessons/${lesson}/progress`, { percent: 40 }), 200);
    expect(expectStatus(await good.put(`/api/lessons/${lesson}/progress`, { percent: 10 }), 200).percent).toBe(95);
    expect(expectStatus(await good.get('/api/training/mine'), 200).items[0]).toMatchObject({ hours: 4, totalHours: 4, completed: false });
    expect(expectStatus(await f.clients.cadreA.get(`/api/courses/${id}`), 200).sessionList[0].attended).toBe(2);

    // completion waits for the last session's end
    expect(expectStatus(await f.clients.cadreA.post(`/api/courses/${id}/complete`), 422).code).toBe('course_not_ended');
    clockOf(app).set(at(4.5));
    try {
      expect(expectStatus(await f.clients.cadreA.post(`/api/courses/${id}/complete`), 200)).toEqual({ enrolments: 3, completed: 1 });
      expect(expectStatus(await f.clients.cadreA.post(`/api/courses/${id}/complete`), 409).code).toBe('course_completed');
    } finally {
      clockOf(app).set(START);
    }
    const record = expectStatus(await good.get('/api/training/mine'), 200).items[0];
    expect(record).toMatchObject({ hours: 4, completed: true, certificateNo: expect.stringMatching(/^PX2025-/) });
    expect(expectStatus(await halfway.get('/api/training/mine'), 200).items[0]).toMatchObject({ hours: 3, completed: false, certificateNo: null });
    expect(expectStatus(await absent.get('/api/training/mine'), 200).items[0]).toMatchObject({ hours: 0, completed: false });
    const enrolments = expectStatus(await f.clients.cadreA.get(`/api/courses/${id}/enrolments`), 200);
    expect(enrolments.items.map((e: { attended: number }) => e.attended).sort()).toEqual([0, 1, 1]);
    const exported = await f.clients.cadreA.get(`/api/courses/${id}/attendance/export`);
    expect(exported.statusCode).toBe(200);
    const stats = expectStatus(await f.clients.cadreA.get(`/api/orgs/${f.orgs.streetA}/training-stats`), 200);
    expect(stats.completed).toBeGreaterThanOrEqual(1);
    expect(stats.hours).toBeGreaterThanOrEqual(7);
  });

  it('keeps courses to their scope: another street’s cadre is refused, a member sees only their own record', async () => {
    const id = await course(5);
    expectStatus(await f.clients.cadreB.get(`/api/courses/${id}`), 404);
    expectStatus(await f.clients.cadreB.get(`/api/courses/${id}/enrolments`), 404);
    expectStatus(await f.clients.cadreB.post(`/api/courses/${id}/complete`), 404);
    expectStatus(await f.clients.cadreB.post('/api/courses', { orgId: f.orgs.streetA, title: 'x', sessions: [], lessons: [] }), 404);
    expectStatus(await f.clients.cadreB.get(`/api/orgs/${f.orgs.streetA}/training-stats`), 404);
    expect(expectStatus(await f.clients.cadreB.get('/api/courses'), 200).items.some((c: { id: number }) => c.id === id)).toBe(false);
    // a member of street B neither sees nor enrols in it
    const b = await member(f.orgs.unionB);
    expect(expectStatus(await b.get('/api/courses/open'), 200).items.some((c: { id: number }) => c.id === id)).toBe(false);
    expectStatus(await enrol(b, id), 404);
    // two members of street A: each sees only their own enrolment
    const [x, y] = await Promise.all([member(f.orgs.unionA), member(f.orgs.unionA)]);
    expectStatus(await enrol(x, id), 201);
    expect(expectStatus(await y.get('/api/training/mine'), 200).items).toEqual([]);
    expect(expectStatus(await y.get('/api/courses/open'), 200).items.find((c: { id: number }) => c.id === id).mine).toBeNull();
    expect(expectStatus(await x.get('/api/courses/open'), 200).items.find((c: { id: number }) => c.id === id).mine).toBe('confirmed');
    // members may not use the console's routes; a worker who is no member may not enrol
    expectStatus(await x.get('/api/courses'), 403);
    await createUser(f.admin, { username: `course.nomember.${process.pid}` });
    const worker = await login(app, `course.nomember.${process.pid}`, PASSWORD);
    expect(expectStatus(await enrol(worker, id), 422).code).toBe('course_not_member');
    // a session ending before it starts names the field
    const bad = await f.clients.cadreA.post('/api/courses', { orgId: f.orgs.streetA, title: 'x', sessions: [{ startsAt: at(5), endsAt: at(4), place: 'p', capacity: 3 }] });
    expect(expectStatus(bad, 422).errors[0].field).toBe('sessions.0.endsAt');
  });

  it('takes a lesson’s file (a PDF or an MP4, by content) from a cadre in scope, refusing another kind with the field named', async () => {
    const id = await course(5, { lessons: [{ title: '安全生产课件', hours: 1 }] });
    const lesson = expectStatus(await f.clients.cadreA.get(`/api/courses/${id}`), 200).lessonList[0];
    expect(lesson).toMatchObject({ fileName: null, fileUrl: null });
    const url = `/api/lessons/${lesson.id}/file`;

    const wrong = expectStatus(await multipart(app, f.clients.cadreA, url, {}, { name: '课件.docx', type: 'application/octet-stream', data: Buffer.from('PK\u0003\u0004not a document') }), 422);
    expect(wrong.errors[0].field).toBe('file');
    const renamed = expectStatus(await multipart(app, f.clients.cadreA, url, {}, { name: '课件.pdf', type: 'application/pdf', data: Buffer.from('<html>not a pdf</html>') }), 422);
    expect(renamed.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    expect(expectStatus(await multipart(app, f.clients.cadreA, url, {}), 422).errors[0].field).toBe('file');
    expectStatus(await multipart(app, f.clients.cadreB, url, {}, { name: '课件.pdf', type: 'application/pdf', data: PDF }), 404);

    expect(expectStatus(await multipart(app, f.clients.cadreA, url, {}, { name: '安全生产.pdf', type: 'application/pdf', data: PDF }), 201)).toEqual({ id: lesson.id, fileName: '安全生产.pdf', fileUrl: url, size: PDF.length });
    expect(expectStatus(await f.clients.cadreA.get(`/api/courses/${id}`), 200).lessonList[0]).toMatchObject({ fileName: '安全生产.pdf', fileUrl: url });
    // a second upload replaces the first
    expectStatus(await multipart(app, f.clients.cadreA, url, {}, { name: '安全生产.mp4', type: 'video/mp4', data: MP4 }), 201);
    const res = await f.clients.cadreA.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(MP4)).toBe(true);
  });

  it('serves a lesson’s file to cadres in scope and members with a confirmed place only', async () => {
    const id = await course(1, { lessons: [{ title: '劳动合同法课件', hours: 1 }] });
    const lessonId = expectStatus(await f.clients.cadreA.get(`/api/courses/${id}`), 200).lessonList[0].id;
    const url = `/api/lessons/${lessonId}/file`;
    const [confirmed, waitlisted, outsider] = await Promise.all([member(f.orgs.unionA), member(f.orgs.unionA), member(f.orgs.unionA)]);
    expectStatus(await enrol(confirmed, id), 201);
    expect(expectStatus(await enrol(waitlisted, id), 201).status).toBe('waitlisted');
    // no file yet: 404 for everyone
    expectStatus(await confirmed.get(url), 404);
    expectStatus(await multipart(app, f.clients.cadreA, url, {}, { name: '劳动合同法.pdf', type: 'application/pdf', data: PDF }), 201);

    const got = await confirmed.get(url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await f.clients.cadreA.get(url)).statusCode).toBe(200);
    expect((await f.clients.countyCadre.get(url)).statusCode).toBe(200);
    expectStatus(await f.clients.cadreB.get(url), 404);
    expectStatus(await waitlisted.get(url), 404);
    expectStatus(await outsider.get(url), 404);
    expectStatus(await (await member(f.orgs.unionB)).get(url), 404);
    // members may not upload
    expectStatus(await multipart(app, confirmed, url, {}, { name: 'x.pdf', type: 'application/pdf', data: PDF }), 403);
    // cancelling the place closes the file
    expectStatus(await confirmed.delete(`/api/courses/${id}/enrolments/mine`), 204);
    expectStatus(await confirmed.get(url), 404);
    expect((await waitlisted.get(url)).statusCode).toBe(200);
  });

  it('filters the course list by status and by part of the title', async () => {
    const id = await course(5, { title: '焊工技能提升班' });
    const titles = async (query: string) => expectStatus(await f.clients.cadreA.get(`/api/courses?${query}`), 200).items.map((c: { id: number }) => c.id);
    expect(await titles(`q=${encodeURIComponent('焊工')}`)).toEqual([id]);
    expect(await titles(`q=${encodeURIComponent('焊工')}&status=completed`)).toEqual([]);
    expect(await titles(`q=${encodeURIComponent('焊工')}&status=running`)).toEqual([id]);
  });
});

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
/** The first box of an MP4 (ftyp), enough for the kind check. */
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(12)]);
