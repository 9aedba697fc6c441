import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importWorkbook, openErrorReport, sendWorkbook } from '../../platform/spreadsheet.ts';
import { notFound } from '../../platform/errors.ts';
import { idParams, pageOf } from '../../platform/validation.ts';
import * as s from './schema.ts';
import { approveApplication, createApplication, exportApplications, getApplication, listApplications, myApplications, rejectApplication } from './applications.ts';
import { claimMembership, myMembership } from './claims.ts';
import { myCardToken, verifyCard } from './cards.ts';
import { CARD_VERIFY_PER_MINUTE } from './rules.ts';
import { directory } from './directory.ts';
import { getMember, listMembers, revealMember, updateMember } from './roll.ts';
import { acceptTransfer, cancelTransfer, exportTransfers, listTransfers, rejectTransfer, startTransfer } from './transfers.ts';
import { exportMembers, importMembers, memberFileNames, memberTemplate } from './roll-files.ts';
import { exportCoverage, orgStats } from './stats.ts';

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const ok = z.object({ id: z.number().int(), status: z.string() });

  // ----- a worker's own membership -----
  app.post(
    '/members/claim',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'Link one’s account to an imported member record by name and ID number', tags: ['members'], body: s.claimBody, response: { 200: z.object({ memberId: z.number().int(), memberNo: z.string() }) } },
    },
    async (req) => claimMembership(deps, req.caller, req.body),
  );
  app.get(
    '/me/member',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'One’s own membership and e-card', tags: ['members'], response: { 200: s.myMembership } },
    },
    async (req) => myMembership(deps, req.caller),
  );
  app.get(
    '/members/me/card-token',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'A fresh signed token for the QR code of one’s own e-card (valid 5 minutes)', tags: ['members'], response: { 200: s.cardToken } },
    },
    async (req) => myCardToken(deps, req.caller),
  );
  app.post(
    '/member-cards/verify',
    {
      // Per verifier account, not per address: a venue's phones may share one.
      config: { access: 'card.verify', verdict: true, rateLimit: { max: CARD_VERIFY_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (req) => `card-verify:${req.caller.user?.id}` } },
      schema: {
        summary: 'Verify a scanned e-card: valid with masked name, union and status, or refused as forged, expired or not_member (audited)',
        description: 'A member outside the caller’s card.verify scope is answered not_member, like one who left.',
        tags: ['members'],
        body: s.cardVerifyBody,
        response: { 200: s.cardVerification },
      },
    },
    async (req) => verifyCard(deps, req.caller, req.body.token),
  );
  app.get(
    '/directory/unions',
    {
      config: { access: 'public' },
      schema: { summary: 'Public union directory (name and place search, public fields only)', tags: ['members'], querystring: s.directoryQuery, response: { 200: pageOf(s.directoryItem) } },
    },
    async (req) => directory(deps, req.query),
  );

  // ----- join applications -----
  app.post(
    '/join-applications',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'Apply to join a union (real name, with consent)', tags: ['members'], body: s.joinApplicationBody, response: { 201: z.object({ id: z.number().int(), status: z.literal('pending') }) } },
    },
    async (req, reply) => reply.status(201).send(await createApplication(deps, req.caller, req.body)),
  );
  app.get(
    '/join-applications/mine',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'One’s own join applications', tags: ['members'], response: { 200: pageOf(s.applicationView) } },
    },
    async (req) => myApplications(deps, req.caller),
  );
  app.get(
    '/join-applications',
    {
      config: { access: 'member.read' },
      schema: { summary: 'Join applications in scope (overdue ones flagged)', tags: ['members'], querystring: s.applicationListQuery, response: { 200: pageOf(s.applicationItem) } },
    },
    async (req) => listApplications(deps, req.caller, req.query),
  );
  app.get(
    '/join-applications/export',
    {
      config: { access: 'member.read' },
      schema: { summary: 'Join applications as the list filters them, in Excel (full=true needs member.pii; audited)', tags: ['members'], querystring: s.applicationExportQuery },
    },
    async (req, reply) => {
      const file = await exportApplications(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/join-applications/:id',
    {
      config: { access: 'member.read' },
      schema: { summary: 'One join application', tags: ['members'], params: idParams, response: { 200: s.applicationItem } },
    },
    async (req) => getApplication(deps, req.caller, req.params.id),
  );
  app.post(
    '/join-applications/:id/approve',
    {
      config: { access: 'member.write' },
      schema: { summary: 'Approve: creates the member with a member number', tags: ['members'], params: idParams, response: { 200: z.object({ memberId: z.number().int(), memberNo: z.string() }) } },
    },
    async (req) => approveApplication(deps, req.caller, req.params.id),
  );
  app.post(
    '/join-applications/:id/reject',
    {
      config: { access: 'member.write' },
      schema: { summary: 'Reject with a reason', tags: ['members'], params: idParams, body: s.rejectBody, response: { 200: ok.extend({ reason: z.string() }) } },
    },
    async (req) => rejectApplication(deps, req.caller, req.params.id, req.body.reason),
  );

  // ----- the roll -----
  app.get(
    '/members',
    {
      config: { access: 'member.read' },
      schema: { summary: 'The member roll in scope (ID numbers and phones masked)', tags: ['members'], querystring: s.memberListQuery, response: { 200: pageOf(s.memberItem) } },
    },
    async (req) => listMembers(deps, req.caller, req.query),
  );
  app.get(
    '/members/import-template',
    {
      config: { access: 'member.write' },
      schema: { summary: 'The Excel template for bulk import', tags: ['members'] },
    },
    async (_req, reply) => sendWorkbook(reply, memberFileNames.template, await memberTemplate()),
  );
  app.post(
    '/members/import',
    {
      config: { access: 'member.write' },
      schema: {
        summary: 'Bulk import (multipart: file, orgId); all or nothing',
        description: '200 {"imported":N}, or 422 problem with errors:[{row,field,message}] and reportUrl of an error-report workbook.',
        tags: ['members'],
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ imported: z.number().int() }) },
      },
    },
    async (req) => importWorkbook(req, deps.config.dataDir, (orgId, file) => importMembers(deps, req.caller, orgId, file)),
  );
  app.get(
    '/import-reports/:token',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'Download an import’s error report (only by the uploader, for a day)', tags: ['members'], params: z.object({ token: z.string().max(80) }) },
    },
    async (req, reply) => {
      const report = await openErrorReport(deps.files, req.caller.user!.id, req.params.token);
      if (!report) throw notFound('import_report');
      return sendWorkbook(reply, memberFileNames.errorReport, report);
    },
  );
  app.get(
    '/members/export',
    {
      config: { access: 'member.read' },
      schema: { summary: 'The roll in scope as the list filters it, in Excel (full=true needs member.pii; audited)', tags: ['members'], querystring: s.memberExportQuery },
    },
    async (req, reply) => {
      const file = await exportMembers(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.get(
    '/members/:id',
    {
      config: { access: 'member.read' },
      schema: { summary: 'One member with transfer history (masked)', tags: ['members'], params: idParams, response: { 200: s.memberDetail } },
    },
    async (req) => getMember(deps, req.caller, req.params.id),
  );
  app.post(
    '/members/:id/reveal',
    {
      config: { access: 'member.pii' },
      schema: { summary: 'Show the full ID number and phone (audited)', tags: ['members'], params: idParams, response: { 200: s.revealResponse } },
    },
    async (req) => revealMember(deps, req.caller, req.params.id),
  );
  app.patch(
    '/members/:id',
    {
      config: { access: 'member.write' },
      schema: { summary: 'Change status (member, retained, left), phone or employer', tags: ['members'], params: idParams, body: s.updateMemberBody, response: { 200: s.memberDetail } },
    },
    async (req) => updateMember(deps, req.caller, req.params.id, req.body),
  );

  // ----- transfers -----
  app.post(
    '/members/:id/transfers',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'Start a transfer (by the member or a cadre of the current union)', tags: ['members'], params: idParams, body: s.transferBody, response: { 201: z.object({ id: z.number().int() }) } },
    },
    async (req, reply) => reply.status(201).send(await startTransfer(deps, req.caller, req.params.id, req.body.toOrgId, req.body.reason)),
  );
  app.get(
    '/transfers',
    {
      config: { access: 'member.read' },
      schema: { summary: 'Transfers into (incoming) or out of (outgoing) the scope', tags: ['members'], querystring: s.transferListQuery, response: { 200: pageOf(s.transferItem) } },
    },
    async (req) => listTransfers(deps, req.caller, req.query),
  );
  app.get(
    '/transfers/export',
    {
      config: { access: 'member.read' },
      schema: { summary: 'Transfers as the list filters them, in Excel (audited)', tags: ['members'], querystring: s.transferExportQuery },
    },
    async (req, reply) => {
      const file = await exportTransfers(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  const transferResult = z.object({ id: z.number().int(), status: z.string(), memberId: z.number().int() });
  app.post(
    '/transfers/:id/accept',
    {
      config: { access: 'member.write' },
      schema: { summary: 'The receiving union accepts', tags: ['members'], params: idParams, response: { 200: transferResult } },
    },
    async (req) => acceptTransfer(deps, req.caller, req.params.id),
  );
  app.post(
    '/transfers/:id/reject',
    {
      config: { access: 'member.write' },
      schema: { summary: 'The receiving union declines, with a reason', tags: ['members'], params: idParams, body: s.rejectBody, response: { 200: transferResult } },
    },
    async (req) => rejectTransfer(deps, req.caller, req.params.id, req.body.reason),
  );
  app.post(
    '/transfers/:id/cancel',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'Withdraw a pending transfer (the member or the current union)', tags: ['members'], params: idParams, response: { 200: transferResult } },
    },
    async (req) => cancelTransfer(deps, req.caller, req.params.id),
  );

  // ----- coverage -----
  app.get(
    '/orgs/:id/stats',
    {
      config: { access: 'org.read' },
      schema: { summary: 'Coverage statistics over the org’s whole subtree', tags: ['members'], params: idParams, response: { 200: s.statsView } },
    },
    async (req) => orgStats(deps, req.caller, req.params.id),
  );
  app.get(
    '/orgs/:id/stats/export',
    {
      config: { access: 'org.read' },
      schema: { summary: 'The coverage table (each child and the total) as Excel, the same figures as the stats (audited)', tags: ['members'], params: idParams },
    },
    async (req, reply) => {
      const out = new PassThrough();
      const { name, write } = await exportCoverage(deps, req.caller, req.params.id, out);
      write().catch((err) => out.destroy(err));
      return sendWorkbook(reply, name, out);
    },
  );
};
