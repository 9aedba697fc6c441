import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { anonymous, createTestApp, testEngine } from '../../test/harness.ts';

describe('health and the OpenAPI document', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('GET /api/health answers exactly {"status":"ok","database":<engine>} without a session', async () => {
    const res = await anonymous(app).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ status: 'ok', database: testEngine() });
  });

  it('serves the OpenAPI document at /api/openapi.json with every API route of the route table', async () => {
    const res = await anonymous(app).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes).toMatchObject({ session: { in: 'cookie', name: 'gh_session' }, csrf: { in: 'header', name: 'x-csrf-token' } });
    const api = app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(20);
    const missing = api.filter((r) => !doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()]);
    expect(missing).toEqual([]);
    for (const r of api) {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()];
      expect(op.summary, `${r.method} ${r.url} has a summary`).toBeTruthy();
    }
  });

  it('documents the exact answer of the health route', async () => {
    const doc = (await anonymous(app).get('/api/openapi.json')).json();
    const schema = doc.paths['/api/health'].get.responses['200'].content['application/json'].schema;
    expect(schema.properties.database.enum).toEqual(['sqlite', 'postgres']);
  });
});
