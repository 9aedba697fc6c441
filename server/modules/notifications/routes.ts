import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../platform/validation.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['notifications'];

  app.get(
    '/notifications',
    { config: { access: 'authenticated' }, schema: { summary: 'The caller’s own notices, newest first, and their unread count (the bell)', tags, querystring: s.listQuery, response: { 200: s.notificationPage } } },
    async (req) => service.listMine(deps, req.caller, req.query),
  );
  app.post(
    '/notifications/read-all',
    { config: { access: 'authenticated' }, schema: { summary: 'Mark all the caller’s notices read', tags, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.markAllRead(deps, req.caller);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { summary: 'Mark one of the caller’s notices read', tags, params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.markRead(deps, req.caller, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
