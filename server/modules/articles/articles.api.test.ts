import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { anonymous, buildFixture, clockOf, createTestApp, expectStatus, type Client, type Fixture } from '../../test/harness.ts';
import { signUpMember, signUpWorker } from '../../test/people.ts';
import { readExport } from '../../test/exports.ts';

let app: FastifyInstance;
let f: Fixture;
/** a member of union A (street A) and one of union B (street B), each with an account */
let memberA: Client;
let memberB: Client;
/** a logged-in worker who is no member */
let worker: Client;
let anon: Client;
let seq = 0;

const inHours = (h: number) => new Date(clockOf(app)().getTime() + h * 3600_000).toISOString();
const now = () => clockOf(app)().toISOString();

/** Writes an article (published now unless `publishAt: undefined` is passed) and returns its id. */
async function write(overrides: Record<string, unknown> = {}, as: Client = f.clients.cadreA) {
  const body = { orgId: f.orgs.streetA, column: 'notice', title: `魏塘街道通知${++seq}`, body: '<p>请各基层工会做好夏季送清凉工作。</p>', public: false, publishAt: now(), ...overrides };
  return expectStatus<{ id: number; status: string }>(await as.post('/api/articles', body), 201);
}

const listed = async (as: Client, query = '') => (expectStatus(await as.get(`/api/articles?pageSize=200${query}`), 200).items as { id: number }[]).map((i) => i.id);

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  memberA = (await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '魏塘会员')).client;
  memberB = (await signUpMember(app, f.clients.cadreB, f.orgs.unionB, '罗星会员')).client;
  worker = (await signUpWorker(app)).client;
  anon = anonymous(app);
});
afterAll(() => app.close());

describe('who reads an article', () => {
  it('a street cadre publishes to their street: its members read it, a member of another street does not', async () => {
    const { id, status } = await write();
    expect(status).toBe('published');
    expect(await listed(memberA)).toContain(id);
    expect(await listed(memberB)).not.toContain(id);
    expect((await memberB.get(`/api/articles/${id}`)).statusCode).toBe(404);
    expect(expectStatus(await memberA.get(`/api/articles/${id}`), 200)).toEqual({
      id,
      title: expect.stringContaining('魏塘街道通知'),
      body: '<p>请各基层工会做好夏季送清凉工作。</p>',
      column: 'notice',
      orgName: '魏塘街道总工会',
      publishedAt: now(),
      reads: 1,
    });
  });

  it('a member reads the articles of every union above theirs, never those below or beside', async () => {
    const county = (await write({ orgId: f.orgs.county, title: '县总工会通知' }, f.clients.countyCadre)).id;
    const unionB = (await write({ orgId: f.orgs.unionB, title: '罗星电子通知' }, f.clients.cadreB)).id;
    const a = await listed(memberA);
    expect(a).toContain(county);
    expect(a).not.toContain(unionB);
    expect(await listed(memberB)).toEqual(expect.arrayContaining([county, unionB]));
  });

  it('anyone without a membership, logged in or not, sees only public articles', async () => {
    const open = (await write({ public: true, column: 'policy', title: '劳动合同法要点' })).id;
    const closed = (await write({ title: '仅会员可见' })).id;
    for (const who of [anon, worker]) {
      const ids = await listed(who);
      expect(ids).toContain(open);
      expect(ids).not.toContain(closed);
      expect((await who.get(`/api/articles/${closed}`)).statusCode).toBe(404);
      expect(expectStatus(await who.get(`/api/articles/${open}`), 200).title).toBe('劳动合同法要点');
    }
    expect(await listed(memberB)).toContain(open);
  });

  it('lists the exact contract shape, filtered by column and by org', async () => {
    const id = (await write({ public: true, column: 'rights_guide', title: '欠薪怎么办', body: '<p>第一步：<strong>保留证据</strong>。</p>' })).id;
    const page = expectStatus(await anon.get('/api/articles?column=rights_guide'), 200);
    expect(page.items.find((i: { id: number }) => i.id === id)).toEqual({ id, title: '欠薪怎么办', column: 'rights_guide', orgName: '魏塘街道总工会', publishedAt: now(), summary: '第一步：保留证据。' });
    expect(page.items.every((i: { column: string }) => i.column === 'rights_guide')).toBe(true);
    expect(page.total).toBe(page.items.length);
    expect(await listed(anon, `&orgId=${f.orgs.streetB}`)).not.toContain(id);
    expect(await listed(anon, `&orgId=${f.orgs.streetA}`)).toContain(id);
  });

  it('keeps drafts from readers until they are published', async () => {
    const { id, status } = await write({ publishAt: undefined, public: true });
    expect(status).toBe('draft');
    expect(await listed(anon)).not.toContain(id);
    expect((await memberA.get(`/api/articles/${id}`)).statusCode).toBe(404);
    expect(expectStatus(await f.clients.cadreA.post(`/api/articles/${id}/publish`, {}), 200).status).toBe('published');
    expect(await listed(anon)).toContain(id);
    expect((await f.clients.cadreA.post(`/api/articles/${id}/publish`, {})).json().code).toBe('article_already_published');
  });

  it('a scheduled article is invisible before its time and visible from it, with no job run', async () => {
    const { id, status } = await write({ public: true, publishAt: inHours(2) });
    expect(status).toBe('scheduled');
    expect(await listed(anon)).not.toContain(id);
    expect((await anon.get(`/api/articles/${id}`)).statusCode).toBe(404);
    expect(expectStatus(await f.clients.cadreA.get(`/api/articles/manage?status=scheduled`), 200).items.map((i: { id: number }) => i.id)).toContain(id);
    clockOf(app).advance(2 * 3600_000);
    expect(await listed(anon)).toContain(id);
    expect(expectStatus(await f.clients.cadreA.get(`/api/articles/manage/${id}`), 200).status).toBe('published');
  });

  it('withdrawing hides an article from readers (and unpins it); publishing again shows it', async () => {
    const { id } = await write({ public: true });
    const offered = async (as: Client) => expectStatus(await as.get(`/api/articles/manage/${id}`), 200).actions;
    expect(await offered(f.clients.cadreA)).toEqual(['update', 'withdraw', 'pin']);
    expect(await offered(f.clients.viewer)).toEqual([]);
    const pinned = expectStatus(await f.clients.cadreA.post(`/api/articles/${id}/pin`, { pinned: true }), 200);
    expect(pinned.actions).toEqual(['update', 'withdraw', 'unpin']);
    const withdrawn = expectStatus(await f.clients.cadreA.post(`/api/articles/${id}/withdraw`), 200);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', pinned: false, actions: ['update', 'publish'] });
    const inList = expectStatus(await f.clients.viewer.get('/api/articles/manage?pageSize=200'), 200).items.find((a: { id: number }) => a.id === id);
    expect(inList.actions).toEqual([]);
    expect(await listed(memberA)).not.toContain(id);
    expect((await anon.get(`/api/articles/${id}`)).statusCode).toBe(404);
    expect((await f.clients.cadreA.post(`/api/articles/${id}/withdraw`)).json().code).toBe('article_not_published');
    expect((await f.clients.cadreA.post(`/api/articles/${id}/pin`, { pinned: true })).json().code).toBe('article_not_published');
    expectStatus(await f.clients.cadreA.post(`/api/articles/${id}/publish`, {}), 200);
    expect(await listed(anon)).toContain(id);
  });

  it('lists a pinned article first', async () => {
    const older = (await write({ public: true, publishAt: inHours(-5) })).id;
    await write({ public: true });
    expectStatus(await f.clients.cadreA.post(`/api/articles/${older}/pin`, { pinned: true }), 200);
    expect((await listed(anon))[0]).toBe(older);
    expectStatus(await f.clients.cadreA.post(`/api/articles/${older}/pin`, { pinned: false }), 200);
    expect((await listed(anon))[0]).not.toBe(older);
  });
});

