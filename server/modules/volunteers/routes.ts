import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf, pageQuery } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import * as ledger from './ledger.ts';
import * as shop from './shop.ts';
import { ranking } from './rankings.ts';
import * as volunteers from './volunteers.ts';

export const volunteersRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['volunteers'];
  const created = { 201: z.object({ id: z.number().int() }) };
  const read = { access: 'volunteer.read' } as const;
  const write = { access: 'volunteer.write' } as const;
  const own = { access: 'authenticated' } as const;

  // ---- love points ----
  app.get(
    '/love-points/mine',
    { config: own, schema: { summary: 'My love points (爱心积分): the balance and the ledger, newest first', tags, response: { 200: s.lovePointsMine } } },
    async (req) => ledger.myLovePoints(deps, req.caller),
  );
  app.get(
    '/love-points/members/:id',
    { config: read, schema: { summary: 'A member’s love-points balance and ledger, for a cadre whose scope holds the member', tags, params: idParams, response: { 200: s.memberLovePoints } } },
    async (req) => ledger.memberLovePoints(deps, req.caller, req.params.id),
  );
  app.get(
    '/love-points/rankings',
    { config: read, schema: { summary: 'The yearly love-points ranking of a scope (points earned in the year, with service hours)', tags, querystring: s.rankingQuery, response: { 200: s.rankingView } } },
    async (req) => ranking(deps, req.caller, req.query),
  );

  // ---- the points shop ----
  app.post(
    '/shop-goods',
    { config: write, schema: { summary: 'Put goods in the points shop, with a price in points and a stock', tags, body: s.goodsBody, response: created } },
    async (req, reply) => reply.status(201).send(await shop.createGoods(deps, req.caller, req.body)),
  );
  app.get(
    '/shop-goods',
    { config: read, schema: { summary: 'Goods of the points shops in scope, with their stock', tags, querystring: s.goodsListQuery, response: { 200: pageOf(s.goodsView) } } },
    async (req) => shop.listGoods(deps, req.caller, req.query),
  );
  app.get(
    '/shop-goods/export',
    { config: read, schema: { summary: 'Goods of the points shops, as the list filters them, in Excel (audited)', tags, querystring: s.goodsExportQuery } },
    async (req, reply) => {
      const file = await shop.exportGoods(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/love-points/shop',
    { config: own, schema: { summary: 'The goods I may redeem: active, of my union’s chain', tags, response: { 200: z.object({ items: z.array(s.goodsView) }) } } },
    async (req) => shop.shopForMember(deps, req.caller),
  );
  app.post(
    '/shop-goods/:id/redemptions',
    { config: own, schema: { summary: 'Redeem goods with my love points (409 when out of stock or the balance does not cover it)', tags, params: idParams, response: created } },
    async (req, reply) => reply.status(201).send(await shop.redeem(deps, req.caller, req.params.id)),
  );
  app.get(
    '/shop-redemptions',
    { config: read, schema: { summary: 'Redemptions of goods in scope, to hand them out', tags, querystring: s.redemptionListQuery, response: { 200: pageOf(s.redemptionView) } } },
    async (req) => shop.listRedemptions(deps, req.caller, req.query),
  );
  app.post(
    '/shop-redemptions/:id/delivery',
    { config: write, schema: { summary: 'Record that redeemed goods were handed out', tags, params: idParams, response: { 200: z.object({ id: z.number().int(), status: z.literal('delivered') }) } } },
    async (req) => shop.deliver(deps, req.caller, req.params.id),
  );
  // ---- volunteers, teams, services ----
  app.put(
    '/volunteers/me',
    { config: own, schema: { summary: 'Register (or update) myself as a volunteer: skills and availability; members only', tags, body: s.volunteerBody, response: { 200: z.object({ id: z.number().int(), created: z.boolean() }) } } },
    async (req) => volunteers.registerSelf(deps, req.caller, req.body),
  );
  app.get(
    '/volunteers/me',
    { config: own, schema: { summary: 'My volunteer record, service hours, teams and love-points balance', tags, response: { 200: s.volunteerMine } } },
    async (req) => volunteers.mine(deps, req.caller),
  );
  app.get(
    '/volunteers',
    { config: read, schema: { summary: 'Volunteers in scope with this year’s hours and their balance', tags, querystring: s.volunteerListQuery, response: { 200: pageOf(s.volunteerView) } } },
    async (req) => volunteers.listVolunteers(deps, req.caller, req.query),
  );
  app.get(
    '/volunteers/export',
    { config: read, schema: { summary: 'Volunteers, as the list filters them, in Excel (audited)', tags, querystring: s.volunteerExportQuery } },
    async (req, reply) => {
      const file = await volunteers.exportVolunteers(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.post(
    '/volunteer-teams',
    { config: write, schema: { summary: 'Form a volunteer team (党员、工会、青年、巾帼…) on an org', tags, body: s.teamBody, response: created } },
    async (req, reply) => reply.status(201).send(await volunteers.createTeam(deps, req.caller, req.body)),
  );
  app.get(
    '/volunteer-teams',
    { config: read, schema: { summary: 'Volunteer teams in scope', tags, querystring: s.teamListQuery, response: { 200: pageOf(s.teamView) } } },
    async (req) => volunteers.listTeams(deps, req.caller, req.query),
  );
  app.post(
    '/volunteer-teams/:id/members',
    { config: write, schema: { summary: 'Add a volunteer of the team’s subtree to the team', tags, params: idParams, body: s.teamMemberBody, response: created } },
    async (req, reply) => reply.status(201).send(await volunteers.addTeamMember(deps, req.caller, req.params.id, req.body)),
  );
  app.post(
    '/volunteer-services',
    { config: write, schema: { summary: 'Make an activity a volunteer service: each check-in credits its hours and their love points', tags, body: s.serviceBody, response: created } },
    async (req, reply) => reply.status(201).send(await volunteers.createService(deps, req.caller, req.body)),
  );
  app.get(
    '/volunteer-services',
    { config: read, schema: { summary: 'Volunteer services in scope, with how many were credited', tags, querystring: pageQuery, response: { 200: pageOf(s.serviceView) } } },
    async (req) => volunteers.listServices(deps, req.caller, req.query),
  );
};
