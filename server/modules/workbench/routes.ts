import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as s from './schema.ts';
import { myTodos } from './service.ts';

export const workbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  app.get(
    '/todos',
    { config: { access: 'authenticated' }, schema: { summary: 'What waits for the caller (待办), counted over their scope by every module: each kind with its count, overdue count and the filtered list to act on', tags: ['workbench'], response: { 200: s.todoList } } },
    async (req) => myTodos(deps, req.caller),
  );
};
