import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import { idParams, pageOf } from '../../platform/validation.ts';
import { SESSION_COOKIE } from '../../platform/sessions.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import * as s from './schema.ts';
import { changeOwnPassword, login, logout, me } from './sessions.ts';
import { sendSignupCode, signup } from './signup.ts';
import { createUser, exportUsers, getUser, listUsers, resetPassword, updateUser } from './users.ts';
import { createGrant, listGrants, revokeGrant } from './grants.ts';

function setSessionCookie(reply: FastifyReply, deps: Deps, session: { token: string; expiresAt: Date }) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
}

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  /**
   * Two budgets on every auth route (see README, GONGHUI_AUTH_*RATE_LIMIT): per client address, large
   * enough for an assembly of hundreds behind one factory Wi-Fi or carrier NAT (the route's own
   * limit), and per account — the username or phone asked for, or the signed-in user — small, so
   * one account cannot be hammered from many addresses (wrong passwords also lock it, sessions.ts).
   * Counted in this server's memory: behind a proxy with N servers an address or account gets up
   * to N times the budget (docs/operations.md).
   */
  const addressLimit = { max: deps.config.authAddressRateLimit, timeWindow: '1 minute' };
  // A second counter on the same request (the plugin's own handler runs once per request).
  const perAccount = (route: string, key: (req: FastifyRequest) => string | number | null | undefined) => {
    const count = app.createRateLimit({ max: deps.config.authRateLimit, timeWindow: '1 minute', keyGenerator: (req) => `auth-account:${route}:${key(req) ?? req.ip}` });
    return async (req: FastifyRequest) => {
      const result = await count(req);
      if (!result.isAllowed && result.isExceeded) throw new AppError(429, 'rate_limited');
    };
  };
  const bodyKey = (field: 'username' | 'phone') => (req: FastifyRequest) => {
    const value = (req.body as Record<string, unknown> | undefined)?.[field];
    return typeof value === 'string' ? value.trim().toLowerCase() : null;
  };
  const userKey = (req: FastifyRequest) => req.caller.user?.id;

  app.post(
    '/auth/login',
    {
      config: { access: 'public', csrfExempt: true, rateLimit: addressLimit },
      preHandler: perAccount('/auth/login', bodyKey('username')),
      schema: {
        summary: 'Log in with username (or phone) and password',
        tags: ['auth'],
        body: s.loginBody,
        response: { 200: s.loginResponse },
      },
    },
    async (req, reply) => {
      const { session, user } = await login(deps, req.caller, req.body);
      setSessionCookie(reply, deps, session);
      return { csrfToken: session.csrfToken, user };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'authenticated', rateLimit: addressLimit },
      preHandler: perAccount('/auth/logout', userKey),
      schema: { summary: 'End this session', tags: ['auth'], response: { 204: z.null() } },
    },
    async (req, reply) => {
      await logout(deps, req.caller);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'The logged-in user, their role grants and CSRF token', tags: ['auth'], response: { 200: s.meResponse } },
    },
    async (req) => me(deps, req.caller),
  );

  app.post(
    '/me/password',
    {
      config: { access: 'authenticated', rateLimit: addressLimit },
      preHandler: perAccount('/me/password', userKey),
      schema: {
        summary: 'Change one’s own password (ends every other session)',
        tags: ['auth'],
        body: s.changePasswordBody,
        response: { 200: s.csrfResponse },
      },
    },
    async (req, reply) => {
      const session = await changeOwnPassword(deps, req.caller, req.body);
      setSessionCookie(reply, deps, session);
      return { csrfToken: session.csrfToken };
    },
  );

  // ----- worker sign-up -----
  app.post(
    '/auth/sms-codes',
    {
      config: { access: 'public', csrfExempt: true, rateLimit: addressLimit },
      preHandler: perAccount('/auth/sms-codes', bodyKey('phone')),
      schema: { summary: 'Send a sign-up verification code by SMS', tags: ['auth'], body: s.smsCodeBody, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await sendSignupCode(deps, req.body.phone);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/signup',
    {
      config: { access: 'public', csrfExempt: true, rateLimit: addressLimit },
      preHandler: perAccount('/auth/signup', bodyKey('phone')),
      schema: { summary: 'A worker signs up with phone, SMS code and password (and is logged in)', tags: ['auth'], body: s.signupBody, response: { 201: s.loginResponse } },
    },
    async (req, reply) => {
      const { session, user } = await signup(deps, req.caller, req.body);
      setSessionCookie(reply, deps, session);
      return reply.status(201).send({ csrfToken: session.csrfToken, user });
    },
  );

  app.get(
    '/users',
    {
      config: { access: 'user.read' },
      schema: { summary: 'Accounts in scope', tags: ['users'], querystring: s.userListQuery, response: { 200: pageOf(s.userView) } },
    },
    async (req) => listUsers(deps, req.caller, req.query),
  );
  app.get(
    '/users/export',
    {
      config: { access: 'user.read' },
      schema: { summary: 'Accounts as the list filters them, with their roles, in Excel (full=true needs member.pii; audited)', tags: ['users'], querystring: s.userExportQuery },
    },
    async (req, reply) => {
      const file = await exportUsers(deps, req.caller, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );

  app.post(
    '/users',
    {
      config: { access: 'user.write' },
      schema: { summary: 'Create an account', tags: ['users'], body: s.createUserBody, response: { 201: z.object({ id: z.number().int() }) } },
    },
    async (req, reply) => reply.status(201).send(await createUser(deps, req.caller, req.body)),
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'user.read' },
      schema: { summary: 'One account', tags: ['users'], params: idParams, response: { 200: s.userView } },
    },
    async (req) => getUser(deps, req.caller, req.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'user.write' },
      schema: {
        summary: 'Change name or phone, disable or enable (disabling ends its sessions)',
        tags: ['users'],
        params: idParams,
        body: s.updateUserBody,
        response: { 200: s.userView },
      },
    },
    async (req) => updateUser(deps, req.caller, req.params.id, req.body),
  );

  app.post(
    '/users/:id/password',
    {
      config: { access: 'user.write' },
      schema: {
        summary: 'Set a new password for an account (ends its sessions, lifts a lock)',
        tags: ['users'],
        params: idParams,
        body: s.resetPasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await resetPassword(deps, req.caller, req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/role-grants',
    {
      config: { access: 'user.read' },
      schema: { summary: 'Role grants in scope', tags: ['users'], querystring: s.grantListQuery, response: { 200: pageOf(s.grantItem) } },
    },
    async (req) => listGrants(deps, req.caller, req.query),
  );

  app.post(
    '/role-grants',
    {
      config: { access: 'user.write' },
      schema: {
        summary: 'Grant a role on an organisation (reaches its whole subtree)',
        tags: ['users'],
        body: s.grantBody,
        response: { 201: z.object({ id: z.number().int(), userId: z.number().int(), role: s.role, orgId: z.number().int().nullable() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createGrant(deps, req.caller, req.body)),
  );

  app.delete(
    '/role-grants/:id',
    {
      config: { access: 'user.write' },
      schema: { summary: 'Revoke a role grant', tags: ['users'], params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await revokeGrant(deps, req.caller, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