describe('read counts', () => {
  it('counts each opening by a member or an anonymous reader, never the console’s', async () => {
    const { id } = await write({ public: true });
    await memberA.get(`/api/articles/${id}`);
    await anon.get(`/api/articles/${id}`);
    const third = expectStatus(await anon.get(`/api/articles/${id}`), 200);
    expect(third.reads).toBe(3);
    expectStatus(await f.clients.cadreA.get(`/api/articles/manage/${id}`), 200);
    const managed = expectStatus(await f.clients.cadreA.get(`/api/articles/manage/${id}`), 200);
    expect(managed.reads).toBe(3);
    // a refused reading counts nothing
    const closed = (await write()).id;
    expect((await memberB.get(`/api/articles/${closed}`)).statusCode).toBe(404);
    expect(expectStatus(await f.clients.cadreA.get(`/api/articles/manage/${closed}`), 200).reads).toBe(0);
  });
});

describe('the console', () => {
  it('stores the body sanitized: no script, no handlers, no javascript: links, no outside images', async () => {
    const body = '<p onclick="steal()">正文<script>alert(1)</script><a href="javascript:alert(1)">链接</a><img src="https://tracker.example/p.gif"></p><iframe src="https://evil.example"></iframe>';
    const { id } = await write({ body, public: true });
    const stored = expectStatus(await anon.get(`/api/articles/${id}`), 200).body;
    expect(stored).toBe('<p>正文<a target="_blank" rel="noopener noreferrer">链接</a></p>');
    const patched = expectStatus(await f.clients.cadreA.patch(`/api/articles/${id}`, { body: '<p>新</p><style>*{}</style>' }), 200);
    expect(patched.body).toBe('<p>新</p>');
  });

  it('refuses a body that is nothing once cleaned', async () => {
    const res = await f.clients.cadreA.post('/api/articles', { orgId: f.orgs.streetA, column: 'news', title: '空', body: '<script>alert(1)</script>', public: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('body');
  });

  it('answers 404 for another street’s articles and orgs, as for ids that do not exist', async () => {
    const { id } = await write({ publishAt: undefined });
    const b = f.clients.cadreB;
    for (const res of [
      await b.get(`/api/articles/manage/${id}`),
      await b.patch(`/api/articles/${id}`, { title: '改' }),
      await b.post(`/api/articles/${id}/publish`, {}),
      await b.post(`/api/articles/${id}/withdraw`),
      await b.post(`/api/articles/${id}/pin`, { pinned: true }),
      await b.post('/api/articles', { orgId: f.orgs.streetA, column: 'news', title: '越权', body: '<p>x</p>', public: true }),
      await b.get(`/api/articles/manage?orgId=${f.orgs.streetA}`),
      await b.get('/api/articles/manage/99999999'),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    const list = expectStatus(await b.get('/api/articles/manage?pageSize=200'), 200);
    expect(list.items.some((i: { orgId: number }) => i.orgId === f.orgs.streetA)).toBe(false);
    const county = expectStatus(await f.clients.countyCadre.get('/api/articles/manage?pageSize=200&status=draft'), 200);
    expect(county.items.map((i: { id: number }) => i.id)).toContain(id);
  });

  it('lets a viewer read the console list but not write, and a member neither', async () => {
    expectStatus(await f.clients.viewer.get('/api/articles/manage'), 200);
    expect((await f.clients.viewer.post('/api/articles', { orgId: f.orgs.county, column: 'news', title: 'x', body: '<p>x</p>', public: true })).statusCode).toBe(403);
    expect((await memberA.get('/api/articles/manage')).statusCode).toBe(403);
    expect((await anon.get('/api/articles/manage')).statusCode).toBe(401);
  });

  it('audits every write', async () => {
    const { id } = await write({ publishAt: undefined });
    await f.clients.cadreA.post(`/api/articles/${id}/publish`, {});
    await f.clients.cadreA.post(`/api/articles/${id}/pin`, { pinned: true });
    await f.clients.cadreA.post(`/api/articles/${id}/withdraw`);
    const actions = await app.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'article').where('entity_id', '=', String(id) as never).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['article.create', 'article.publish', 'article.pin', 'article.withdraw']);
  });
  it('exports the articles as the managing list filters them, within the caller’s street', async () => {
    await write({ title: '魏塘导出通知' });
    await write({ orgId: f.orgs.streetB, title: '罗星导出通知' }, f.clients.cadreB);
    const listed = expectStatus(await f.clients.cadreA.get('/api/articles/manage?column=notice&pageSize=200'), 200);
    const sheet = await readExport(await f.clients.cadreA.get('/api/articles/manage/export?column=notice'));
    expect(sheet.name).toMatch(/^资讯-魏塘街道总工会-/);
    expect(sheet.column('标题').sort()).toEqual(listed.items.map((a: { title: string }) => a.title).sort());
    expect(sheet.column('标题')).toContain('魏塘导出通知');
    expect(sheet.column('标题')).not.toContain('罗星导出通知');
  });
});

describe('article images', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
  function upload(as: Client, fields: Record<string, string>, name: string, data: Buffer) {
    const boundary = `----gonghui-articles-${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`));
    return app.inject({ method: 'POST', url: '/api/articles/files', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: `gh_session=${as.cookie}`, 'x-csrf-token': as.csrfToken! }, payload: Buffer.concat(parts) });
  }

  it('keeps an uploaded image in a body and serves it to anonymous readers as an image', async () => {
    const { url } = expectStatus<{ url: string }>(await upload(f.clients.cadreA, { orgId: String(f.orgs.streetA) }, '送清凉.png', PNG), 201);
    expect(url).toMatch(/^\/api\/articles\/files\/[0-9a-f-]{36}\.png$/);
    const { id } = await write({ public: true, body: `<p>现场<img src="${url}" alt="现场"></p>` });
    expect(expectStatus(await anon.get(`/api/articles/${id}`), 200).body).toBe(`<p>现场<img src="${url}" alt="现场" /></p>`);
    const image = await anon.get(url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses a file that is not an image, and an org outside the scope', async () => {
    expect((await upload(f.clients.cadreA, { orgId: String(f.orgs.streetA) }, 'x.png', Buffer.from('<script>alert(1)</script>'))).statusCode).toBe(422);
    expect((await upload(f.clients.cadreB, { orgId: String(f.orgs.streetA) }, 'x.png', PNG)).statusCode).toBe(404);
    expect((await anon.get('/api/articles/files/00000000-0000-0000-0000-000000000000.png')).statusCode).toBe(404);
  });
});
