import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, clockOf, createTestApp, createUser, expectStatus, login, PASSWORD, sentSms, type Client, type Fixture } from '../../test/harness.ts';
import { newIdNumber, signUpMember, signUpWorker } from '../../test/people.ts';

/**
 * Notifications as people meet them: each trigger of issue #17 §2 posts the right notice to the
 * right people, once, in the reader's language, with its text message where the notice has one;
 * and the bell's list, unread count and read marks. Also the workbench's to-do counts per scope.
 */
let app: FastifyInstance;
let f: Fixture;
let seq = 0;

type Notice = { id: number; kind: string; title: string; body: string; link: string | null; createdAt: string; readAt: string | null };
const noticesOf = async (as: Client, query = '') => expectStatus<{ items: Notice[]; total: number; unread: number }>(await as.get(`/api/notifications?pageSize=200${query}`), 200);
const kinds = async (as: Client) => (await noticesOf(as)).items.map((n) => n.kind);
const inHours = (h: number) => new Date(clockOf(app)().getTime() + h * 3600_000).toISOString();
/** Runs what the worker would run by now: queued text messages, and the scheduled sweeps when sent. */
const drain = () => app.deps.jobs.drain();
const runJob = async (name: string) => {
  await app.deps.jobs.send(name, {}, { key: `${name}@${++seq}` });
  await drain();
};

async function worker(): Promise<Client> {
  const username = `notice.worker${++seq}`;
  await createUser(f.admin, { username, orgId: f.orgs.unionA });
  return login(app, username, PASSWORD);
}

async function apply(as: Client, orgId: number, name: string) {
  return expectStatus<{ id: number }>(await as.post('/api/join-applications', { name, idNumber: newIdNumber(), phone: `137${String(20_000_000 + ++seq).slice(-8)}`, orgId, employerName: '测试单位', consent: true }), 201).id;
}

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

describe('the bell', () => {
  it('tells an applicant their application was approved, in their language, with a text message, once', async () => {
    const { client, phone } = await signUpWorker(app);
    const id = await apply(client, f.orgs.unionA, '沈佳');
    const { memberNo } = expectStatus(await f.clients.cadreA.post(`/api/join-applications/${id}/approve`), 200);
    const page = await noticesOf(client);
    expect(page.unread).toBe(1);
    expect(page.items).toEqual([
      {
        id: expect.any(Number),
        kind: 'application_approved',
        title: '入会申请已通过',
        body: `您加入魏塘精工有限公司工会的申请已通过，会员编号 ${memberNo}。电子会员证可在“会员证”中查看。`,
        link: '/m/card',
        createdAt: clockOf(app)().toISOString(),
        readAt: null,
      },
    ]);
    const english = expectStatus(await client.get('/api/notifications', { headers: { 'accept-language': 'en' } }), 200);
    expect(english.items[0].title).toBe('Membership application approved');

    await drain();
    const texts = sentSms(app).filter((m) => m.phone === phone && m.text.includes('入会申请已通过'));
    expect(texts).toHaveLength(1);
    expect(texts[0]!.text).toBe(`【工会】入会申请已通过：${page.items[0]!.body}`);
    await drain();
    expect(sentSms(app).filter((m) => m.phone === phone && m.text.includes('入会申请已通过'))).toHaveLength(1);
  });

  it('gives a rejected applicant the reason', async () => {
    const { client } = await signUpWorker(app);
    const id = await apply(client, f.orgs.unionB, '钱多');
    expectStatus(await f.clients.cadreB.post(`/api/join-applications/${id}/reject`, { reason: '不在本单位工作' }), 200);
    const [notice] = (await noticesOf(client)).items;
    expect(notice).toMatchObject({ kind: 'application_rejected', title: '入会申请未通过', body: '您加入罗星电子有限公司工会的申请未通过。原因：不在本单位工作', link: '/m/join' });
  });

  it('marks one notice read, then all; a notice of someone else is not found', async () => {
    const { client } = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '孙读');
    const other = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '李他');
    const [mine] = (await noticesOf(client)).items;
    const [theirs] = (await noticesOf(other.client)).items;
    expect((await client.post(`/api/notifications/${theirs!.id}/read`)).statusCode).toBe(404);
    expect((await noticesOf(other.client)).unread).toBe(1);

    expect((await client.post(`/api/notifications/${mine!.id}/read`)).statusCode).toBe(204);
    expect((await client.post(`/api/notifications/${mine!.id}/read`)).statusCode).toBe(204);
    const after = await noticesOf(client);
    expect(after.unread).toBe(0);
    expect(after.items[0]!.readAt).toBe(clockOf(app)().toISOString());
    expect((await noticesOf(client, '&unread=true')).items).toEqual([]);

    expect((await other.client.post('/api/notifications/read-all')).statusCode).toBe(204);
    expect((await noticesOf(other.client)).unread).toBe(0);
  });

  it('needs a session', async () => {
    const anon = await app.inject({ method: 'GET', url: '/api/notifications' });
    expect(anon.statusCode).toBe(401);
  });
});

