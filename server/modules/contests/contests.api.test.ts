import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, clockOf, createTestApp, expectStatus, type Client, type Fixture } from '../../test/harness.ts';
import { signUpMember, signUpWorker } from '../../test/people.ts';
import { readExport } from '../../test/exports.ts';

let app: FastifyInstance;
let f: Fixture;
let alice: Client;
let bob: Client;
let carol: Client;

const inHours = (h: number) => new Date(clockOf(app)().getTime() + h * 3600_000).toISOString();

async function open(overrides: Record<string, unknown> = {}) {
  const body = {
    orgId: f.orgs.streetA,
    title: '随手拍 · 秋',
    theme: '秋',
    entryKind: 'photo',
    submitOpensAt: inHours(-1),
    submitClosesAt: inHours(24),
    voteOpensAt: inHours(-1),
    voteClosesAt: inHours(48),
    votesPerMember: 1,
    ...overrides,
  };
  return expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/contests', body), 201).id;
}

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type: string }) {
  const boundary = `----gonghui${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function submitPhoto(as: Client, contestId: number, title: string, data: Buffer, name = 'autumn.jpg') {
  const { payload, headers } = multipart({ title }, { name, data, type: 'image/jpeg' });
  return app.inject({ method: 'POST', url: `/api/contests/${contestId}/entries`, payload, headers: { ...headers, cookie: `gh_session=${as.cookie}`, 'x-csrf-token': as.csrfToken! } });
}

/** A JPEG that carries GPS coordinates in its EXIF, like a phone photo. */
const geotagged = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 50/1 12/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 55/1 30/1' } })
    .toBuffer();

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  alice = (await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '爱丽')).client;
  bob = (await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '鲍勃')).client;
  carol = (await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '卡萝')).client;
});
afterAll(() => app.close());

describe('photo contest', () => {
  it('strips location metadata, makes a thumbnail, moderates, shows the gallery and counts one vote per rule', async () => {
    const id = await open();
    const original = await geotagged();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const entry = expectStatus(await submitPhoto(alice, id, '湖畔秋色', original), 201);
    expect(entry).toEqual({ id: expect.any(Number), status: 'pending' });
    const row = await app.deps.db.selectFrom('contest_entries').select(['file_path', 'thumb_path']).where('id', '=', entry.id).executeTakeFirstOrThrow();
    const stored = await sharp((await app.deps.files.read(row.file_path!))!).metadata();
    expect(stored.exif).toBeUndefined();
    expect(stored.format).toBe('jpeg');
    const thumb = await sharp((await app.deps.files.read(row.thumb_path!))!).metadata();
    expect(thumb.width).toBe(480);

    // pending entries are not in the gallery and cannot be voted for
    expect(expectStatus(await bob.get(`/api/contests/${id}/gallery`), 200).total).toBe(0);
    expect((await bob.post(`/api/contest-entries/${entry.id}/votes`)).statusCode).toBe(422);

    // The cadre who may write the contest is offered moderation of the pending entry; a viewer reads it without.
    const offered = async (as: Client) => ({
      contest: expectStatus(await as.get(`/api/contests/${id}`), 200).actions,
      entry: expectStatus(await as.get(`/api/contests/${id}/entries?status=pending`), 200).items.find((e: { id: number }) => e.id === entry.id).actions,
    });
    expect(await offered(f.clients.cadreA)).toEqual({ contest: ['moderate'], entry: ['approve', 'reject'] });
    expect(await offered(f.clients.viewer)).toEqual({ contest: [], entry: [] });
    expect(expectStatus(await bob.get(`/api/contests/${id}`), 200).actions).toEqual([]);

    expect((await f.clients.cadreB.post(`/api/contest-entries/${entry.id}/approve`)).statusCode).toBe(404);
    expectStatus(await f.clients.cadreA.post(`/api/contest-entries/${entry.id}/approve`), 200);
    expect(expectStatus(await f.clients.cadreA.get(`/api/contests/${id}/entries`), 200).items.find((e: { id: number }) => e.id === entry.id).actions).toEqual([]);
    const galleryItem = expectStatus(await bob.get(`/api/contests/${id}/gallery`), 200).items[0];
    expect(galleryItem).toMatchObject({ id: entry.id, title: '湖畔秋色', author: '爱丽', votes: 0, votedByMe: false });
    const image = await bob.get(galleryItem.thumbUrl);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['x-content-type-options']).toBe('nosniff');

    expectStatus(await bob.post(`/api/contest-entries/${entry.id}/votes`), 201);
    expect((await bob.post(`/api/contest-entries/${entry.id}/votes`)).statusCode).toBe(409);
    expect((await alice.post(`/api/contest-entries/${entry.id}/votes`)).json().code).toBe('contest_own_entry');
    expect(expectStatus(await carol.get(`/api/contests/${id}/gallery`), 200).items[0].votes).toBe(1);
  });

  it('refuses files that are not photos, whatever their name', async () => {
    const id = await open();
    const fake = await submitPhoto(carol, id, '假照片', Buffer.from('<html><script>alert(1)</script></html>'), 'x.jpg');
    expect(fake.statusCode).toBe(422);
    expect(fake.json().errors[0].field).toBe('file');
    const html = await submitPhoto(carol, id, '网页', Buffer.from('<html></html>'), 'x.html');
    expect(html.statusCode).toBe(422);
  });

  it('caps votes at the contest’s rule and ranks ties on the same place', async () => {
    const id = await open({ entryKind: 'text', votesPerMember: 2 });
    const post = (as: Client, title: string) => as.post(`/api/contests/${id}/entries`, { title, body: '征文正文' });
    const a = expectStatus(await post(alice, '我的工会故事'), 201).id;
    const b = expectStatus(await post(bob, '车间里的春天'), 201).id;
    const c = expectStatus(await post(carol, '夜班'), 201).id;
    expect((await post(alice, '第二篇')).json().code).toBe('contest_entry_limit');
    for (const e of [a, b, c]) expectStatus(await f.clients.cadreA.post(`/api/contest-entries/${e}/approve`), 200);

    const [extra1, extra2] = await Promise.all([signUpMember(app, f.clients.cadreA, f.orgs.unionA), signUpMember(app, f.clients.cadreA, f.orgs.unionA)]);
    expectStatus(await extra1.client.post(`/api/contest-entries/${a}/votes`), 201);
    expectStatus(await extra1.client.post(`/api/contest-entries/${b}/votes`), 201);
    const third = await extra1.client.post(`/api/contest-entries/${c}/votes`);
    expect(third.statusCode).toBe(422);
    expect(third.json().code).toBe('contest_vote_limit');
    expectStatus(await extra2.client.post(`/api/contest-entries/${a}/votes`), 201);
    expectStatus(await carol.post(`/api/contest-entries/${b}/votes`), 201);

    const ranking = expectStatus(await alice.get(`/api/contests/${id}/results`), 200).items;
    expect(ranking.map((r: { id: number; rank: number; votes: number }) => [r.id, r.votes, r.rank])).toEqual([
      [a, 2, 1],
      [b, 2, 1],
      [c, 0, 3],
    ]);
  });

  it('accepts votes only inside the voting window and entries only from members in the audience', async () => {
    const id = await open({ entryKind: 'text', voteOpensAt: inHours(2), voteClosesAt: inHours(30) });
    const e = expectStatus(await alice.post(`/api/contests/${id}/entries`, { title: '早到的作品', body: '正文' }), 201).id;
    expectStatus(await f.clients.cadreA.post(`/api/contest-entries/${e}/approve`), 200);
    const early = await bob.post(`/api/contest-entries/${e}/votes`);
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('contest_vote_closed');

    // A worker who is no member is told the contest is for members (not that it is gone); a member of another street's union does not learn of it.
    const { client: stranger } = await signUpWorker(app);
    const forMembers = await stranger.get(`/api/contests/${id}`);
    expect(forMembers.statusCode).toBe(403);
    expect(forMembers.json()).toMatchObject({ code: 'contest_members_only', detail: '仅工会会员可以参赛和投票' });
    expect((await stranger.post(`/api/contests/${id}/entries`, { title: 'x', body: 'y' })).statusCode).toBe(403);
    expect((await stranger.get(`/api/contests/${id + 100000}`)).statusCode).toBe(404);
    const otherStreet = await signUpMember(app, f.clients.cadreB, f.orgs.unionB);
    expect((await otherStreet.client.get(`/api/contests/${id}`)).statusCode).toBe(404);
    expect((await otherStreet.client.post(`/api/contests/${id}/entries`, { title: 'x', body: 'y' })).statusCode).toBe(404);
    expect((await f.clients.cadreB.get(`/api/contests/${id}/entries`)).statusCode).toBe(404);
    const invalid = await bob.post(`/api/contests/${id}/entries`, { title: '', body: '正文' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].field).toBe('title');
  });

  it('shows members their own entries in every state, with the reason of a rejection, and nobody else’s', async () => {
    const id = await open({ entryKind: 'text', entriesPerMember: 3 });
    const kept = expectStatus(await alice.post(`/api/contests/${id}/entries`, { title: '通过的作品', body: '正文' }), 201).id;
    const refused = expectStatus(await alice.post(`/api/contests/${id}/entries`, { title: '退回的作品', body: '正文' }), 201).id;
    const waiting = expectStatus(await alice.post(`/api/contests/${id}/entries`, { title: '待审的作品', body: '正文' }), 201).id;
    expectStatus(await bob.post(`/api/contests/${id}/entries`, { title: '别人的作品', body: '正文' }), 201);
    expectStatus(await f.clients.cadreA.post(`/api/contest-entries/${kept}/approve`), 200);
    expectStatus(await f.clients.cadreA.post(`/api/contest-entries/${refused}/reject`, { reason: '与主题不符' }), 200);

    const mine = expectStatus(await alice.get(`/api/contests/${id}/entries/mine`), 200);
    expect(mine.total).toBe(3);
    expect(mine.items.map((e: { id: number; status: string; reason: string | null }) => [e.id, e.status, e.reason])).toEqual([
      [waiting, 'pending', null],
      [refused, 'rejected', '与主题不符'],
      [kept, 'approved', null],
    ]);
    // the gallery shows only the approved one
    expect(expectStatus(await alice.get(`/api/contests/${id}/gallery`), 200).items.map((e: { id: number }) => e.id)).toEqual([kept]);
    expect(expectStatus(await carol.get(`/api/contests/${id}/entries/mine`), 200)).toEqual({ items: [], total: 0 });
    const { client: stranger } = await signUpWorker(app);
    expect((await stranger.get(`/api/contests/${id}/entries/mine`)).statusCode).toBe(403);
  });
  it('lists a county cadre the contests of one street with that street’s total, not the whole county’s', async () => {
    await open({ title: '魏塘 · 书香' });
    await f.clients.cadreB.post('/api/contests', { orgId: f.orgs.streetB, title: '罗星 · 匠心', theme: '匠心', entryKind: 'text', submitOpensAt: inHours(-1), submitClosesAt: inHours(24), voteOpensAt: inHours(-1), voteClosesAt: inHours(48), votesPerMember: 1 });
    const countyCadre = f.clients.countyCadre;
    const all = expectStatus<{ items: unknown[]; total: number }>(await countyCadre.get('/api/contests?pageSize=200'), 200);
    const streetB = expectStatus<{ items: { orgId: number }[]; total: number }>(await countyCadre.get(`/api/contests?orgId=${f.orgs.streetB}&pageSize=200`), 200);
    expect(streetB.items.length).toBeGreaterThan(0);
    expect(streetB.items.every((c) => c.orgId === f.orgs.streetB)).toBe(true);
    expect(streetB.total).toBe(streetB.items.length);
    expect(all.total).toBeGreaterThan(streetB.total);
  });
});

describe('exports', () => {
  it('exports a contest’s entries as the moderation list filters them, by authors’ real names, within scope only', async () => {
    const id = await open({ title: '征文 · 家风', entryKind: 'text' });
    expectStatus(await alice.post(`/api/contests/${id}/entries`, { title: '我家的家风', body: '正文' }), 201);
    expectStatus(await bob.post(`/api/contests/${id}/entries`, { title: '父亲的手', body: '正文' }), 201);
    const listed = expectStatus(await f.clients.cadreA.get(`/api/contests/${id}/entries?status=pending`), 200);
    const sheet = await readExport(await f.clients.cadreA.get(`/api/contests/${id}/entries/export?status=pending`));
    expect(sheet.name).toMatch(/^参赛作品（征文 · 家风）-魏塘街道总工会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(sheet.column('作品名称').sort()).toEqual(listed.items.map((e: { title: string }) => e.title).sort());
    expect(sheet.column('作者').sort()).toEqual(listed.items.map((e: { author: string }) => e.author).sort());
    expect((await f.clients.cadreB.get(`/api/contests/${id}/entries/export`)).statusCode).toBe(404);
  });

  it('exports the contests list as it filters them; a street cadre’s holds only their street’s', async () => {
    const listed = expectStatus(await f.clients.countyCadre.get(`/api/contests?orgId=${f.orgs.streetA}&pageSize=200`), 200);
    const sheet = await readExport(await f.clients.countyCadre.get(`/api/contests/export?orgId=${f.orgs.streetA}`));
    expect(sheet.name).toMatch(/^比赛-魏塘街道总工会-/);
    expect(sheet.column('名称').sort()).toEqual(listed.items.map((c: { title: string }) => c.title).sort());
    expect((await readExport(await f.clients.cadreB.get('/api/contests/export'))).column('主办组织').every((v) => v === '罗星街道总工会')).toBe(true);
  });
});
