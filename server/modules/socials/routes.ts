import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as s from './schema.ts';
import * as service from './socials.ts';

export const socialsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['socials'];
  app.get(
    '/socials/mine',
    { config: { access: 'authenticated' }, schema: { summary: 'The youth socials I signed up for: whether I may pick now, and until when', tags, response: { 200: z.object({ items: z.array(s.mySocialItem) }) } } },
    async (req) => service.mySocials(deps, req.caller),
  );
  app.get(
    '/socials/:id',
    { config: { access: 'social.read' }, schema: { summary: 'A youth social’s places per gender, age range and counts (attendees, picks, mutual pairs) — never who picked whom', tags, params: s.activityIdParams, response: { 200: s.socialView } } },
    async (req) => service.getSocial(deps, req.caller, req.params.id),
  );
  app.put(
    '/socials/:id',
    { config: { access: 'social.write' }, schema: { summary: 'Set a youth social’s places per gender (before sign-ups; later only resized) and age range', tags, params: s.activityIdParams, body: s.settingsBody, response: { 200: s.socialView } } },
    async (req) => service.setSettings(deps, req.caller, req.params.id, req.body),
  );
  app.get(
    '/socials/:id/mine',
    { config: { access: 'authenticated' }, schema: { summary: 'My side of a youth social I signed up for: whether I may pick, the other attendees (masked), my picks and contact', tags, params: s.activityIdParams, response: { 200: s.mySocial } } },
    async (req) => service.mySocial(deps, req.caller, req.params.id),
  );
  app.put(
    '/socials/:id/mine',
    { config: { access: 'authenticated' }, schema: { summary: 'Replace my picks (at most three other attendees, until 48 h after the end) and the contact mutual picks see', tags, params: s.activityIdParams, body: s.picksBody, response: { 200: s.mySocial } } },
    async (req) => service.savePicks(deps, req.caller, req.params.id, req.body),
  );
  app.get(
    '/socials/:id/matches',
    { config: { access: 'authenticated' }, schema: { summary: 'My matches: only mutual picks, with the contact each chose to share (audited)', tags, params: s.activityIdParams, response: { 200: s.matchesView } } },
    async (req) => service.myMatches(deps, req.caller, req.params.id),
  );
};
