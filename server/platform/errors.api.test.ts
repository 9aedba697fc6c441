import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { anonymous, buildFixture, createTestApp, type Fixture } from '../test/harness.ts';

describe('errors are RFC 9457 problem+json', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  it('answers with type, title, status, a stable code, detail and instance, in Chinese by default', async () => {
    const res = await f.admin.get('/api/orgs/999999');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json; charset=utf-8/);
    expect(res.json()).toEqual({
      type: 'urn:gonghui:problem:not_found',
      title: '找不到该组织，或不在您的管辖范围内',
      status: 404,
      code: 'not_found',
      detail: '找不到该组织，或不在您的管辖范围内',
      instance: '/api/orgs/999999',
    });
  });

  it('answers in English with Accept-Language: en, keeping the same code', async () => {
    const res = await f.admin.get('/api/orgs/999999', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.json()).toMatchObject({ code: 'not_found', detail: 'This organisation does not exist or is outside your scope' });
    const zh = await f.admin.get('/api/orgs/999999', { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    expect(zh.json().detail).toBe('找不到该组织，或不在您的管辖范围内');
  });

  it('answers 401 unauthenticated in both languages', async () => {
    const zh = await anonymous(app).get('/api/orgs');
    const en = await anonymous(app).get('/api/orgs', { headers: { 'accept-language': 'en' } });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ code: 'unauthenticated', detail: '请先登录' });
    expect(en.json()).toMatchObject({ code: 'unauthenticated', detail: 'Please log in first' });
  });

  it('answers 400 invalid_json to a malformed JSON body', async () => {
    const res = await f.admin.post('/api/orgs', '{"name": "x", ', { headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('invalid_json');
  });

  it('answers 404 route_not_found problem+json to an unknown route or method', async () => {
    for (const [method, url] of [
      ['GET', '/api/no-such-thing'],
      ['DELETE', '/api/orgs'],
      ['GET', '/api'],
    ] as const) {
      const res = await f.admin.request(method, url);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'route_not_found', status: 404, detail: '接口不存在' });
    }
  });

  it('answers 422 with one field error per wrong field, labelled in the caller’s language', async () => {
    const body = { name: 123, kind: 'club', parentId: 'abc' };
    const res = await f.admin.post('/api/orgs', body);
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem.code).toBe('validation_failed');
    const fields = problem.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['kind', 'name', 'parentId']);
    const byField = Object.fromEntries(problem.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(byField.name).toBe('名称：应为文本');
    expect(byField.kind).toMatch(/^类型：必须是以下之一：federation/);

    const en = (await f.admin.post('/api/orgs', body, { headers: { 'accept-language': 'en' } })).json();
    const enByField = Object.fromEntries(en.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(enByField.name).toBe('Name: must be a string');
    expect(en.detail).toBe('Some fields are not valid; see the marked fields');
  });

  it('names a missing field as required, and a rule’s own message in both languages, naming the field once', async () => {
    const missing = await f.admin.post('/api/orgs', { kind: 'federation', parentId: f.orgs.county });
    expect(missing.json().errors).toEqual([{ field: 'name', message: '名称：必填' }]);
    const noLevel = await f.admin.post('/api/orgs', { name: '某街道总工会', kind: 'federation', parentId: f.orgs.county });
    expect(noLevel.json().errors).toEqual([{ field: 'level', message: '总工会须选择级别（县级、街道或乡镇）' }]);
    const en = await f.admin.post('/api/orgs', { name: 'x', kind: 'joint_union', parentId: f.orgs.county }, { headers: { 'accept-language': 'en' } });
    expect(en.json().errors).toEqual([{ field: 'basis', message: 'A joint union needs a basis (building, area, industry, town)' }]);
  });

  it('answers 422 for wrong types in the query and in the path', async () => {
    const page = await f.admin.get('/api/orgs?pageSize=abc');
    expect(page.statusCode).toBe(422);
    expect(page.json().errors[0].field).toBe('pageSize');
    expect((await f.admin.get('/api/orgs?pageSize=1000')).statusCode).toBe(422);
    const id = await f.admin.get('/api/orgs/abc');
    expect(id.statusCode).toBe(422);
    expect(id.json().errors[0].field).toBe('id');
  });

  it('refuses an id beyond the integer range as a field error (it was a 500 on PostgreSQL)', async () => {
    for (const res of [
      await f.admin.get('/api/orgs/2147483648'),
      await f.admin.get('/api/users?orgId=2147483648'),
      await f.admin.post('/api/role-grants', { userId: 2147483648, role: 'cadre', orgId: f.orgs.county }),
      await f.admin.post('/api/enterprises', { name: '某企业', uscc: '91350100M000100Y43', orgId: 2147483648 }),
    ]) {
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('validation_failed');
    }
  });

  it('refuses a NUL character in a body or query as a field error on both engines, storing nothing (it was a 500 on PostgreSQL)', async () => {
    const count = async (table: 'orgs' | 'enterprises') =>
      Number((await app.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = { orgs: await count('orgs'), enterprises: await count('enterprises') };
    const res = await f.admin.post('/api/orgs', { name: '魏塘\u0000工会', kind: 'grassroots_union', parentId: f.orgs.streetA });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'name', message: '名称：不能包含空字符' }]);
    const nested = await f.admin.post('/api/enterprises', { name: '某企业', uscc: '91350100M000100Y43', orgId: f.orgs.unionA, industry: 'a\u0000' });
    expect(nested.json().errors[0].field).toBe('industry');
    expect((await f.admin.get('/api/orgs?q=a%00b')).statusCode).toBe(422);
    expect((await anonymous(app).post('/api/auth/login', { username: 'admin\u0000', password: 'x' })).statusCode).toBe(422);
    expect({ orgs: await count('orgs'), enterprises: await count('enterprises') }).toEqual(before);
  });

  it('refuses unknown fields where a change must be exact', async () => {
    const res = await f.admin.patch(`/api/orgs/${f.orgs.unionA}`, { name: '新名称', status: 'closed' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toContain('status');
  });

  it('answers 413 to a body over the limit and 415 to an unknown content type', async () => {
    const big = await f.admin.post('/api/orgs', { name: 'x'.repeat(1_100_000) });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');
    const xml = await f.admin.post('/api/orgs', '<org/>', { headers: { 'content-type': 'application/xml' } });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('unsupported_media_type');
  });
});
