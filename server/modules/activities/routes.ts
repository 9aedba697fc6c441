import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import { idParams, pageOf } from '../../platform/validation.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['activities'];

  app.post(
    '/activities',
    { config: { access: 'activity.write' }, schema: { summary: 'Publish an activity for an org’s subtree (or open to all)', tags, body: s.createActivityBody, response: { 201: z.object({ id: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await service.createActivity(deps, req.caller, req.body)),
  );
  app.get(
    '/activities',
    { config: { access: 'activity.read' }, schema: { summary: 'Activities in scope with sign-up and attendance counts', tags, querystring: s.activityListQuery, response: { 200: pageOf(s.managedActivity) } } },
    async (req) => service.listActivities(deps, req.caller, req.query),
  );
  app.get(
    '/activities/export',
    { config: { access: 'activity.read' }, schema: { summary: 'Activities as the list filters them, in Excel (audited)', tags, querystring: s.activityExportQuery } },
    async (req, reply) => {
      const file = await service.exportActivities(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/activities/available',
    { config: { access: 'public' }, schema: { summary: 'Activities open to the caller, with their own registration (without a session: those open to every worker)', tags, response: { 200: pageOf(s.availableActivity) } } },
    async (req) => service.availableActivities(deps, req.caller),
  );
  app.get(
    '/registrations/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        summary: 'The logged-in worker’s registrations with their check-in codes',
        tags,
        response: {
          200: pageOf(
            z.object({
              id: z.number().int(),
              activityId: z.number().int(),
              title: z.string(),
              startsAt: z.string(),
              endsAt: z.string(),
              place: z.string().nullable(),
              activityStatus: z.enum(['published', 'cancelled']),
              status: s.registrationStatus,
              code: z.string(),
              qr: z.string().describe('what the QR code encodes'),
              checkedInAt: z.string().nullable(),
              waitlistPosition: z.number().int().nullable().describe('place on the waiting list, 1 = confirmed next when a place frees; null unless waitlisted'),
            }),
          ),
        },
      },
    },
    async (req) => service.myRegistrations(deps, req.caller),
  );
  app.get(
    '/activities/:id',
    { config: { access: 'activity.read' }, schema: { summary: 'One activity', tags, params: idParams, response: { 200: s.managedActivity } } },
    async (req) => service.getActivity(deps, req.caller, req.params.id),
  );
  app.patch(
    '/activities/:id',
    { config: { access: 'activity.write' }, schema: { summary: 'Change an activity (more places confirm the waiting list in order)', tags, params: idParams, body: s.updateActivityBody, response: { 200: s.managedActivity } } },
    async (req) => service.updateActivity(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/activities/:id/cancel',
    { config: { access: 'activity.write' }, schema: { summary: 'Cancel an activity', tags, params: idParams, response: { 200: s.managedActivity } } },
    async (req) => service.cancelActivity(deps, req.caller, req.params.id),
  );
  app.post(
    '/activities/:id/registrations',
    {
      config: { access: 'authenticated' },
      schema: {
        summary: 'Sign up (confirmed while places last, then waitlisted)',
        tags,
        params: idParams,
        response: { 201: z.object({ id: z.number().int(), status: z.enum(['confirmed', 'waitlisted']), code: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.signUp(deps, req.caller, req.params.id)),
  );
  app.delete(
    '/activities/:id/registrations/mine',
    { config: { access: 'authenticated' }, schema: { summary: 'Cancel one’s own sign-up before the deadline (the first waitlisted is confirmed)', tags, params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.cancelMine(deps, req.caller, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/activities/:id/registrations',
    { config: { access: 'activity.read' }, schema: { summary: 'Registrations of an activity', tags, params: idParams, querystring: s.registrationListQuery, response: { 200: pageOf(s.registrationItem) } } },
    async (req) => service.listRegistrations(deps, req.caller, req.params.id, req.query),
  );
  app.get(
    '/activities/:id/registrations/export',
    {
      config: { access: 'activity.read' },
      schema: { summary: 'Registrations of an activity in Excel: real names, phones masked unless full=true (needs member.pii; audited)', tags, params: idParams, querystring: s.registrationExportQuery },
    },
    async (req, reply) => {
      const file = await service.exportRegistrations(deps, req.caller, req.params.id, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.post(
    '/activities/:id/check-ins',
    {
      config: { access: 'activity.write' },
      schema: {
        summary: 'Check a confirmed person in by their code (scanned or typed), once',
        tags,
        params: idParams,
        body: s.checkInBody,
        response: { 200: z.object({ registrationId: z.number().int(), memberId: z.number().int().nullable(), name: z.string(), checkedInAt: z.string() }) },
      },
    },
    async (req) => service.checkIn(deps, req.caller, req.params.id, req.body.code),
  );
  app.get(
    '/orgs/:id/activity-stats',
    { config: { access: 'activity.read' }, schema: { summary: 'Yearly activity counts over the subtree, per sub-organisation', tags, params: idParams, querystring: s.activityStatsQuery, response: { 200: s.activityStats } } },
    async (req) => service.activityStats(deps, req.caller, req.params.id, req.query.year),
  );
};