describe('activities', () => {
  it('tells the first on the waiting list when a place comes free', async () => {
    const id = expectStatus(await f.clients.cadreA.post('/api/activities', { orgId: f.orgs.streetA, title: '职工篮球赛', kind: 'sports', startsAt: inHours(72), endsAt: inHours(74), capacity: 1, openToAll: true }), 201).id;
    const [first, second, third] = [await worker(), await worker(), await worker()];
    for (const p of [first, second, third]) expectStatus(await p!.post(`/api/activities/${id}/registrations`), 201);
    expect((await first!.delete(`/api/activities/${id}/registrations/mine`)).statusCode).toBe(204);
    expect(await kinds(second!)).toEqual(['waitlist_promoted']);
    expect(await kinds(third!)).toEqual([]);
    expect((await noticesOf(second!)).items[0]!.body).toContain('“职工篮球赛”有了名额');
  });

  it('reminds the confirmed a day ahead, once, and tells everyone registered when it is cancelled', async () => {
    const id = expectStatus(await f.clients.cadreA.post('/api/activities', { orgId: f.orgs.streetA, title: '夏送清凉慰问', kind: 'volunteering', place: '魏塘街道文化站', startsAt: inHours(30), endsAt: inHours(32), capacity: 1, openToAll: true }), 201).id;
    const [going, waiting] = [await worker(), await worker()];
    expectStatus(await going!.post(`/api/activities/${id}/registrations`), 201);
    expectStatus(await waiting!.post(`/api/activities/${id}/registrations`), 201);

    await runJob('activities.reminders');
    expect(await kinds(going!)).toEqual([]);
    clockOf(app).advance(7 * 3600_000);
    await runJob('activities.reminders');
    await runJob('activities.reminders');
    expect(await kinds(going!)).toEqual(['activity_reminder']);
    expect((await noticesOf(going!)).items[0]!.body).toContain('地点：魏塘街道文化站');
    expect(await kinds(waiting!)).toEqual([]);

    expectStatus(await f.clients.cadreA.post(`/api/activities/${id}/cancel`), 200);
    expect(await kinds(going!)).toEqual(['activity_cancelled', 'activity_reminder']);
    expect(await kinds(waiting!)).toEqual(['activity_cancelled']);
  });
});

describe('members', () => {
  it('escalates an application left 15 working days to the cadres of the union’s parent, once', async () => {
    const { client } = await signUpWorker(app);
    await apply(client, f.orgs.unionB, '周迟');
    const before = await kinds(f.clients.cadreB);
    await runJob('members.overdue_escalation');
    expect(await kinds(f.clients.cadreB)).toEqual(before);

    clockOf(app).advance(22 * 24 * 3600_000);
    await runJob('members.overdue_escalation');
    await runJob('members.overdue_escalation');
    const escalated = (await noticesOf(f.clients.cadreB)).items.filter((n) => n.kind === 'join_overdue');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({ title: '入会申请超期未审批', link: '/members/applications?status=pending&overdue=true' });
    expect(escalated[0]!.body).toContain('罗星电子有限公司工会收到的周迟的入会申请');
    // the street above union B, not the street of union A
    expect((await noticesOf(f.clients.cadreA)).items.filter((n) => n.body.includes('周迟'))).toEqual([]);
  });

  it('tells the member and the cadre who started it that a transfer was accepted', async () => {
    const moving = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '吴迁');
    const transfer = expectStatus(await f.clients.cadreA.post(`/api/members/${moving.memberId}/transfers`, { toOrgId: f.orgs.unionB }), 201);
    expectStatus(await f.clients.cadreB.post(`/api/transfers/${transfer.id}/accept`), 200);
    const toMember = (await noticesOf(moving.client)).items.find((n) => n.kind === 'transfer_accepted');
    expect(toMember).toMatchObject({ body: '吴迁的会员关系已由魏塘精工有限公司工会转入罗星电子有限公司工会。', link: '/m/card' });
    expect((await noticesOf(f.clients.cadreA)).items.find((n) => n.kind === 'transfer_accepted' && n.body.startsWith('吴迁'))).toMatchObject({ link: '/members/transfers' });
  });
});

