import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import * as ledger from './ledger.ts';
import * as shop from './shop.ts';
import { ranking } from './rankings.ts';

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
};
