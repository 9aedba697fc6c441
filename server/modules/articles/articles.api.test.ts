import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
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

/**
 * `ms` pass, and the jobs due by then run: the platform clock moves (on SQLite the queue's clock
 * too); on PostgreSQL, where pg-boss judges due by the database's own clock, the articles' queued
 * jobs come forward by as much.
 */
async function pass(ms: number) {
  clockOf(app).advance(ms);
  if (app.deps.engine === 'postgres') {
    await sql`update pgboss.job set start_after = start_after - make_interval(secs => ${ms / 1000}) where name like 'articles.%' and state in ('created', 'retry')`.execute(app.deps.db);
  }
  await app.deps.jobs.drain();
}

/** A multipart upload of one file (and text fields) to `url`. */
function upload(as: Client, url: string, fields: Record<string, string>, name: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = `----gonghui-articles-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return app.inject({ method: 'POST', url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: `gh_session=${as.cookie}`, 'x-csrf-token': as.csrfToken! }, payload: Buffer.concat(parts) });
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** Enough of a Word file for the sniffer: a zip naming its document part. */
const DOCX = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('word/document.xml'), Buffer.alloc(32)]);
/** A legacy .doc: an OLE compound file, refused (rules.ts ATTACHMENT_KINDS says why). */
const DOC = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]);

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
      columnName: '通知公告',
      orgName: '魏塘街道总工会',
      publishedAt: now(),
      reads: 1,
      coverUrl: null,
      attachments: [],
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
    expect(page.items.find((i: { id: number }) => i.id === id)).toEqual({ id, title: '欠薪怎么办', column: 'rights_guide', columnName: '维权指南', orgName: '魏塘街道总工会', publishedAt: now(), summary: '第一步：保留证据。', coverUrl: null });
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

  it('a scheduled article is invisible before its time, and published by its job when the time comes', async () => {
    const { id, status } = await write({ public: true, publishAt: inHours(2) });
    expect(status).toBe('scheduled');
    await app.deps.jobs.drain();
    expect(await listed(anon)).not.toContain(id);
    expect((await anon.get(`/api/articles/${id}`)).statusCode).toBe(404);
    const scheduled = expectStatus(await f.clients.cadreA.get(`/api/articles/manage?status=scheduled&pageSize=200`), 200).items.find((i: { id: number }) => i.id === id);
    expect(scheduled).toMatchObject({ status: 'scheduled', publishedAt: inHours(2), actions: ['update', 'publish', 'withdraw', 'pin'] });
    await pass(2 * 3600_000);
    expect(await listed(anon)).toContain(id);
    expect(expectStatus(await f.clients.cadreA.get(`/api/articles/manage/${id}`), 200).status).toBe('published');
    const byJob = await app.deps.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'article').where('entity_id', '=', String(id) as never).where('action', '=', 'article.publish').execute();
    expect(byJob).toEqual([{ action: 'article.publish', actor_id: null }]);
  });

  it('a rescheduled article is published at its new time only, and a withdrawn one never by its old job', async () => {
    const moved = (await write({ public: true, publishAt: inHours(1) })).id;
    expect(expectStatus(await f.clients.cadreA.post(`/api/articles/${moved}/publish`, { publishAt: inHours(3) }), 200)).toMatchObject({ status: 'scheduled', publishedAt: inHours(3) });
    const dropped = (await write({ public: true, publishAt: inHours(1) })).id;
    expect(expectStatus(await f.clients.cadreA.post(`/api/articles/${dropped}/withdraw`), 200).status).toBe('withdrawn');
    await pass(3600_000);
    expect(await listed(anon)).not.toContain(moved);
    expect(await listed(anon)).not.toContain(dropped);
    expect(expectStatus(await f.clients.cadreA.get(`/api/articles/manage/${dropped}`), 200).status).toBe('withdrawn');
    await pass(2 * 3600_000);
    expect(await listed(anon)).toContain(moved);
    expect(await listed(anon)).not.toContain(dropped);
    // Published again for the same instant as before: no stale key stands in the way.
    expect(expectStatus(await f.clients.cadreA.post(`/api/articles/${dropped}/publish`, {}), 200).status).toBe('published');
    expect(await listed(anon)).toContain(dropped);
    // A scheduled article may also be published at once.
    const early = (await write({ public: true, publishAt: inHours(5) })).id;
    expect(expectStatus(await f.clients.cadreA.post(`/api/articles/${early}/publish`, {}), 200).status).toBe('published');
    await pass(5 * 3600_000);
    const publications = await app.deps.db.selectFrom('audit_log').select('actor_id').where('entity', '=', 'article').where('entity_id', 'in', [String(moved), String(dropped), String(early)] as never[]).where('action', '=', 'article.publish').execute();
    // moved: rescheduled by the cadre, then by its job; dropped: published by the cadre; early: by the cadre. No stray publication.
    expect(publications.filter((p) => p.actor_id === null)).toHaveLength(1);
  });

  it('the sweep publishes a scheduled article whose job went missing', async () => {
    const { id } = await write({ public: true, publishAt: inHours(1) });
    await app.deps.db.updateTable('articles').set({ status: 'scheduled', published_at: now() }).where('id', '=', id).execute();
    const { publishDue } = await import('./service.ts');
    expect(await publishDue(app.deps)).toBe(1);
    expect(await listed(anon)).toContain(id);
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
  const image = (as: Client, fields: Record<string, string>, name: string, data: Buffer) => upload(as, '/api/articles/files', fields, name, data, 'image/png');

  it('keeps an uploaded image in a body and serves it to anonymous readers as an image', async () => {
    const { url } = expectStatus<{ url: string }>(await image(f.clients.cadreA, { orgId: String(f.orgs.streetA) }, '送清凉.png', PNG), 201);
    expect(url).toMatch(/^\/api\/articles\/files\/[0-9a-f-]{36}\.png$/);
    const { id } = await write({ public: true, body: `<p>现场<img src="${url}" alt="现场"></p>` });
    expect(expectStatus(await anon.get(`/api/articles/${id}`), 200).body).toBe(`<p>现场<img src="${url}" alt="现场" /></p>`);
    const served = await anon.get(url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses a file that is not an image, and an org outside the scope', async () => {
    expect((await image(f.clients.cadreA, { orgId: String(f.orgs.streetA) }, 'x.png', Buffer.from('<script>alert(1)</script>'))).statusCode).toBe(422);
    expect((await image(f.clients.cadreB, { orgId: String(f.orgs.streetA) }, 'x.png', PNG)).statusCode).toBe(404);
    expect((await anon.get('/api/articles/files/00000000-0000-0000-0000-000000000000.png')).statusCode).toBe(404);
  });

  it('shows one of the uploaded images as the cover, in the list and on the article; nothing else is a cover', async () => {
    const { url } = expectStatus<{ url: string }>(await image(f.clients.cadreA, { orgId: String(f.orgs.streetA) }, '封面.png', PNG), 201);
    const { id } = await write({ public: true, coverUrl: url, title: '有封面的文章' });
    const item = expectStatus(await anon.get('/api/articles?pageSize=200'), 200).items.find((i: { id: number }) => i.id === id);
    expect(item.coverUrl).toBe(url);
    expect(expectStatus(await anon.get(`/api/articles/${id}`), 200).coverUrl).toBe(url);
    for (const coverUrl of ['/api/articles/files/00000000-0000-0000-0000-000000000000.png', 'https://tracker.example/p.png', `${url}?x=1`]) {
      const res = await f.clients.cadreA.patch(`/api/articles/${id}`, { coverUrl });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].field).toBe('coverUrl');
    }
    // Another street's cadre cannot borrow street A's image for their cover.
    const res = await f.clients.cadreB.post('/api/articles', { orgId: f.orgs.streetB, column: 'news', title: '借图', body: '<p>x</p>', public: true, coverUrl: url });
    expect(res.json().errors[0].field).toBe('coverUrl');
    expect(expectStatus(await f.clients.cadreA.patch(`/api/articles/${id}`, { coverUrl: null }), 200).coverUrl).toBeNull();
  });
});

describe('attachments', () => {
  const attach = (as: Client, articleId: number, name: string, data: Buffer) => upload(as, `/api/articles/${articleId}/attachments`, {}, name, data);

  it('lists attachments with their names and sizes, downloads them with the article’s read rights', async () => {
    const { id } = await write({ title: '会员专享：补贴申领' });
    const pdf = expectStatus(await attach(f.clients.cadreA, id, '补贴申领表.pdf', PDF), 201);
    expect(pdf).toEqual({ id: expect.any(Number), name: '补贴申领表.pdf', size: PDF.length, contentType: 'application/pdf', url: `/api/articles/${id}/attachments/${pdf.id}` });
    const docx = expectStatus(await attach(f.clients.cadreA, id, '说明.docx', DOCX), 201);
    expect(expectStatus(await memberA.get(`/api/articles/${id}`), 200).attachments).toEqual([pdf, docx]);
    const got = await memberA.get(pdf.url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain(encodeURIComponent('补贴申领表.pdf'));
    expect(got.rawPayload.equals(PDF)).toBe(true);
    // the cadres who may read it in the console, too
    expect((await f.clients.countyCadre.get(pdf.url)).statusCode).toBe(200);
    for (const who of [memberB, worker, anon, f.clients.cadreB]) expect((await who.get(pdf.url)).statusCode).toBe(404);
    // the right article id only
    const other = (await write({ public: true })).id;
    expect((await anon.get(`/api/articles/${other}/attachments/${pdf.id}`)).statusCode).toBe(404);
  });

  it('lets anyone download the attachments of a public article, and none of a draft', async () => {
    const { id } = await write({ public: true, column: 'policy', title: '公开政策附件' });
    const { url } = expectStatus(await attach(f.clients.cadreA, id, '政策原文.pdf', PDF), 201);
    expect((await anon.get(url)).statusCode).toBe(200);
    const draft = (await write({ public: true, publishAt: undefined })).id;
    const drafted = expectStatus(await attach(f.clients.cadreA, draft, '草稿附件.pdf', PDF), 201);
    expect((await anon.get(drafted.url)).statusCode).toBe(404);
    expect((await f.clients.cadreA.get(drafted.url)).statusCode).toBe(200);
  });

  it('refuses anything but PDF, Word and Excel by content, naming the file, and another street’s article', async () => {
    const { id } = await write({ publishAt: undefined });
    for (const [name, data] of [
      ['通知.pdf', Buffer.from('<!doctype html><script>alert(1)</script>')],
      ['旧版.doc', DOC],
      ['图片.png', PNG],
    ] as const) {
      const res = await attach(f.clients.cadreA, id, name, data);
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].field).toBe('file');
    }
    expect((await attach(f.clients.cadreB, id, 'x.pdf', PDF)).statusCode).toBe(404);
    expect((await attach(f.clients.viewer, id, 'x.pdf', PDF)).statusCode).toBe(403);
    expect(expectStatus(await f.clients.cadreA.get(`/api/articles/manage/${id}`), 200).attachments).toEqual([]);
  });

  it('lets the article’s writers remove an attachment, audited', async () => {
    const { id } = await write();
    const { id: attachmentId, url } = expectStatus(await attach(f.clients.cadreA, id, '旧表.xlsx', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('xl/workbook.xml')])), 201);
    expect((await f.clients.cadreB.delete(url)).statusCode).toBe(404);
    expect((await f.clients.cadreA.delete(url)).statusCode).toBe(204);
    expect((await memberA.get(url)).statusCode).toBe(404);
    expect((await f.clients.cadreA.delete(`/api/articles/${id}/attachments/${attachmentId}`)).statusCode).toBe(404);
    const actions = await app.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'article').where('entity_id', '=', String(id) as never).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['article.create', 'article_attachment.create', 'article_attachment.delete']);
  });
});

describe('columns a union adds', () => {
  const column = async (as: Client, orgId: number, name: string) => expectStatus<{ id: number; key: string }>(await as.post('/api/articles/columns', { orgId, name }), 201);
  const tabs = async (as: Client) => (expectStatus(await as.get('/api/articles/columns'), 200).items as { key: string; name: string }[]);

  it('a county column is used by an article of a union below it, listed by its key and name, and a tab for readers', async () => {
    const county = await column(f.clients.countyCadre, f.orgs.county, '创业扶持');
    expect(county.key).toBe(`c${county.id}`);
    const { id } = await write({ orgId: f.orgs.unionA, column: county.key, public: true, title: '青年创业补贴' });
    const page = expectStatus(await anon.get(`/api/articles?column=${county.key}`), 200);
    expect(page.items).toEqual([expect.objectContaining({ id, column: county.key, columnName: '创业扶持' })]);
    expect(expectStatus(await memberA.get(`/api/articles/${id}`), 200).columnName).toBe('创业扶持');
    const own = await tabs(anon);
    expect(own.slice(0, 4).map((c) => c.key)).toEqual(['news', 'notice', 'policy', 'rights_guide']);
    expect(own).toContainEqual({ key: county.key, name: '创业扶持', custom: true });
  });

  it('refuses a street’s column for an article of a sibling street, naming the column', async () => {
    const street = await column(f.clients.cadreA, f.orgs.streetA, '魏塘专栏');
    const res = await f.clients.cadreB.post('/api/articles', { orgId: f.orgs.streetB, column: street.key, title: '借栏目', body: '<p>x</p>', public: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('column');
    const own = (await write({ publishAt: undefined })).id;
    const moved = await f.clients.cadreA.patch(`/api/articles/${own}`, { column: 'c999999' });
    expect(moved.json().errors[0].field).toBe('column');
    expect(expectStatus(await f.clients.cadreA.patch(`/api/articles/${own}`, { column: street.key }), 200).columnName).toBe('魏塘专栏');
    // Its street's members have the tab, even before anything is published in it; others do not.
    expect((await tabs(memberA)).map((c) => c.key)).toContain(street.key);
    for (const who of [memberB, anon]) expect((await tabs(who)).map((c) => c.key)).not.toContain(street.key);
    // The console: street A sees its own and the county's, street B the county's only.
    const ofA = expectStatus(await f.clients.cadreA.get('/api/articles/columns/manage'), 200).items;
    expect(ofA.find((c: { key: string }) => c.key === street.key)).toMatchObject({ name: '魏塘专栏', orgId: f.orgs.streetA, active: true, writable: true });
    expect(ofA.some((c: { orgId: number }) => c.orgId === f.orgs.county)).toBe(true);
    expect(ofA.find((c: { orgId: number }) => c.orgId === f.orgs.county).writable).toBe(false);
    const ofB = expectStatus(await f.clients.cadreB.get('/api/articles/columns/manage'), 200).items;
    expect(ofB.some((c: { key: string }) => c.key === street.key)).toBe(false);
    const usable = expectStatus(await f.clients.cadreB.get(`/api/articles/columns/manage?usableBy=${f.orgs.unionB}`), 200).items;
    expect(usable.some((c: { key: string }) => c.key === street.key)).toBe(false);
    expect((await f.clients.cadreB.get(`/api/articles/columns/manage?usableBy=${f.orgs.unionA}`)).statusCode).toBe(404);
  });

  it('a deactivated column takes no new article and loses its tab; its articles stay readable', async () => {
    const c = await column(f.clients.cadreA, f.orgs.streetA, '临时专栏');
    const { id } = await write({ column: c.key, public: true });
    expect(expectStatus(await f.clients.cadreA.patch(`/api/articles/columns/${c.id}`, { active: false }), 200).active).toBe(false);
    expect((await f.clients.cadreA.post('/api/articles', { orgId: f.orgs.streetA, column: c.key, title: 'x', body: '<p>x</p>', public: true })).json().errors[0].field).toBe('column');
    expect((await tabs(memberA)).map((t) => t.key)).not.toContain(c.key);
    expect(expectStatus(await anon.get(`/api/articles/${id}`), 200).columnName).toBe('临时专栏');
  });

  it('refuses a second column of the same name in one union, and another street’s changes', async () => {
    const c = await column(f.clients.cadreA, f.orgs.streetA, '重名专栏');
    const again = await f.clients.cadreA.post('/api/articles/columns', { orgId: f.orgs.streetA, name: '重名专栏' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('article_column_taken');
    expect((await f.clients.cadreB.patch(`/api/articles/columns/${c.id}`, { name: '改' })).statusCode).toBe(404);
    expect((await f.clients.cadreB.post('/api/articles/columns', { orgId: f.orgs.streetA, name: '越权' })).statusCode).toBe(404);
    expect((await f.clients.viewer.post('/api/articles/columns', { orgId: f.orgs.county, name: '只读' })).statusCode).toBe(403);
  });
});