describe('contests', () => {
  it('tells the author whether their entry was approved, and why not', async () => {
    const author = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '郑写');
    const contestId = expectStatus(
      await f.clients.cadreA.post('/api/contests', { orgId: f.orgs.streetA, title: '我的工会故事', theme: '征文', entryKind: 'text', submitOpensAt: inHours(-1), submitClosesAt: inHours(24), voteOpensAt: inHours(-1), voteClosesAt: inHours(48), votesPerMember: 1 }),
      201,
    ).id;
    const first = expectStatus(await author.client.post(`/api/contests/${contestId}/entries`, { title: '师傅', body: '二十年前，师傅教我第一课。' }), 201).id;
    const second = expectStatus(await author.client.post(`/api/contests/${contestId}/entries`, { title: '夜班', body: '凌晨三点的车间。' }), 201).id;
    expectStatus(await f.clients.cadreA.post(`/api/contest-entries/${first}/approve`), 200);
    expectStatus(await f.clients.cadreA.post(`/api/contest-entries/${second}/reject`, { reason: '与主题无关' }), 200);
    const notices = (await noticesOf(author.client)).items.filter((n) => n.kind.startsWith('contest_entry'));
    expect(notices.map((n) => [n.kind, n.body])).toEqual([
      ['contest_entry_rejected', '您参加“我的工会故事”的作品“夜班”未通过审核。原因：与主题无关'],
      ['contest_entry_approved', '您参加“我的工会故事”的作品“师傅”已通过审核，已在作品展示中公开。'],
    ]);
    expect(notices[0]!.link).toBe(`/m/contests/${contestId}`);
  });
});

describe('the workbench’s to-dos', () => {
  type Todo = { kind: string; count: number; overdue: number; link: string };
  const todos = async (as: Client) => expectStatus<{ items: Todo[] }>(await as.get('/api/todos'), 200).items;
  const todo = async (as: Client, kind: string) => (await todos(as)).find((t) => t.kind === kind);

  it('counts pending applications over each cadre’s scope, overdue ones apart', async () => {
    const street = await todo(f.clients.cadreA, 'join_applications');
    const county = await todo(f.clients.countyCadre, 'join_applications');
    const other = await todo(f.clients.cadreB, 'join_applications');
    const { client } = await signUpWorker(app);
    await apply(client, f.orgs.unionA, '冯新');
    expect(await todo(f.clients.cadreA, 'join_applications')).toEqual({ kind: 'join_applications', count: street!.count + 1, overdue: street!.overdue, link: '/members/applications?status=pending' });
    expect((await todo(f.clients.countyCadre, 'join_applications'))!.count).toBe(county!.count + 1);
    expect((await todo(f.clients.cadreB, 'join_applications'))!.count).toBe(other!.count);

    clockOf(app).advance(22 * 24 * 3600_000);
    const late = await todo(f.clients.cadreA, 'join_applications');
    expect(late!.overdue).toBe(late!.count);
    expect(late!.count).toBeGreaterThan(0);
  });

  it('shows a viewer no decisions to take and a worker nothing at all', async () => {
    expect((await todos(f.clients.viewer)).map((t) => t.kind)).not.toContain('join_applications');
    const { client } = await signUpWorker(app);
    expect(await todos(client)).toEqual([]);
  });

  it('counts incoming transfers for the receiving union only', async () => {
    const moving = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '褚转');
    const before = (await todo(f.clients.cadreB, 'transfers_incoming'))!.count;
    const beforeA = (await todo(f.clients.cadreA, 'transfers_incoming'))!.count;
    expectStatus(await f.clients.cadreA.post(`/api/members/${moving.memberId}/transfers`, { toOrgId: f.orgs.unionB }), 201);
    expect((await todo(f.clients.cadreB, 'transfers_incoming'))!.count).toBe(before + 1);
    expect((await todo(f.clients.cadreA, 'transfers_incoming'))!.count).toBe(beforeA);
  });

  it('counts entries waiting for moderation in the contests of the scope', async () => {
    const author = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '卫投');
    const contestId = expectStatus(
      await f.clients.cadreA.post('/api/contests', { orgId: f.orgs.streetA, title: '劳动之美', theme: '征文', entryKind: 'text', submitOpensAt: inHours(-1), submitClosesAt: inHours(24), voteOpensAt: inHours(-1), voteClosesAt: inHours(48), votesPerMember: 1 }),
      201,
    ).id;
    const [a, b] = [(await todo(f.clients.cadreA, 'contest_entries'))!.count, (await todo(f.clients.cadreB, 'contest_entries'))!.count];
    expectStatus(await author.client.post(`/api/contests/${contestId}/entries`, { title: '焊花', body: '焊花飞溅的夜晚。' }), 201);
    expect((await todo(f.clients.cadreA, 'contest_entries'))!.count).toBe(a + 1);
    expect((await todo(f.clients.cadreB, 'contest_entries'))!.count).toBe(b);
  });
});
