import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../platform/validation.ts';
import { overviewView } from './schema.ts';
import { orgOverview } from './service.ts';

export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  app.get(
    '/orgs/:id/overview',
    {
      config: { access: 'org.read' },
      schema: {
        summary: 'The data screen (数据大屏) of an org’s whole subtree: every module’s registered figures the caller may read, in one answer',
        tags: ['overview'],
        params: idParams,
        response: { 200: overviewView() },
      },
    },
    async (req) => orgOverview(deps, req.caller, req.params.id),
  );
};
