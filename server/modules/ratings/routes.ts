import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import * as r from './ratings.ts';

export const ratingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['ratings'];
  const read = { access: 'rating.read' } as const;
  const write = { access: 'rating.write' } as const;

  app.get(
    '/orgs/:id/rating-scorecards',
    { config: read, schema: { summary: 'The scorecards an org is rated on (its own, inherited, or the defaults): dimensions, weights, bands, validity', tags, params: idParams, response: { 200: s.scorecardsView } } },
    async (req) => r.getScorecards(deps, req.caller, req.params.id),
  );
  app.put(
    '/orgs/:id/rating-scorecards',
    { config: write, schema: { summary: 'Set a federation’s own scorecards (weights sum to 100); its subtree inherits them', tags, params: idParams, body: s.scorecardsBody, response: { 200: s.scorecardsView } } },
    async (req) => r.putScorecards(deps, req.caller, req.params.id, req.body),
  );
  app.get(
    '/orgs/:id/rating-stats',
    { config: read, schema: { summary: 'Ratings in force over an org’s subtree: unions by stars, Workers’ Homes by level', tags, params: idParams, response: { 200: s.ratingStats } } },
    async (req) => r.stats(deps, req.caller, req.params.id),
  );
  app.post(
    '/ratings',
    { config: write, schema: { summary: 'A union’s self-assessment on its federation’s scorecard, with evidence (star rating or Workers’ Home)', tags, body: s.createRatingBody, response: { 201: z.object({ id: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await r.createRating(deps, req.caller, req.body)),
  );
  app.get(
    '/ratings',
    { config: read, schema: { summary: 'Ratings in scope, newest first', tags, querystring: s.ratingListQuery, response: { 200: pageOf(s.ratingView) } } },
    async (req) => r.listRatings(deps, req.caller, req.query),
  );
  app.get(
    '/ratings/export',
    { config: read, schema: { summary: 'Ratings as the list filters them, in Excel (audited)', tags, querystring: s.ratingExportQuery } },
    async (req, reply) => {
      const file = await r.exportRatings(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/ratings/:id',
    { config: read, schema: { summary: 'One rating: scorecard, self and review scores, evidence, validity', tags, params: idParams, response: { 200: s.ratingDetail } } },
    async (req) => r.getRating(deps, req.caller, req.params.id),
  );
  app.post(
    '/ratings/:id/review',
    { config: write, schema: { summary: 'The union above scores each dimension; the grade follows the scorecard’s bands', tags, params: idParams, body: s.reviewBody, response: { 200: s.ratingDetail } } },
    async (req) => r.review(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/ratings/:id/publicity',
    { config: write, schema: { summary: 'Publish the reviewed grade for the scorecard’s publicity days (公示)', tags, params: idParams, response: { 200: s.ratingDetail } } },
    async (req) => r.publicize(deps, req.caller, req.params.id),
  );
  app.post(
    '/ratings/:id/naming',
    { config: write, schema: { summary: 'Name it after publicity: certificate number, validity and the re-check date', tags, params: idParams, response: { 200: s.ratingDetail } } },
    async (req) => r.name(deps, req.caller, req.params.id),
  );
  app.post(
    '/ratings/:id/recheck',
    { config: write, schema: { summary: 'The re-check (复查): kept until the next one, or revoked with the reason', tags, params: idParams, body: s.recheckBody, response: { 200: s.ratingDetail } } },
    async (req) => r.recheck(deps, req.caller, req.params.id, req.body),
  );
};
