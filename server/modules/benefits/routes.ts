import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import * as s from './schema.ts';
import * as b from './benefits.ts';

export const benefitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['benefits'];
  app.post(
    '/benefits',
    { config: { access: 'benefit.write' }, schema: { summary: 'Publish a benefit (送清凉, 年夜饭, 女神节, 生日): a stock, a claim window, eligibility', tags, body: s.createBenefitBody, response: { 201: z.object({ id: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await b.createBenefit(deps, req.caller, req.body)),
  );
  app.get(
    '/benefits',
    { config: { access: 'benefit.read' }, schema: { summary: 'Benefits in scope with their claims and redemptions', tags, querystring: s.benefitListQuery, response: { 200: pageOf(s.benefitView) } } },
    async (req) => b.listBenefits(deps, req.caller, req.query),
  );
  app.get(
    '/benefits/export',
    { config: { access: 'benefit.read' }, schema: { summary: 'Benefits as the list filters them, in Excel (audited)', tags, querystring: s.benefitExportQuery } },
    async (req, reply) => {
      const file = await b.exportBenefits(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/benefits/mine',
    { config: { access: 'authenticated' }, schema: { summary: 'The benefits of my union’s chain that are open or that I claimed, with my codes', tags, response: { 200: z.object({ items: z.array(s.myBenefit) }) } } },
    async (req) => b.myBenefits(deps, req.caller),
  );
  app.post(
    '/benefits/:id/claims',
    { config: { access: 'authenticated' }, schema: { summary: 'Claim a benefit (a member, eligible, in the window): once (409 benefit_claimed), never over stock (409 benefit_out_of_stock)', tags, params: idParams, response: { 201: z.object({ code: z.string() }) } } },
    async (req, reply) => reply.status(201).send(await b.claim(deps, req.caller, req.params.id)),
  );
  app.post(
    '/benefit-claims/redeem',
    { config: { access: 'benefit.redeem', verdict: true }, schema: { summary: 'Redeem a claim’s code (the distributor, for members in scope), once: a verdict, audited', tags, body: s.redeemBody, response: { 200: s.redeemVerdict } } },
    async (req) => b.redeem(deps, req.caller, req.body.code),
  );
};
