import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import { idParams, pageOf } from '../../platform/validation.ts';
import * as s from './schema.ts';
import * as orgs from './service.ts';
import * as ent from './enterprises.ts';

export const orgsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['orgs'];

  app.get(
    '/orgs',
    { config: { access: 'org.read' }, schema: { summary: 'Search organisations in scope', tags, querystring: s.orgListQuery, response: { 200: pageOf(s.orgView) } } },
    async (req) => orgs.searchOrgs(deps, req.caller, req.query),
  );
  app.get(
    '/orgs/export',
    { config: { access: 'org.read' }, schema: { summary: 'Organisations in scope as the search filters them, in Excel (audited)', tags, querystring: s.orgExportQuery } },
    async (req, reply) => {
      const file = await orgs.exportOrgs(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/orgs/roots',
    { config: { access: 'org.read' }, schema: { summary: 'The tops of the caller’s scope (where the tree starts)', tags, response: { 200: pageOf(s.orgView) } } },
    async (req) => orgs.listRoots(deps, req.caller),
  );
  app.post(
    '/orgs',
    { config: { access: 'org.write' }, schema: { summary: 'Create an organisation under a parent in scope', tags, body: s.createOrgBody, response: { 201: s.orgView } } },
    async (req, reply) => reply.status(201).send(await orgs.createOrg(deps, req.caller, req.body)),
  );
  app.get(
    '/orgs/:id',
    { config: { access: 'org.read' }, schema: { summary: 'One organisation', tags, params: idParams, response: { 200: s.orgDetail } } },
    async (req) => orgs.getOrg(deps, req.caller, req.params.id),
  );
  app.get(
    '/orgs/:id/children',
    { config: { access: 'org.read' }, schema: { summary: 'Direct sub-organisations', tags, params: idParams, response: { 200: pageOf(s.orgView) } } },
    async (req) => orgs.listChildren(deps, req.caller, req.params.id),
  );
  app.patch(
    '/orgs/:id',
    { config: { access: 'org.write' }, schema: { summary: 'Rename, or change place or basis', tags, params: idParams, body: s.updateOrgBody, response: { 200: s.orgView } } },
    async (req) => orgs.updateOrg(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/orgs/:id/move',
    { config: { access: 'org.write' }, schema: { summary: 'Move with the whole subtree under another parent', tags, params: idParams, body: s.moveOrgBody, response: { 200: s.orgView } } },
    async (req) => orgs.moveOrg(deps, req.caller, req.params.id, req.body.parentId),
  );
  app.post(
    '/orgs/:id/close',
    { config: { access: 'org.write' }, schema: { summary: 'Close (never delete); refused while it has open children or enterprises', tags, params: idParams, response: { 200: s.orgView } } },
    async (req) => orgs.closeOrg(deps, req.caller, req.params.id),
  );

  const etags = ['enterprises'];
  app.get(
    '/enterprises',
    { config: { access: 'org.read' }, schema: { summary: 'Enterprises covered in scope', tags: etags, querystring: s.enterpriseListQuery, response: { 200: pageOf(s.enterpriseView) } } },
    async (req) => ent.listEnterprises(deps, req.caller, req.query),
  );
  app.get(
    '/enterprises/export',
    { config: { access: 'org.read' }, schema: { summary: 'Enterprises in scope as the list filters them, in Excel (audited)', tags: etags, querystring: s.enterpriseExportQuery } },
    async (req, reply) => {
      const file = await ent.exportEnterprises(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.post(
    '/enterprises',
    { config: { access: 'org.write' }, schema: { summary: 'Register an enterprise covered by an org in scope', tags: etags, body: s.createEnterpriseBody, response: { 201: s.enterpriseView } } },
    async (req, reply) => reply.status(201).send(await ent.createEnterprise(deps, req.caller, req.body)),
  );
  app.get(
    '/enterprises/:id',
    { config: { access: 'org.read' }, schema: { summary: 'One enterprise', tags: etags, params: idParams, response: { 200: s.enterpriseView } } },
    async (req) => ent.getEnterprise(deps, req.caller, req.params.id),
  );
  app.patch(
    '/enterprises/:id',
    { config: { access: 'org.write' }, schema: { summary: 'Change an enterprise (or the union covering it)', tags: etags, params: idParams, body: s.updateEnterpriseBody, response: { 200: s.enterpriseView } } },
    async (req) => ent.updateEnterprise(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/enterprises/:id/close',
    { config: { access: 'org.write' }, schema: { summary: 'Close an enterprise and its teams', tags: etags, params: idParams, response: { 200: s.enterpriseView } } },
    async (req) => ent.closeEnterprise(deps, req.caller, req.params.id),
  );

  const ttags = ['teams'];
  app.get(
    '/teams',
    { config: { access: 'org.read' }, schema: { summary: 'Teams in scope', tags: ttags, querystring: s.teamListQuery, response: { 200: pageOf(s.teamView) } } },
    async (req) => ent.listTeams(deps, req.caller, req.query),
  );
  app.post(
    '/teams',
    { config: { access: 'org.write' }, schema: { summary: 'Create a team in an enterprise', tags: ttags, body: s.createTeamBody, response: { 201: s.teamView } } },
    async (req, reply) => reply.status(201).send(await ent.createTeam(deps, req.caller, req.body)),
  );
  app.get(
    '/teams/:id',
    { config: { access: 'org.read' }, schema: { summary: 'One team', tags: ttags, params: idParams, response: { 200: s.teamView } } },
    async (req) => ent.getTeam(deps, req.caller, req.params.id),
  );
  app.patch(
    '/teams/:id',
    { config: { access: 'org.write' }, schema: { summary: 'Rename a team or change its kind', tags: ttags, params: idParams, body: s.updateTeamBody, response: { 200: s.teamView } } },
    async (req) => ent.updateTeam(deps, req.caller, req.params.id, req.body),
  );
  app.post(
    '/teams/:id/close',
    { config: { access: 'org.write' }, schema: { summary: 'Close a team', tags: ttags, params: idParams, response: { 200: s.teamView } } },
    async (req) => ent.closeTeam(deps, req.caller, req.params.id),
  );
};
