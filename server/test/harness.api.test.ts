import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, clockOf, createTestApp, START, type Fixture } from './harness.ts';

describe('the test harness', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  it('builds the fixture world through the API, each account logged in with its grant', async () => {
    const me = (await f.clients.cadreA.get('/api/me')).json();
    expect(me.username).toBe('street.a');
    expect(me.grants).toEqual([expect.objectContaining({ role: 'cadre', orgId: f.orgs.streetA })]);
    const children = (await f.admin.get(`/api/orgs/${f.orgs.county}/children`)).json();
    expect(children.items.map((o: { id: number }) => o.id)).toEqual([f.orgs.streetA, f.orgs.streetB]);
  });

  it('gives every app a clock that stands still until a test moves it', async () => {
    const clock = clockOf(app);
    expect(clock().toISOString()).toBe(START);
    clock.advance(60_000);
    expect(clock().getTime() - Date.parse(START)).toBe(60_000);
    clock.set(START);
  });

  it('gives every app its own database', async () => {
    const other = await createTestApp();
    try {
      const orgs = await other.deps.db.selectFrom('orgs').select('id').execute();
      expect(orgs).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
