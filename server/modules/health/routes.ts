import { z } from 'zod';
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Liveness and database check',
        tags: ['platform'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => {
      await sql`select 1`.execute(app.deps.db);
      return { status: 'ok' as const, database: app.deps.engine };
    },
  );

  app.get(
    '/openapi.json',
    { config: { access: 'public' }, schema: { summary: 'The OpenAPI 3 document of every route (Swagger UI at /api/docs)', tags: ['platform'] } },
    async () => app.swagger(),
  );
};
