import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { makeIdNumber } from './identity.ts';
import { rolePermissions, roles, type Permission, type Role } from './access.ts';
import type { RouteInfo } from './http.ts';
import { buildPioneerWorld, campaignBody, multipart, selfAssess, titleWorkbook, uploadEvidence, type PioneerWorld } from '../modules/pioneer/test-world.ts';
import {
  PASSWORD,
  anonymous,
  buildFixture,
  createEnterprise,
  createOrg,
  createTeam,
  createTestApp,
  createUser,
  expectStatus,
  newUscc,
  login,
  type Client,
  type Fixture,
} from '../test/harness.ts';
import { readExport } from '../test/exports.ts';
import { buildBargainingWorld, roundAt, roundBody, type BargainingWorld } from '../modules/bargaining/test-world.ts';
import { buildRatingsWorld, fullMarks, ratingAt, ratingBody, type RatingsWorld } from '../modules/ratings/test-world.ts';
import { defaultScorecards } from '../modules/ratings/rules.ts';
import { buildHonoursWorld, honoursMember, modelWorkerBody, studioBody, type HonoursWorld } from '../modules/honours/test-world.ts';
import { buildRightsWorld, caseBody, type RightsWorld } from '../modules/rights/test-world.ts';
import { buildHardshipWorld, fileBody, type HardshipWorld } from '../modules/hardship/test-world.ts';
import { buildFundraisingWorld, fundraiserBody, type FundraisingWorld } from '../modules/fundraising/test-world.ts';
import { benefitBody, claimedBenefit } from '../modules/benefits/test-world.ts';
import { venueBody } from '../modules/venues/test-world.ts';

/** An online course (no sessions: completion may be recorded at once) with one lesson. */
const courseBody = (orgId: number) => ({ orgId, title: '矩阵云课', sessions: [], lessons: [{ title: '矩阵课程', videoUrl: 'https://example.org/v', hours: 1 }] });
import { buildCobuildingWorld, type CobuildingWorld } from '../modules/cobuilding/test-world.ts';
import { buildCommunityWorld, freshRedemption, freshVolunteer, freshWish, type CommunityWorld } from '../modules/volunteers/test-world.ts';

/**
 * The permission matrix, generated from the route table: every API route × who may call it.
 *
 * - A route declaring a permission refuses (403) every user without a grant carrying it.
 * - Every role holding the permission, granted on the sibling street (street B), is refused what
 *   lies in street A: 404 when the request addresses an id there, nothing of it in a list.
 * - The same reads by every holder on street A (own scope) and on the county (parent scope)
 *   succeed and list street A's records, so the refusals are the scope's doing.
 * - Every write route is attempted by its holder on street A on state where it can succeed
 *   (`ownWrites`), and must give the answer pinned there: a 2xx with an audit entry, or a named
 *   domain refusal; a record only the county decides answers 404 to street A and succeeds for the
 *   county holder. The same writes, on fresh records, succeed for the holder on the county
 *   (parent scope); where a rule tells a street and the county apart, `parent` says so.
 * - Authenticated and permission routes answer 401 without a session; public ones never do.
 *
 * Every route needs a sample below, and every write route an entry in `ownWrites`: a new route
 * without them fails the checks at the top. docs/permissions.md is the reviewed snapshot of the
 * same table (permissions-doc.api.test.ts fails when it is stale).
 */

interface Ctx {
  app: FastifyInstance;
  f: Fixture;
  /** a worker who is a member of union A (signs up for activities, submits contest entries) */
  worker: Client;
  unionA2: number;
  /** a pending join application to union A */
  applicationId: number;
  /** a member of union A */
  memberId: number;
  /** a pending transfer from union A to union A2 (both in street A) */
  transferId: number;
  /** cadre A's grant on street A */
  grantA: number;
  streetAOrgs: Set<number>;
  /** the names of street A's orgs, as exports show them */
  streetANames: Set<string>;
  streetAUsers: Set<number>;
  xlsx: Buffer;
  /** one of every Workers' Pioneer record in street A (the county's campaign, team a's candidate and title) */
  pioneer: PioneerWorld;
  /** an activity, a text contest and an approved entry in it, published by street A */
  activityId: number;
  contestId: number;
  entryId: number;
  /** a published members-only article of street A, with an attachment */
  articleId: number;
  /** one of every honours record in street A (model worker, ledger entry, studio, selections, craftsman) */
  honours: HonoursWorld;
  /** a proposed round of union A covering enterprise a, seated and drafted, with a worker employed there */
  bargaining: BargainingWorld;
  /** union A's self-assessment, and its named Workers' Home */
  ratings: RatingsWorld;
  /** union A's fundraiser with a donation and a disbursement carrying a proof */
  fundraising: FundraisingWorld;
  /** a benefit of street A claimed by the worker, and the claim's code */
  benefit: { benefitId: number; code: string };
  /** a youth social of street A (no sign-ups) */
  socialId: number;
  /** union A's venue and a booking of it by street A */
  venue: { venueId: number; bookingId: number };
  /** a valid skill-level record of the member of union A, and that member's number */
  skillRecordId: number;
  memberNo: string;
  /** a skill contest of street A, its first event, the worker's published entry (a third prize), and its chief judge */
  skill: { contestId: number; eventId: number; entryId: number; judge: Client; judgeId: number };
  /** the e-card token of the member of union A (the test clock stands still: it stays valid) */
  cardToken: string;
  attachmentId: number;
  /** a column street A added */
  articleColumnId: number;
  /** rights cases of a member of union A (one submitted, one accepted and assigned to a lawyer of street A) */
  rights: RightsWorld;
  /** an attachment of the submitted case */
  rightsAttachmentId: number;
  /** a hardship file of a member of union A with an aid, and street A's campaign */
  hardship: HardshipWorld;
  /** street A's recuperation product and batch (places handed to union A), and the worker's pending application */
  recuperation: { productId: number; batchId: number; applicationId: number };
  /** co-building in street A: a partner with its contact, an open union item, a partner item claimed, one done */
  cobuilding: CobuildingWorld;
  /** volunteers, the points shop and micro-wishes in street A */
  community: CommunityWorld;
  /** an online course of street A with a lesson (a PDF uploaded), the worker enrolled */
  training: { courseId: number; lessonId: number };
}

interface Request {
  url: string;
  body?: unknown;
  /** multipart form fields (and an .xlsx file, or another named `name`) instead of JSON */
  multipart?: { fields: Record<string, string>; file?: Buffer; name?: string };
}

type Sibling =
  /** the request addresses an id in street A: 404 for a street B holder, as for a missing id */
  | { kind: 'not-found' }
  /**
   * a list: a street B holder sees no item of street A; a street A holder sees some, and so does a
   * county holder (`fromCounty`: what stands for street A in the county's list, when not the same)
   */
  | { kind: 'list'; ofStreetA: (c: Ctx, item: any) => boolean; fromCounty?: (c: Ctx, item: any) => boolean }
  /**
   * an Excel export of a list: a street B holder gets a file with no row naming an org of street A
   * (and, like every export, one audit entry of their own); a street A or county holder's names some
   */
  | { kind: 'export' }
  /** nothing of any subtree is involved (say why) */
  | { kind: 'unscoped'; why: string }
  /**
   * a route that judges what it is handed (`verdict` in the route table: an e-card's token): a
   * street B holder gets 200 with the refusal `refused` recognises, and the check is audited
   */
  | { kind: 'verdict'; refused: (body: any) => boolean };

interface Sample {
  req: (c: Ctx) => Request;
  /** how a holder of the route's permission on the sibling street is refused (permission routes only) */
  sibling?: Sibling;
}

const notFound: Sibling = { kind: 'not-found' };
const exported: Sibling = { kind: 'export' };
/** The rows of an exported workbook that name an org of street A in some cell. */
const rowsOfStreetA = async (c: Ctx, res: LightMyRequestResponse) => (await readExport(res)).rows.filter((row) => row.some((cell) => c.streetANames.has(cell)));
const idIn = (set: (c: Ctx) => Set<number>, key = 'id') => (c: Ctx, item: any) => set(c).has(item[key]);
const orgOfStreetA = (key = 'orgId') => idIn((c) => c.streetAOrgs, key);

const samples: Record<string, Sample> = {
  // ---- platform and accounts ----
  'GET /api/health': { req: () => ({ url: '/api/health' }) },
  'GET /api/openapi.json': { req: () => ({ url: '/api/openapi.json' }) },
  'POST /api/auth/login': { req: () => ({ url: '/api/auth/login', body: { username: 'nobody.here', password: 'not-a-password' } }) },
  'POST /api/auth/logout': { req: () => ({ url: '/api/auth/logout' }) },
  'GET /api/me': { req: () => ({ url: '/api/me' }) },
  'GET /api/todos': { req: () => ({ url: '/api/todos' }) },
  'GET /api/notifications': { req: () => ({ url: '/api/notifications?unread=true' }) },
  'POST /api/notifications/read-all': { req: () => ({ url: '/api/notifications/read-all' }) },
  'POST /api/notifications/:id/read': { req: () => ({ url: '/api/notifications/999999/read' }) },
  'POST /api/me/password': { req: () => ({ url: '/api/me/password', body: { currentPassword: 'x', newPassword: 'Another-Pass-2025' } }) },
  'GET /api/users': { req: () => ({ url: '/api/users?pageSize=200' }), sibling: { kind: 'list', ofStreetA: idIn((c) => c.streetAUsers) } },
  'GET /api/users/export': { req: () => ({ url: '/api/users/export' }), sibling: exported },
  'POST /api/users': {
    req: (c) => ({ url: '/api/users', body: { username: 'matrix.user', displayName: '矩阵', password: 'Matrix-Pass-2025', orgId: c.f.orgs.unionA } }),
    sibling: notFound,
  },
  'GET /api/users/:id': { req: (c) => ({ url: `/api/users/${c.f.users.member}` }), sibling: notFound },
  'PATCH /api/users/:id': { req: (c) => ({ url: `/api/users/${c.f.users.member}`, body: { displayName: '改名' } }), sibling: notFound },
  'POST /api/users/:id/password': { req: (c) => ({ url: `/api/users/${c.f.users.member}/password`, body: { password: 'Taken-Over-2025' } }), sibling: notFound },
  'GET /api/role-grants': { req: () => ({ url: '/api/role-grants?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'POST /api/role-grants': { req: (c) => ({ url: '/api/role-grants', body: { userId: c.f.users.member, role: 'viewer', orgId: c.f.orgs.unionA } }), sibling: notFound },
  'DELETE /api/role-grants/:id': { req: (c) => ({ url: `/api/role-grants/${c.grantA}` }), sibling: notFound },

  // ---- orgs, enterprises, teams ----
  'GET /api/orgs': { req: () => ({ url: '/api/orgs?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA('id') } },
  'GET /api/orgs/export': { req: () => ({ url: '/api/orgs/export' }), sibling: exported },
  'GET /api/orgs/roots': {
    req: () => ({ url: '/api/orgs/roots' }),
    // The county holder's root is the county itself, whose subtree holds street A.
    sibling: { kind: 'list', ofStreetA: orgOfStreetA('id'), fromCounty: (c, item) => item.id === c.f.orgs.county },
  },
  'POST /api/orgs': { req: (c) => ({ url: '/api/orgs', body: { name: '矩阵工会', kind: 'grassroots_union', parentId: c.f.orgs.streetA } }), sibling: notFound },
  'GET /api/orgs/:id': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.unionA}` }), sibling: notFound },
  'GET /api/orgs/:id/children': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/children` }), sibling: notFound },
  'GET /api/orgs/:id/stats': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/stats` }), sibling: notFound },
  'GET /api/orgs/:id/stats/export': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/stats/export` }), sibling: notFound },
  'PATCH /api/orgs/:id': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.unionA}`, body: { name: '改名' } }), sibling: notFound },
  'POST /api/orgs/:id/move': { req: (c) => ({ url: `/api/orgs/${c.unionA2}/move`, body: { parentId: c.f.orgs.streetB } }), sibling: notFound },
  'POST /api/orgs/:id/close': { req: (c) => ({ url: `/api/orgs/${c.unionA2}/close` }), sibling: notFound },
  'GET /api/enterprises': { req: () => ({ url: '/api/enterprises?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/enterprises/export': { req: () => ({ url: '/api/enterprises/export' }), sibling: exported },
  'POST /api/enterprises': { req: (c) => ({ url: '/api/enterprises', body: { name: '矩阵企业', uscc: '91350100M000100Y43', orgId: c.f.orgs.unionA } }), sibling: notFound },
  'GET /api/enterprises/:id': { req: (c) => ({ url: `/api/enterprises/${c.f.enterprises.a}` }), sibling: notFound },
  'PATCH /api/enterprises/:id': { req: (c) => ({ url: `/api/enterprises/${c.f.enterprises.a}`, body: { orgId: c.f.orgs.unionB } }), sibling: notFound },
  'POST /api/enterprises/:id/close': { req: (c) => ({ url: `/api/enterprises/${c.f.enterprises.a}/close` }), sibling: notFound },
  'GET /api/teams': { req: () => ({ url: '/api/teams?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'POST /api/teams': { req: (c) => ({ url: '/api/teams', body: { name: '矩阵班组', kind: 'crew', enterpriseId: c.f.enterprises.a } }), sibling: notFound },
  'GET /api/teams/:id': { req: (c) => ({ url: `/api/teams/${c.f.teams.a}` }), sibling: notFound },
  'PATCH /api/teams/:id': { req: (c) => ({ url: `/api/teams/${c.f.teams.a}`, body: { name: '改名' } }), sibling: notFound },
  'POST /api/teams/:id/close': { req: (c) => ({ url: `/api/teams/${c.f.teams.a}/close` }), sibling: notFound },

  // ---- audit ----
  'GET /api/audit-log': { req: () => ({ url: '/api/audit-log?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/audit-log/export': { req: () => ({ url: '/api/audit-log/export' }), sibling: exported },
  'GET /api/audit-log/actions': { req: () => ({ url: '/api/audit-log/actions' }), sibling: { kind: 'unscoped', why: 'the labels of every action, the same for everyone allowed to read the log' } },

  // ---- members ----
  'POST /api/auth/sms-codes': { req: () => ({ url: '/api/auth/sms-codes', body: { phone: '13600001234' } }) },
  'POST /api/auth/signup': { req: () => ({ url: '/api/auth/signup', body: { phone: '13600001234', code: '000000', password: 'Signup-Pass-2025' } }) },
  'POST /api/members/claim': { req: () => ({ url: '/api/members/claim', body: { name: '张三', idNumber: makeIdNumber('330421', '1990-01-01', 1) } }) },
  'GET /api/me/member': { req: () => ({ url: '/api/me/member' }) },
  'GET /api/directory/unions': { req: () => ({ url: '/api/directory/unions' }) },
  'POST /api/join-applications': { req: () => ({ url: '/api/join-applications', body: {} }) },
  'GET /api/join-applications/mine': { req: () => ({ url: '/api/join-applications/mine' }) },
  'GET /api/join-applications': { req: () => ({ url: '/api/join-applications?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/join-applications/export': { req: () => ({ url: '/api/join-applications/export' }), sibling: exported },
  'GET /api/join-applications/:id': { req: (c) => ({ url: `/api/join-applications/${c.applicationId}` }), sibling: notFound },
  'POST /api/join-applications/:id/approve': { req: (c) => ({ url: `/api/join-applications/${c.applicationId}/approve` }), sibling: notFound },
  'POST /api/join-applications/:id/reject': { req: (c) => ({ url: `/api/join-applications/${c.applicationId}/reject`, body: { reason: '矩阵' } }), sibling: notFound },
  'GET /api/members': { req: () => ({ url: '/api/members?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/members/import-template': {
    req: () => ({ url: '/api/members/import-template' }),
    sibling: { kind: 'unscoped', why: 'the same empty template for everyone' },
  },
  'POST /api/members/import': { req: (c) => ({ url: '/api/members/import', multipart: { fields: { orgId: String(c.f.orgs.unionA) }, file: c.xlsx } }), sibling: notFound },
  'GET /api/import-reports/:token': { req: () => ({ url: '/api/import-reports/no-such-token' }) },
  'GET /api/members/export': { req: () => ({ url: '/api/members/export' }), sibling: exported },
  'GET /api/members/:id': { req: (c) => ({ url: `/api/members/${c.memberId}` }), sibling: notFound },
  'POST /api/members/:id/reveal': { req: (c) => ({ url: `/api/members/${c.memberId}/reveal` }), sibling: notFound },
  'PATCH /api/members/:id': { req: (c) => ({ url: `/api/members/${c.memberId}`, body: { status: 'left' } }), sibling: notFound },
  'POST /api/members/:id/transfers': { req: (c) => ({ url: `/api/members/${c.memberId}/transfers`, body: { toOrgId: c.f.orgs.unionB } }) },
  'GET /api/members/me/card-token': { req: () => ({ url: '/api/members/me/card-token' }) },
  'POST /api/member-cards/verify': {
    req: (c) => ({ url: '/api/member-cards/verify', body: { token: c.cardToken } }),
    sibling: { kind: 'verdict', refused: (body) => body.valid === false && body.reason === 'not_member' },
  },
  'GET /api/transfers': { req: () => ({ url: '/api/transfers?direction=incoming&pageSize=200' }), sibling: { kind: 'list', ofStreetA: idIn((c) => new Set([c.transferId])) } },
  'GET /api/transfers/export': { req: () => ({ url: '/api/transfers/export?direction=incoming' }), sibling: exported },
  'POST /api/transfers/:id/accept': { req: (c) => ({ url: `/api/transfers/${c.transferId}/accept` }), sibling: notFound },
  'POST /api/transfers/:id/reject': { req: (c) => ({ url: `/api/transfers/${c.transferId}/reject`, body: { reason: '矩阵' } }), sibling: notFound },
  'POST /api/transfers/:id/cancel': { req: (c) => ({ url: `/api/transfers/${c.transferId}/cancel` }) },

  // ---- Workers' Pioneer ----
  'GET /api/pioneer/standards': { req: (c) => ({ url: `/api/pioneer/standards?orgId=${c.f.orgs.streetA}` }), sibling: notFound },
  'GET /api/pioneer/standards/:id': { req: (c) => ({ url: `/api/pioneer/standards/${c.pioneer.standardId}` }), sibling: { kind: 'unscoped', why: 'the built-in standards are shared by every federation' } },
  'POST /api/pioneer/standards': { req: (c) => ({ url: '/api/pioneer/standards', body: standardBody(c.f.orgs.streetA) }), sibling: notFound },
  'POST /api/pioneer/campaigns': { req: (c) => ({ url: '/api/pioneer/campaigns', body: campaignBody(c.f.orgs.streetA) }), sibling: notFound },
  'GET /api/pioneer/campaigns': { req: () => ({ url: '/api/pioneer/campaigns?pageSize=200' }), sibling: { kind: 'unscoped', why: 'campaigns are opened by the county and shared by every street under it' } },
  'GET /api/pioneer/campaigns/export': { req: () => ({ url: '/api/pioneer/campaigns/export' }), sibling: { kind: 'unscoped', why: 'campaigns are opened by the county and shared by every street under it' } },
  'GET /api/pioneer/campaigns/:id': { req: (c) => ({ url: `/api/pioneer/campaigns/${c.pioneer.campaignId}` }), sibling: { kind: 'unscoped', why: 'the county’s campaign is shared by every street under it' } },
  'POST /api/pioneer/campaigns/:id/transitions': { req: (c) => ({ url: `/api/pioneer/campaigns/${c.pioneer.campaignId}/transitions`, body: { transition: 'cancel', reason: '矩阵' } }), sibling: notFound },
  'POST /api/pioneer/campaigns/:id/candidates': {
    req: (c) => ({ url: `/api/pioneer/campaigns/${c.pioneer.campaignId}/candidates`, body: { teamId: c.f.teams.a, type: 'safe_production', workerCount: 5 } }),
    sibling: notFound,
  },
  'GET /api/pioneer/campaigns/:id/candidates': { req: (c) => ({ url: `/api/pioneer/campaigns/${c.pioneer.campaignId}/candidates?pageSize=200` }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/pioneer/campaigns/:id/candidates/export': { req: (c) => ({ url: `/api/pioneer/campaigns/${c.pioneer.campaignId}/candidates/export` }), sibling: exported },
  'GET /api/pioneer/campaigns/:id/objections': {
    req: (c) => ({ url: `/api/pioneer/campaigns/${c.pioneer.campaignId}/objections` }),
    sibling: { kind: 'list', ofStreetA: idIn((c) => new Set([c.pioneer.objectionId])) },
  },
  'GET /api/pioneer/candidates/:id': { req: (c) => ({ url: `/api/pioneer/candidates/${c.pioneer.candidateId}` }), sibling: notFound },
  'PUT /api/pioneer/candidates/:id/self-assessment': { req: (c) => ({ url: `/api/pioneer/candidates/${c.pioneer.candidateId}/self-assessment`, body: { summary: '矩阵', scores: [] } }), sibling: notFound },
  'POST /api/pioneer/candidates/:id/submit': { req: (c) => ({ url: `/api/pioneer/candidates/${c.pioneer.candidateId}/submit` }), sibling: notFound },
  'POST /api/pioneer/candidates/:id/withdraw': { req: (c) => ({ url: `/api/pioneer/candidates/${c.pioneer.candidateId}/withdraw` }), sibling: notFound },
  'POST /api/pioneer/candidates/:id/evidence': { req: (c) => ({ url: `/api/pioneer/candidates/${c.pioneer.candidateId}/evidence`, multipart: { fields: {}, file: c.xlsx } }), sibling: notFound },
  'POST /api/pioneer/candidates/:id/judges': { req: (c) => ({ url: `/api/pioneer/candidates/${c.pioneer.candidateId}/judges`, body: { judgeId: c.pioneer.judge.id } }), sibling: notFound },
  'POST /api/pioneer/candidates/:id/award': { req: (c) => ({ url: `/api/pioneer/candidates/${c.pioneer.candidateId}/award`, body: { award: null } }), sibling: notFound },
  'POST /api/pioneer/candidates/:id/objections': { req: (c) => ({ url: `/api/pioneer/candidates/${c.pioneer.candidateId}/objections`, body: { reason: '矩阵' } }) },
  'POST /api/pioneer/objections/:id/resolve': { req: (c) => ({ url: `/api/pioneer/objections/${c.pioneer.objectionId}/resolve`, body: { outcome: 'dismissed', resolution: '矩阵' } }), sibling: notFound },
  'GET /api/pioneer/evidence/:id': { req: (c) => ({ url: `/api/pioneer/evidence/${c.pioneer.evidenceId}` }) },
  'DELETE /api/pioneer/evidence/:id': { req: (c) => ({ url: `/api/pioneer/evidence/${c.pioneer.evidenceId}` }), sibling: notFound },
  'GET /api/pioneer/my-assignments': { req: () => ({ url: '/api/pioneer/my-assignments' }) },
  'PUT /api/pioneer/my-assignments/:id/scores': { req: (c) => ({ url: `/api/pioneer/my-assignments/${c.pioneer.assignmentId}/scores`, body: { scores: [{ criterionId: 1, points: 1 }] } }) },
  'GET /api/pioneer/publicity/:campaignId': { req: (c) => ({ url: `/api/pioneer/publicity/${c.pioneer.campaignId}` }) },
  'GET /api/pioneer/titles': { req: () => ({ url: '/api/pioneer/titles?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/pioneer/titles/export': { req: () => ({ url: '/api/pioneer/titles/export' }), sibling: exported },
  'GET /api/pioneer/titles/import-template': { req: () => ({ url: '/api/pioneer/titles/import-template' }), sibling: { kind: 'unscoped', why: 'the same empty template for everyone' } },
  'POST /api/pioneer/titles/import': { req: (c) => ({ url: '/api/pioneer/titles/import', multipart: { fields: { orgId: String(c.f.orgs.streetA) }, file: c.pioneer.xlsx } }), sibling: notFound },
  'GET /api/pioneer/titles/:id': { req: (c) => ({ url: `/api/pioneer/titles/${c.pioneer.titleId}` }), sibling: notFound },
  'GET /api/pioneer/titles/:id/certificate': { req: (c) => ({ url: `/api/pioneer/titles/${c.pioneer.titleId}/certificate` }), sibling: notFound },
  'POST /api/pioneer/titles/:id/recommendations': { req: (c) => ({ url: `/api/pioneer/titles/${c.pioneer.titleId}/recommendations`, body: {} }), sibling: notFound },
  'POST /api/pioneer/recommendations/:id/decision': {
    req: (c) => ({ url: `/api/pioneer/recommendations/${c.pioneer.recommendationId}/decision`, body: { outcome: 'not_named', decidedOn: '2025-06-01' } }),
    sibling: notFound,
  },
  'POST /api/pioneer/titles/:id/inspections': { req: (c) => ({ url: `/api/pioneer/titles/${c.pioneer.titleId}/inspections`, body: { dueOn: '2025-12-01' } }), sibling: notFound },
  'POST /api/pioneer/inspections/:id/result': { req: (c) => ({ url: `/api/pioneer/inspections/${c.pioneer.inspectionId}/result`, body: { result: 'passed', inspectedOn: '2025-06-01' } }), sibling: notFound },
  'POST /api/pioneer/titles/:id/revoke': { req: (c) => ({ url: `/api/pioneer/titles/${c.pioneer.titleId}/revoke`, body: { reason: '矩阵', revokedOn: '2025-06-01' } }), sibling: notFound },
  'POST /api/pioneer/revocations/:id/decision': { req: (c) => ({ url: `/api/pioneer/revocations/${c.pioneer.revocationId}/decision`, body: { outcome: 'dismissed', decidedOn: '2025-06-01' } }), sibling: notFound },
  'POST /api/pioneer/titles/:id/rewards': { req: (c) => ({ url: `/api/pioneer/titles/${c.pioneer.titleId}/rewards`, body: { awardedOn: '2025-06-01', description: '矩阵' } }), sibling: notFound },
  'POST /api/pioneer/incidents': { req: (c) => ({ url: '/api/pioneer/incidents', body: { enterpriseId: c.f.enterprises.a, kind: 'mass_incident', occurredOn: '2025-01-01', description: '矩阵' } }), sibling: notFound },
  'GET /api/pioneer/incidents': { req: () => ({ url: '/api/pioneer/incidents?pageSize=200' }), sibling: { kind: 'list', ofStreetA: idIn((c) => new Set([c.f.enterprises.a, c.f.enterprises.noUnionA]), 'enterpriseId') } },
  'GET /api/orgs/:id/pioneer-stats': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/pioneer-stats` }), sibling: notFound },
  'GET /api/pioneer/dashboard': { req: (c) => ({ url: `/api/pioneer/dashboard?orgId=${c.f.orgs.streetA}` }), sibling: notFound },

  // ---- activities and contests ----
  'POST /api/activities': { req: (c) => ({ url: '/api/activities', body: activityBody(c.f.orgs.streetA) }), sibling: notFound },
  'GET /api/activities': { req: () => ({ url: '/api/activities?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/activities/export': { req: () => ({ url: '/api/activities/export' }), sibling: exported },
  'GET /api/activities/available': { req: () => ({ url: '/api/activities/available' }) },
  'GET /api/registrations/mine': { req: () => ({ url: '/api/registrations/mine' }) },
  'GET /api/activities/:id': { req: (c) => ({ url: `/api/activities/${c.activityId}` }), sibling: notFound },
  'PATCH /api/activities/:id': { req: (c) => ({ url: `/api/activities/${c.activityId}`, body: { title: '改名' } }), sibling: notFound },
  'POST /api/activities/:id/cancel': { req: (c) => ({ url: `/api/activities/${c.activityId}/cancel` }), sibling: notFound },
  'POST /api/activities/:id/registrations': { req: (c) => ({ url: `/api/activities/${c.activityId}/registrations` }) },
  'DELETE /api/activities/:id/registrations/mine': { req: (c) => ({ url: `/api/activities/${c.activityId}/registrations/mine` }) },
  'GET /api/activities/:id/registrations': { req: (c) => ({ url: `/api/activities/${c.activityId}/registrations` }), sibling: notFound },
  'GET /api/activities/:id/registrations/export': { req: (c) => ({ url: `/api/activities/${c.activityId}/registrations/export` }), sibling: notFound },
  'POST /api/activities/:id/check-ins': { req: (c) => ({ url: `/api/activities/${c.activityId}/check-ins`, body: { code: 'ABCDEF123456' } }), sibling: notFound },
  'GET /api/orgs/:id/activity-stats': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/activity-stats` }), sibling: notFound },
  'POST /api/contests': { req: (c) => ({ url: '/api/contests', body: contestBody(c.f.orgs.streetA) }), sibling: notFound },
  'GET /api/contests': { req: () => ({ url: '/api/contests?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/contests/export': { req: () => ({ url: '/api/contests/export' }), sibling: exported },
  'GET /api/contests/available': { req: () => ({ url: '/api/contests/available' }) },
  'GET /api/contests/:id': { req: (c) => ({ url: `/api/contests/${c.contestId}` }) },
  'POST /api/contests/:id/entries': { req: (c) => ({ url: `/api/contests/${c.contestId}/entries`, body: { title: '矩阵', body: '矩阵' } }) },
  'GET /api/contests/:id/entries': { req: (c) => ({ url: `/api/contests/${c.contestId}/entries` }), sibling: notFound },
  'GET /api/contests/:id/entries/export': { req: (c) => ({ url: `/api/contests/${c.contestId}/entries/export` }), sibling: notFound },
  'GET /api/contests/:id/entries/mine': { req: (c) => ({ url: `/api/contests/${c.contestId}/entries/mine` }) },
  'GET /api/contests/:id/gallery': { req: (c) => ({ url: `/api/contests/${c.contestId}/gallery` }) },
  'GET /api/contests/:id/results': { req: (c) => ({ url: `/api/contests/${c.contestId}/results` }) },
  'POST /api/contest-entries/:id/approve': { req: (c) => ({ url: `/api/contest-entries/${c.entryId}/approve` }), sibling: notFound },
  'POST /api/contest-entries/:id/reject': { req: (c) => ({ url: `/api/contest-entries/${c.entryId}/reject`, body: { reason: '矩阵' } }), sibling: notFound },
  'POST /api/contest-entries/:id/votes': { req: (c) => ({ url: `/api/contest-entries/${c.entryId}/votes` }) },
  'GET /api/contest-entries/:id/file': { req: (c) => ({ url: `/api/contest-entries/${c.entryId}/file` }) },

  // ---- articles ----
  'GET /api/articles': { req: () => ({ url: '/api/articles?pageSize=200' }) },
  'GET /api/articles/:id': { req: (c) => ({ url: `/api/articles/${c.articleId}` }) },
  'GET /api/articles/files/:key': { req: () => ({ url: '/api/articles/files/00000000-0000-0000-0000-000000000000.png' }) },
  'POST /api/articles': { req: (c) => ({ url: '/api/articles', body: articleBody(c.f.orgs.streetA) }), sibling: notFound },
  'GET /api/articles/manage': { req: () => ({ url: '/api/articles/manage?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/articles/manage/export': { req: () => ({ url: '/api/articles/manage/export' }), sibling: exported },
  'GET /api/articles/manage/:id': { req: (c) => ({ url: `/api/articles/manage/${c.articleId}` }), sibling: notFound },
  'PATCH /api/articles/:id': { req: (c) => ({ url: `/api/articles/${c.articleId}`, body: { title: '改名' } }), sibling: notFound },
  'POST /api/articles/:id/publish': { req: (c) => ({ url: `/api/articles/${c.articleId}/publish`, body: {} }), sibling: notFound },
  'POST /api/articles/:id/withdraw': { req: (c) => ({ url: `/api/articles/${c.articleId}/withdraw` }), sibling: notFound },
  'POST /api/articles/:id/pin': { req: (c) => ({ url: `/api/articles/${c.articleId}/pin`, body: { pinned: true } }), sibling: notFound },
  'POST /api/articles/files': { req: (c) => ({ url: '/api/articles/files', multipart: { fields: { orgId: String(c.f.orgs.streetA) }, file: PNG, name: 'matrix.png' } }), sibling: notFound },

  // ---- rights ----
  'GET /api/orgs/:id/rights-settings': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/rights-settings` }), sibling: notFound },
  'PUT /api/orgs/:id/rights-settings': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/rights-settings`, body: { acceptWorkingDays: 1, progressDays: 15 } }), sibling: notFound },
  'POST /api/rights-cases': { req: (c) => ({ url: '/api/rights-cases', body: caseBody({ orgId: c.f.orgs.streetA }) }) },
  'GET /api/rights-cases/mine': { req: () => ({ url: '/api/rights-cases/mine' }) },
  'GET /api/rights-cases/mine/:id': { req: (c) => ({ url: `/api/rights-cases/mine/${c.rights.submittedId}` }) },
  'POST /api/rights-cases/:id/rating': { req: (c) => ({ url: `/api/rights-cases/${c.rights.submittedId}/rating`, body: { score: 5 } }) },
  'POST /api/rights-cases/intake': { req: (c) => ({ url: '/api/rights-cases/intake', body: caseBody({ channel: 'walk_in', applicantName: '矩阵来访', orgId: c.f.orgs.streetA }) }), sibling: notFound },
  'GET /api/rights-cases': { req: () => ({ url: '/api/rights-cases?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/rights-cases/export': { req: () => ({ url: '/api/rights-cases/export' }), sibling: exported },
  'GET /api/rights-cases/assigned': { req: () => ({ url: '/api/rights-cases/assigned' }) },
  'GET /api/rights-cases/:id': { req: (c) => ({ url: `/api/rights-cases/${c.rights.submittedId}` }) },
  'POST /api/rights-cases/:id/accept': { req: (c) => ({ url: `/api/rights-cases/${c.rights.submittedId}/accept` }), sibling: notFound },
  'POST /api/rights-cases/:id/decline': { req: (c) => ({ url: `/api/rights-cases/${c.rights.submittedId}/decline`, body: { reason: '矩阵' } }), sibling: notFound },
  'POST /api/rights-cases/:id/assign': { req: (c) => ({ url: `/api/rights-cases/${c.rights.acceptedId}/assign`, body: { userId: c.rights.lawyerId } }), sibling: notFound },
  'POST /api/rights-cases/:id/steps': { req: (c) => ({ url: `/api/rights-cases/${c.rights.acceptedId}/steps`, body: { kind: 'consultation', note: '矩阵' } }) },
  'POST /api/rights-cases/:id/close': { req: (c) => ({ url: `/api/rights-cases/${c.rights.submittedId}/close`, body: { outcome: 'withdrawn' } }) },
  'POST /api/rights-cases/:id/attachments': { req: (c) => ({ url: `/api/rights-cases/${c.rights.submittedId}/attachments`, multipart: { fields: {}, file: PDF, name: 'matrix.pdf' } }) },
  'GET /api/rights-case-attachments/:id': { req: (c) => ({ url: `/api/rights-case-attachments/${c.rightsAttachmentId}` }) },
  'GET /api/orgs/:id/rights-stats': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/rights-stats` }), sibling: notFound },

  // ---- hardship ----
  'GET /api/orgs/:id/hardship-settings': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/hardship-settings` }), sibling: notFound },
  'PUT /api/orgs/:id/hardship-settings': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/hardship-settings`, body: { lowIncomeLineFen: 116_000, relativeMultiple: 1.5, effectiveFrom: '2025-01-01' } }), sibling: notFound },
  'POST /api/hardship-files': { req: (c) => ({ url: '/api/hardship-files', body: fileBody(c.memberId) }), sibling: notFound },
  'GET /api/hardship-files': { req: () => ({ url: '/api/hardship-files?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/hardship-files/export': { req: () => ({ url: '/api/hardship-files/export' }), sibling: exported },
  'GET /api/hardship-files/mine': { req: () => ({ url: '/api/hardship-files/mine' }) },
  'GET /api/hardship-files/:id': { req: (c) => ({ url: `/api/hardship-files/${c.hardship.fileId}` }), sibling: notFound },
  'POST /api/hardship-files/:id/recheck': { req: (c) => ({ url: `/api/hardship-files/${c.hardship.fileId}/recheck`, body: { householdSize: 3, monthlyIncomeFen: 300_000, causes: ['illness'] } }), sibling: notFound },
  'POST /api/hardship-files/:id/exit': { req: (c) => ({ url: `/api/hardship-files/${c.hardship.fileId}/exit`, body: { reason: '矩阵' } }), sibling: notFound },
  'POST /api/hardship-files/:id/aids': { req: (c) => ({ url: `/api/hardship-files/${c.hardship.fileId}/aids`, body: { kind: 'emergency', amountFen: 10_000, paidOn: '2025-06-01' } }), sibling: notFound },
  'GET /api/hardship-aids': { req: () => ({ url: '/api/hardship-aids?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/hardship-aids/export': { req: () => ({ url: '/api/hardship-aids/export' }), sibling: exported },
  'POST /api/hardship-campaigns': { req: (c) => ({ url: '/api/hardship-campaigns', body: { orgId: c.f.orgs.streetA, name: '矩阵送温暖', kind: 'warmth', year: 2025, budgetFen: 100_000 } }), sibling: notFound },
  'GET /api/hardship-campaigns': { req: () => ({ url: '/api/hardship-campaigns?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/orgs/:id/hardship-stats': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/hardship-stats` }), sibling: notFound },

  // ---- recuperation ----
  'GET /api/orgs/:id/recuperation-settings': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/recuperation-settings` }), sibling: notFound },
  'PUT /api/orgs/:id/recuperation-settings': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/recuperation-settings`, body: recuperationSettings }), sibling: notFound },
  'POST /api/recuperation/products': { req: (c) => ({ url: '/api/recuperation/products', body: recuperationProduct(c.f.orgs.streetA) }), sibling: notFound },
  'GET /api/recuperation/products': { req: () => ({ url: '/api/recuperation/products?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA('providerOrgId') } },
  'POST /api/recuperation/batches': { req: (c) => ({ url: '/api/recuperation/batches', body: { productId: c.recuperation.productId, startsOn: '2025-09-15', endsOn: '2025-09-17', places: 5 } }), sibling: notFound },
  'GET /api/recuperation/batches': { req: () => ({ url: '/api/recuperation/batches?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA('providerOrgId') } },
  'GET /api/recuperation/batches/:id': { req: (c) => ({ url: `/api/recuperation/batches/${c.recuperation.batchId}` }), sibling: notFound },
  'POST /api/recuperation/agreements': { req: (c) => ({ url: '/api/recuperation/agreements', body: { orgId: c.f.orgs.streetA, partnerOrgId: c.f.orgs.county, signedOn: '2025-01-01', validUntil: '2026-12-31' } }), sibling: notFound },
  'GET /api/recuperation/agreements': { req: () => ({ url: '/api/recuperation/agreements?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'POST /api/recuperation/quotas': { req: (c) => ({ url: '/api/recuperation/quotas', body: { batchId: c.recuperation.batchId, orgId: c.unionA2, places: 1 } }), sibling: notFound },
  'GET /api/recuperation/open-batches': { req: () => ({ url: '/api/recuperation/open-batches' }) },
  'POST /api/recuperation/batches/:id/applications': { req: (c) => ({ url: `/api/recuperation/batches/${c.recuperation.batchId}/applications`, body: { workingYears: 3 } }) },
  'GET /api/recuperation/applications/mine': { req: () => ({ url: '/api/recuperation/applications/mine' }) },
  'GET /api/recuperation/applications': { req: () => ({ url: '/api/recuperation/applications?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/recuperation/applications/export': { req: () => ({ url: '/api/recuperation/applications/export' }), sibling: exported },
  'POST /api/recuperation/applications/:id/approve': { req: (c) => ({ url: `/api/recuperation/applications/${c.recuperation.applicationId}/approve` }), sibling: notFound },
  'POST /api/recuperation/applications/:id/reject': { req: (c) => ({ url: `/api/recuperation/applications/${c.recuperation.applicationId}/reject`, body: { reason: '矩阵' } }), sibling: notFound },
  // ---- honours ----
  'GET /api/orgs/:id/honour-settings': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/honour-settings` }), sibling: notFound },
  'PUT /api/orgs/:id/honour-settings': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/honour-settings`, body: honourSettings }), sibling: notFound },
  'POST /api/model-workers': { req: (c) => ({ url: '/api/model-workers', body: modelWorkerBody(c.f.orgs.streetA) }), sibling: notFound },
  'GET /api/model-workers': { req: () => ({ url: '/api/model-workers?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/model-workers/export': { req: () => ({ url: '/api/model-workers/export' }), sibling: exported },
  'POST /api/model-workers/:id/verifications': { req: (c) => ({ url: `/api/model-workers/${c.honours.modelWorkerId}/verifications`, body: { year: 2026, alive: true, inPost: true } }), sibling: notFound },
  'GET /api/model-workers/:id/ledger': { req: (c) => ({ url: `/api/model-workers/${c.honours.modelWorkerId}/ledger` }), sibling: notFound },
  'POST /api/allowance-entries/:id/reversal': { req: (c) => ({ url: `/api/allowance-entries/${c.honours.entryId}/reversal`, body: { reason: '矩阵' } }), sibling: notFound },
  'POST /api/allowance-runs': { req: (c) => ({ url: '/api/allowance-runs', body: { orgId: c.f.orgs.streetA, month: '2025-09' } }), sibling: notFound },
  'GET /api/allowance-runs': { req: () => ({ url: '/api/allowance-runs?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'POST /api/studios': { req: (c) => ({ url: '/api/studios', body: studioBody(c.f.orgs.streetA, c.honours.modelWorkerId) }), sibling: notFound },
  'GET /api/studios': { req: () => ({ url: '/api/studios?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/studios/export': { req: () => ({ url: '/api/studios/export' }), sibling: exported },
  'GET /api/studios/:id': { req: (c) => ({ url: `/api/studios/${c.honours.studioId}` }), sibling: notFound },
  'POST /api/studios/:id/members': { req: (c) => ({ url: `/api/studios/${c.honours.studioId}/members`, body: { name: '矩阵成员' } }), sibling: notFound },
  'POST /api/studios/:id/achievements': { req: (c) => ({ url: `/api/studios/${c.honours.studioId}/achievements`, body: achievementBody }), sibling: notFound },
  'POST /api/studios/:id/assessments': { req: (c) => ({ url: `/api/studios/${c.honours.studioId}/assessments`, body: { year: 2026, level: 'county', passed: true } }), sibling: notFound },
  'GET /api/orgs/:id/studio-stats': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/studio-stats` }), sibling: notFound },
  'POST /api/craftsman-selections': { req: (c) => ({ url: '/api/craftsman-selections', body: { orgId: c.f.orgs.streetA, title: '矩阵评选', year: 2040, quota: 1 } }), sibling: notFound },
  'GET /api/craftsman-selections': { req: () => ({ url: '/api/craftsman-selections?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/craftsman-selections/:id': { req: (c) => ({ url: `/api/craftsman-selections/${c.honours.selectionId}` }), sibling: notFound },
  'POST /api/craftsman-selections/:id/candidates': { req: (c) => ({ url: `/api/craftsman-selections/${c.honours.selectionId}/candidates`, body: { memberId: c.memberId } }), sibling: notFound },
  'POST /api/craftsman-selections/:id/judges': { req: (c) => ({ url: `/api/craftsman-selections/${c.honours.selectionId}/judges`, body: { userId: c.f.users.member } }), sibling: notFound },
  'GET /api/craftsman-marking': { req: () => ({ url: '/api/craftsman-marking' }) },
  'PUT /api/craftsman-candidates/:id/marks': { req: (c) => ({ url: `/api/craftsman-candidates/${c.honours.candidateId}/marks`, body: { value: 80 } }) },
  'POST /api/craftsman-selections/:id/publicity': { req: (c) => ({ url: `/api/craftsman-selections/${c.honours.selectionId}/publicity` }), sibling: notFound },
  'POST /api/craftsman-candidates/:id/objections': { req: (c) => ({ url: `/api/craftsman-candidates/${c.honours.candidateId}/objections`, body: { reason: '矩阵' } }), sibling: notFound },
  'POST /api/craftsman-objections/:id/decision': { req: (c) => ({ url: `/api/craftsman-objections/${c.honours.objectionId}/decision`, body: { upheld: false } }), sibling: notFound },
  'POST /api/craftsman-selections/:id/naming': { req: (c) => ({ url: `/api/craftsman-selections/${c.honours.selectionId}/naming` }), sibling: notFound },
  'GET /api/craftsmen': { req: () => ({ url: '/api/craftsmen?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  // ---- fundraising ----
  'POST /api/fundraisers': { req: (c) => ({ url: '/api/fundraisers', body: fundraiserBody(c.f.orgs.streetA) }), sibling: notFound },
  'GET /api/fundraisers': { req: () => ({ url: '/api/fundraisers?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/fundraisers/export': { req: () => ({ url: '/api/fundraisers/export' }), sibling: exported },
  'GET /api/fundraisers/:id': { req: (c) => ({ url: `/api/fundraisers/${c.fundraising.fundraiserId}` }), sibling: notFound },
  'POST /api/fundraisers/:id/donations': { req: (c) => ({ url: `/api/fundraisers/${c.fundraising.fundraiserId}/donations`, body: { donorName: '矩阵', amountFen: 100 } }), sibling: notFound },
  'POST /api/fundraisers/:id/disbursements': { req: (c) => ({ url: `/api/fundraisers/${c.fundraising.fundraiserId}/disbursements`, body: { recipientName: '矩阵', amountFen: 1 } }), sibling: notFound },
  'GET /api/fundraisers/:id/entries': { req: (c) => ({ url: `/api/fundraisers/${c.fundraising.fundraiserId}/entries` }), sibling: notFound },
  'GET /api/fundraisers/:id/entries/export': { req: (c) => ({ url: `/api/fundraisers/${c.fundraising.fundraiserId}/entries/export` }), sibling: notFound },
  'GET /api/fundraiser-entries/:id/receipt': { req: (c) => ({ url: `/api/fundraiser-entries/${c.fundraising.donationId}/receipt` }), sibling: notFound },
  'POST /api/fundraiser-entries/:id/proofs': { req: (c) => ({ url: `/api/fundraiser-entries/${c.fundraising.disbursementId}/proofs`, multipart: { fields: {}, file: PDF, name: 'matrix.pdf' } }), sibling: notFound },
  'GET /api/fundraiser-proofs/:id': { req: (c) => ({ url: `/api/fundraiser-proofs/${c.fundraising.proofId}` }), sibling: notFound },
  'GET /api/public/fundraisers': { req: () => ({ url: '/api/public/fundraisers' }) },
  'GET /api/public/fundraisers/:id': { req: (c) => ({ url: `/api/public/fundraisers/${c.fundraising.fundraiserId}` }) },

  // ---- benefits ----
  'POST /api/benefits': { req: (c) => ({ url: '/api/benefits', body: benefitBody(c.f.orgs.streetA) }), sibling: notFound },
  'GET /api/benefits': { req: () => ({ url: '/api/benefits?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/benefits/export': { req: () => ({ url: '/api/benefits/export' }), sibling: exported },
  'GET /api/benefits/mine': { req: () => ({ url: '/api/benefits/mine' }) },
  'POST /api/benefits/:id/claims': { req: (c) => ({ url: `/api/benefits/${c.benefit.benefitId}/claims` }) },
  // ---- socials ----
  'GET /api/socials/:id': { req: (c) => ({ url: `/api/socials/${c.socialId}` }), sibling: notFound },
  'PUT /api/socials/:id': { req: (c) => ({ url: `/api/socials/${c.socialId}`, body: { malePlaces: 5, femalePlaces: 5, minAge: 20, maxAge: 35 } }), sibling: notFound },
  'GET /api/socials/mine': { req: () => ({ url: '/api/socials/mine' }) },
  'GET /api/socials/:id/mine': { req: (c) => ({ url: `/api/socials/${c.socialId}/mine` }) },
  'PUT /api/socials/:id/mine': { req: (c) => ({ url: `/api/socials/${c.socialId}/mine`, body: { contact: 'wx_matrix', picks: [] } }) },
  'GET /api/socials/:id/matches': { req: (c) => ({ url: `/api/socials/${c.socialId}/matches` }) },
  'POST /api/benefit-claims/redeem': {
    req: (c) => ({ url: '/api/benefit-claims/redeem', body: { code: c.benefit.code } }),
    sibling: { kind: 'verdict', refused: (body) => body.valid === false && body.reason === 'unknown' },
  },

  // ---- venues ----
  'POST /api/venues': { req: (c) => ({ url: '/api/venues', body: venueBody(c.f.orgs.streetA) }), sibling: notFound },
  'GET /api/venues': { req: () => ({ url: '/api/venues' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/venues/mine': { req: () => ({ url: '/api/venues/mine' }) },
  'GET /api/venues/usage': { req: (c) => ({ url: `/api/venues/usage?orgId=${c.f.orgs.streetA}` }), sibling: notFound },
  'POST /api/venues/:id/bookings': { req: (c) => ({ url: `/api/venues/${c.venue.venueId}/bookings`, body: { startsAt: '2030-01-08T02:00:00.000Z', endsAt: '2030-01-08T03:00:00.000Z', purpose: '矩阵' } }) },
  'GET /api/venues/:id/bookings': { req: (c) => ({ url: `/api/venues/${c.venue.venueId}/bookings` }) },
  'GET /api/venue-bookings': { req: () => ({ url: '/api/venue-bookings?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/venue-bookings/export': { req: () => ({ url: '/api/venue-bookings/export' }), sibling: exported },
  'GET /api/venue-bookings/mine': { req: () => ({ url: '/api/venue-bookings/mine' }) },
  'POST /api/venue-bookings/:id/cancel': { req: (c) => ({ url: `/api/venue-bookings/${c.venue.bookingId}/cancel` }) },
  // ---- training ----
  'POST /api/courses': { req: (c) => ({ url: '/api/courses', body: courseBody(c.f.orgs.streetA) }), sibling: notFound },
  'GET /api/courses': { req: () => ({ url: '/api/courses?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/courses/open': { req: () => ({ url: '/api/courses/open' }) },
  'GET /api/courses/:id': { req: (c) => ({ url: `/api/courses/${c.training.courseId}` }), sibling: notFound },
  'GET /api/courses/:id/enrolments': { req: (c) => ({ url: `/api/courses/${c.training.courseId}/enrolments` }), sibling: notFound },
  'GET /api/courses/:id/attendance/export': { req: (c) => ({ url: `/api/courses/${c.training.courseId}/attendance/export` }), sibling: notFound },
  'POST /api/courses/:id/enrolments': { req: (c) => ({ url: `/api/courses/${c.training.courseId}/enrolments` }) },
  'DELETE /api/courses/:id/enrolments/mine': { req: (c) => ({ url: `/api/courses/${c.training.courseId}/enrolments/mine` }) },
  'POST /api/courses/:id/complete': { req: (c) => ({ url: `/api/courses/${c.training.courseId}/complete` }), sibling: notFound },
  'PUT /api/lessons/:id/progress': { req: (c) => ({ url: `/api/lessons/${c.training.lessonId}/progress`, body: { percent: 50 } }) },
  'POST /api/lessons/:id/file': { req: (c) => ({ url: `/api/lessons/${c.training.lessonId}/file`, multipart: { fields: {}, file: PDF, name: 'matrix.pdf' } }), sibling: notFound },
  'GET /api/lessons/:id/file': { req: (c) => ({ url: `/api/lessons/${c.training.lessonId}/file` }) },
  'GET /api/training/mine': { req: () => ({ url: '/api/training/mine' }) },
  'GET /api/orgs/:id/training-stats': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/training-stats` }), sibling: notFound },

  // ---- skill levels ----
  'POST /api/skill-levels': { req: (c) => ({ url: '/api/skill-levels', body: skillBody(c.memberId, 1) }), sibling: notFound },
  'GET /api/skill-levels': { req: () => ({ url: '/api/skill-levels?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/skill-levels/export': { req: () => ({ url: '/api/skill-levels/export' }), sibling: exported },
  'GET /api/skill-levels/import-template': { req: () => ({ url: '/api/skill-levels/import-template' }), sibling: { kind: 'unscoped', why: 'the same empty template for everyone' } },
  'POST /api/skill-levels/import': {
    req: (c) => ({ url: '/api/skill-levels/import', multipart: { fields: { orgId: String(c.f.orgs.unionA) }, file: c.xlsx } }),
    sibling: notFound,
  },
  'GET /api/skill-levels/:id': { req: (c) => ({ url: `/api/skill-levels/${c.skillRecordId}` }), sibling: notFound },
  'POST /api/skill-levels/:id/correct': { req: (c) => ({ url: `/api/skill-levels/${c.skillRecordId}/correct`, body: { ...skillBody(c.memberId, 2), reason: '矩阵' } }), sibling: notFound },
  'POST /api/skill-levels/:id/void': { req: (c) => ({ url: `/api/skill-levels/${c.skillRecordId}/void`, body: { reason: '矩阵' } }), sibling: notFound },
  'GET /api/members/:id/skill-levels': { req: (c) => ({ url: `/api/members/${c.memberId}/skill-levels` }), sibling: notFound },
  'GET /api/me/skill-levels': { req: () => ({ url: '/api/me/skill-levels' }) },
  'GET /api/orgs/:id/skill-stats': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/skill-stats` }), sibling: notFound },

  // ---- skill competitions ----
  'POST /api/skill-contests': { req: (c) => ({ url: '/api/skill-contests', body: skillContestBody(c.f.orgs.streetA) }), sibling: notFound },
  'GET /api/skill-contests': { req: () => ({ url: '/api/skill-contests?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/skill-contests/open': { req: () => ({ url: '/api/skill-contests/open' }) },
  'GET /api/skill-contests/:id': { req: (c) => ({ url: `/api/skill-contests/${c.skill.contestId}` }), sibling: notFound },
  'GET /api/skill-contests/:id/entries/export': { req: (c) => ({ url: `/api/skill-contests/${c.skill.contestId}/entries/export` }), sibling: notFound },
  'POST /api/skill-contests/:id/entries': { req: (c) => ({ url: `/api/skill-contests/${c.skill.contestId}/entries`, body: { eventId: c.skill.eventId } }) },
  'POST /api/skill-contests/:id/judges': { req: (c) => ({ url: `/api/skill-contests/${c.skill.contestId}/judges`, body: { eventId: c.skill.eventId, userId: c.skill.judgeId } }), sibling: notFound },
  'POST /api/skill-contests/:id/events/:eventId/lock': { req: (c) => ({ url: `/api/skill-contests/${c.skill.contestId}/events/${c.skill.eventId}/lock` }) },
  'POST /api/skill-contests/:id/events/:eventId/publish': { req: (c) => ({ url: `/api/skill-contests/${c.skill.contestId}/events/${c.skill.eventId}/publish` }) },
  'GET /api/skill-contests/:id/events/:eventId/results': { req: (c) => ({ url: `/api/skill-contests/${c.skill.contestId}/events/${c.skill.eventId}/results` }) },
  'GET /api/skill-entries/mine': { req: () => ({ url: '/api/skill-entries/mine' }) },
  'GET /api/skill-judging': { req: () => ({ url: '/api/skill-judging' }) },
  'PUT /api/skill-entries/:id/marks': { req: (c) => ({ url: `/api/skill-entries/${c.skill.entryId}/marks`, body: { marks: [{ criterionIndex: 0, value: 1 }] } }) },
  'PUT /api/skill-entries/:id/finish': { req: (c) => ({ url: `/api/skill-entries/${c.skill.entryId}/finish`, body: { finishedAt: '2025-06-02T10:00:00+08:00' } }) },
  'GET /api/skill-entries/:id/certificate': { req: (c) => ({ url: `/api/skill-entries/${c.skill.entryId}/certificate` }), sibling: notFound },
  'GET /api/articles/columns': { req: () => ({ url: '/api/articles/columns' }) },
  'GET /api/articles/:id/attachments/:attachmentId': { req: (c) => ({ url: `/api/articles/${c.articleId}/attachments/${c.attachmentId}` }) },
  'POST /api/articles/:id/attachments': { req: (c) => ({ url: `/api/articles/${c.articleId}/attachments`, multipart: { fields: {}, file: PDF, name: 'matrix.pdf' } }), sibling: notFound },
  'DELETE /api/articles/:id/attachments/:attachmentId': { req: (c) => ({ url: `/api/articles/${c.articleId}/attachments/${c.attachmentId}` }), sibling: notFound },
  'GET /api/articles/columns/manage': { req: () => ({ url: '/api/articles/columns/manage' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'POST /api/articles/columns': { req: (c) => ({ url: '/api/articles/columns', body: { orgId: c.f.orgs.streetA, name: '矩阵栏目' } }), sibling: notFound },
  'PATCH /api/articles/columns/:id': { req: (c) => ({ url: `/api/articles/columns/${c.articleColumnId}`, body: { ordering: 1 } }), sibling: notFound },
  // ---- bargaining ----
  'POST /api/bargaining': { req: (c) => ({ url: '/api/bargaining', body: roundBody(c.f.orgs.unionA, [c.f.enterprises.a]) }), sibling: notFound },
  'GET /api/bargaining': { req: () => ({ url: '/api/bargaining?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/bargaining/export': { req: () => ({ url: '/api/bargaining/export' }), sibling: exported },
  'GET /api/bargaining/mine': { req: () => ({ url: '/api/bargaining/mine' }) },
  'GET /api/bargaining/:id': { req: (c) => ({ url: `/api/bargaining/${c.bargaining.roundId}` }), sibling: notFound },
  'POST /api/bargaining/:id/reply': { req: (c) => ({ url: `/api/bargaining/${c.bargaining.roundId}/reply`, body: { repliedOn: '2025-06-02', accepted: true } }), sibling: notFound },
  'POST /api/bargaining/:id/representatives': { req: (c) => ({ url: `/api/bargaining/${c.bargaining.roundId}/representatives`, body: { side: 'worker', name: '矩阵代表', chief: false } }), sibling: notFound },
  'POST /api/bargaining-representatives/:id/withdrawal': { req: (c) => ({ url: `/api/bargaining-representatives/${c.bargaining.representativeId}/withdrawal`, body: { reason: '矩阵' } }), sibling: notFound },
  'POST /api/bargaining/:id/votes': { req: (c) => ({ url: `/api/bargaining/${c.bargaining.roundId}/votes`, body: { representativeId: c.bargaining.representativeId } }) },
  'POST /api/bargaining/:id/survey': { req: (c) => ({ url: `/api/bargaining/${c.bargaining.roundId}/survey`, body: { priorities: ['wage_growth'], expectedRaisePercent: 6 } }) },
  'POST /api/bargaining/:id/meetings': { req: (c) => ({ url: `/api/bargaining/${c.bargaining.roundId}/meetings`, body: meetingBody }), sibling: notFound },
  'POST /api/bargaining/:id/drafts': { req: (c) => ({ url: `/api/bargaining/${c.bargaining.roundId}/drafts`, body: bargainingDraft }), sibling: notFound },
  'POST /api/bargaining/:id/adoption': { req: (c) => ({ url: `/api/bargaining/${c.bargaining.roundId}/adoption`, body: { representatives: 30, attending: 20, approving: 16 } }), sibling: notFound },
  'POST /api/bargaining/:id/sign': { req: (c) => ({ url: `/api/bargaining/${c.bargaining.roundId}/sign` }), sibling: notFound },
  'POST /api/bargaining/:id/filing': { req: (c) => ({ url: `/api/bargaining/${c.bargaining.roundId}/filing`, body: { filedOn: '2025-06-02' } }), sibling: notFound },
  'POST /api/bargaining/:id/review': { req: (c) => ({ url: `/api/bargaining/${c.bargaining.roundId}/review`, body: { outcome: 'confirmed', decidedOn: '2025-06-02' } }), sibling: notFound },
  // ---- ratings ----
  'GET /api/orgs/:id/rating-scorecards': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/rating-scorecards` }), sibling: notFound },
  'PUT /api/orgs/:id/rating-scorecards': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/rating-scorecards`, body: scorecards }), sibling: notFound },
  'GET /api/orgs/:id/rating-stats': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/rating-stats` }), sibling: notFound },
  'POST /api/ratings': { req: (c) => ({ url: '/api/ratings', body: ratingBody(c.f.orgs.unionA, 2030) }), sibling: notFound },
  'GET /api/ratings': { req: () => ({ url: '/api/ratings?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/ratings/export': { req: () => ({ url: '/api/ratings/export' }), sibling: exported },
  'GET /api/ratings/:id': { req: (c) => ({ url: `/api/ratings/${c.ratings.pendingId}` }), sibling: notFound },
  'POST /api/ratings/:id/review': { req: (c) => ({ url: `/api/ratings/${c.ratings.pendingId}/review`, body: { scores: fullMarks } }), sibling: notFound },
  'POST /api/ratings/:id/publicity': { req: (c) => ({ url: `/api/ratings/${c.ratings.pendingId}/publicity` }), sibling: notFound },
  'POST /api/ratings/:id/naming': { req: (c) => ({ url: `/api/ratings/${c.ratings.pendingId}/naming` }), sibling: notFound },
  'POST /api/ratings/:id/recheck': { req: (c) => ({ url: `/api/ratings/${c.ratings.namedId}/recheck`, body: { passed: true } }), sibling: notFound },
  // ---- co-building ----
  'POST /api/partners': { req: (c) => ({ url: '/api/partners', body: { orgId: c.f.orgs.streetA, name: '矩阵共建单位', kind: 'bank' } }), sibling: notFound },
  'GET /api/partners': { req: () => ({ url: '/api/partners?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/partners/export': { req: () => ({ url: '/api/partners/export' }), sibling: exported },
  'POST /api/partners/:id/contacts': { req: (c) => ({ url: `/api/partners/${c.cobuilding.partnerId}/contacts`, body: { username: 'matrix.partner.c', displayName: '矩阵联系人', password: 'Matrix-Pass-2025' } }), sibling: notFound },
  'PATCH /api/partners/:id': { req: (c) => ({ url: `/api/partners/${c.cobuilding.partnerId}`, body: { contactName: '矩阵' } }), sibling: notFound },
  'GET /api/partners/mine': { req: () => ({ url: '/api/partners/mine' }) },
  'POST /api/list-items': { req: (c) => ({ url: '/api/list-items', body: { orgId: c.f.orgs.streetA, list: 'need', title: '矩阵需求', description: '矩阵' } }) },
  'GET /api/list-items': { req: () => ({ url: '/api/list-items?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/list-items/export': { req: () => ({ url: '/api/list-items/export' }), sibling: exported },
  'GET /api/list-items/board': { req: () => ({ url: '/api/list-items/board' }) },
  'GET /api/list-items/stats': { req: (c) => ({ url: `/api/list-items/stats?orgId=${c.f.orgs.streetA}` }), sibling: notFound },
  'POST /api/list-items/:id/claims': { req: (c) => ({ url: `/api/list-items/${c.cobuilding.openItemId}/claims` }) },
  'POST /api/list-items/:id/start': { req: (c) => ({ url: `/api/list-items/${c.cobuilding.partnerItemId}/start` }) },
  'POST /api/list-items/:id/withdraw': { req: (c) => ({ url: `/api/list-items/${c.cobuilding.partnerItemId}/withdraw` }) },
  'POST /api/list-items/:id/finish': { req: (c) => ({ url: `/api/list-items/${c.cobuilding.partnerItemId}/finish`, multipart: { fields: { note: '矩阵' } } }) },
  'POST /api/list-items/:id/rating': { req: (c) => ({ url: `/api/list-items/${c.cobuilding.doneItemId}/rating`, body: { rating: 5 } }) },
  'GET /api/list-items/files/:key': { req: () => ({ url: '/api/list-items/files/no-such-key' }) },
  // ---- volunteers and love points ----
  'GET /api/love-points/mine': { req: () => ({ url: '/api/love-points/mine' }) },
  'GET /api/love-points/members/:id': { req: (c) => ({ url: `/api/love-points/members/${c.community.memberId}` }), sibling: notFound },
  'GET /api/love-points/rankings': { req: (c) => ({ url: `/api/love-points/rankings?orgId=${c.f.orgs.streetA}` }), sibling: notFound },
  'POST /api/shop-goods': { req: (c) => ({ url: '/api/shop-goods', body: { orgId: c.f.orgs.streetA, name: '矩阵物品', points: 1, stock: 1 } }), sibling: notFound },
  'GET /api/shop-goods': { req: () => ({ url: '/api/shop-goods?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/shop-goods/export': { req: () => ({ url: '/api/shop-goods/export' }), sibling: exported },
  'GET /api/love-points/shop': { req: () => ({ url: '/api/love-points/shop' }) },
  'POST /api/shop-goods/:id/redemptions': { req: (c) => ({ url: `/api/shop-goods/${c.community.goodsId}/redemptions` }) },
  'GET /api/shop-redemptions': { req: () => ({ url: '/api/shop-redemptions?pageSize=200' }), sibling: { kind: 'list', ofStreetA: (c, item) => item.goodsId === c.community.goodsId } },
  'POST /api/shop-redemptions/:id/delivery': { req: (c) => ({ url: `/api/shop-redemptions/${c.community.redemptionId}/delivery` }), sibling: notFound },
  'PUT /api/volunteers/me': { req: () => ({ url: '/api/volunteers/me', body: { skills: [], availability: ['weekend'] } }) },
  'GET /api/volunteers/me': { req: () => ({ url: '/api/volunteers/me' }) },
  'GET /api/volunteers': { req: () => ({ url: '/api/volunteers?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/volunteers/export': { req: () => ({ url: '/api/volunteers/export' }), sibling: exported },
  'POST /api/volunteer-teams': { req: (c) => ({ url: '/api/volunteer-teams', body: { orgId: c.f.orgs.streetA, name: '矩阵新队伍', kind: 'youth' } }), sibling: notFound },
  'GET /api/volunteer-teams': { req: () => ({ url: '/api/volunteer-teams?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'POST /api/volunteer-teams/:id/members': { req: (c) => ({ url: `/api/volunteer-teams/${c.community.teamId}/members`, body: { volunteerId: c.community.volunteerId } }), sibling: notFound },
  'POST /api/volunteer-services': { req: (c) => ({ url: '/api/volunteer-services', body: { activityId: c.activityId, hours: 2 } }), sibling: notFound },
  'GET /api/volunteer-services': { req: () => ({ url: '/api/volunteer-services?pageSize=200' }), sibling: { kind: 'list', ofStreetA: (c, item) => item.activityId === c.community.serviceActivityId } },
  // ---- micro-wishes ----
  'POST /api/wishes': { req: () => ({ url: '/api/wishes', body: { title: '矩阵心愿', description: '矩阵', valueFen: 100 } }) },
  'GET /api/wishes': { req: () => ({ url: '/api/wishes?pageSize=200' }), sibling: { kind: 'list', ofStreetA: orgOfStreetA() } },
  'GET /api/wishes/export': { req: () => ({ url: '/api/wishes/export' }), sibling: exported },
  'GET /api/wishes/wall': { req: () => ({ url: '/api/wishes/wall' }) },
  'GET /api/wishes/mine': { req: () => ({ url: '/api/wishes/mine' }) },
  'GET /api/wishes/:id': { req: (c) => ({ url: `/api/wishes/${c.community.pendingWishId}` }), sibling: notFound },
  'POST /api/wishes/:id/moderation': { req: (c) => ({ url: `/api/wishes/${c.community.pendingWishId}/moderation`, body: { approve: true } }), sibling: notFound },
  'POST /api/wishes/:id/claims': { req: (c) => ({ url: `/api/wishes/${c.community.openWishId}/claims` }) },
  'POST /api/wishes/:id/fulfilment': { req: (c) => ({ url: `/api/wishes/${c.community.openWishId}/fulfilment`, multipart: { fields: { note: '矩阵' } } }) },
  'POST /api/wishes/:id/confirmation': { req: (c) => ({ url: `/api/wishes/${c.community.openWishId}/confirmation` }) },
  'GET /api/wishes/files/:key': { req: () => ({ url: '/api/wishes/files/no-such-key' }) },
  // ---- overview ----
  'GET /api/orgs/:id/overview': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/overview` }), sibling: notFound },
};

/**
 * What a holder of a write permission on street A gets from each write route: a request made on
 * state where it can succeed (fresh records where the write uses one up, so the order of the
 * writes does not matter), and the status that is the truth for them. A domain refusal (not 403,
 * not 404) is pinned with its code and the reason it is the right answer.
 */
interface Own {
  req: (c: Ctx) => Promise<Request> | Request;
  /**
   * 'county': the record belongs to the county, not to street A (a campaign and what only its
   * organiser decides): the street A holder gets 404 as for any record outside their subtree, and
   * the county holder gets `status`.
   */
  owner?: 'county';
  /** what the holder on the county gets instead, when a street and the county differ by rule */
  parent?: { req: (c: Ctx) => Promise<Request> | Request; status: number };
  status: number;
  /** the domain refusal's code, when status is 4xx */
  code?: string;
  why?: string;
}

let seq = 0;
const next = () => ++seq;

const fresh = {
  org: (c: Ctx, parentId = c.f.orgs.streetA) => createOrg(c.f.admin, { name: `矩阵新工会${next()}`, kind: 'grassroots_union', parentId }),
  enterprise: (c: Ctx) => createEnterprise(c.f.admin, { name: `矩阵新企业${next()}`, orgId: c.f.orgs.unionA, foundedOn: '2015-01-01' }),
  team: async (c: Ctx, enterpriseId?: number) => createTeam(c.f.admin, { name: `矩阵新班组${next()}`, enterpriseId: enterpriseId ?? (await fresh.enterprise(c)) }),
  user: (c: Ctx) => createUser(c.f.admin, { username: `matrix.fresh${next()}`, orgId: c.f.orgs.unionA }),
  application: async (c: Ctx) => {
    const n = next();
    const username = `matrix.applicant${n}`;
    await createUser(c.f.admin, { username });
    const applicant = await login(c.app, username, PASSWORD);
    const body = { name: `矩阵申请人${n}`, idNumber: makeIdNumber('330421', '1992-08-09', 100 + n), phone: `1370002${String(1000 + n)}`, orgId: c.f.orgs.unionA, employerName: '魏塘精工有限公司', consent: true };
    return expectStatus<{ id: number }>(await applicant.post('/api/join-applications', body), 201).id;
  },
  member: async (c: Ctx) => expectStatus<{ memberId: number }>(await c.f.admin.post(`/api/join-applications/${await fresh.application(c)}/approve`), 200).memberId,
  transfer: async (c: Ctx) => expectStatus<{ id: number }>(await c.f.admin.post(`/api/members/${await fresh.member(c)}/transfers`, { toOrgId: c.unionA2 }), 201).id,
  campaign: async (c: Ctx) =>
    expectStatus<{ id: number }>(await c.f.clients.countyCadre.post('/api/pioneer/campaigns', campaignBody(c.f.orgs.county, { name: `矩阵新活动${next()}` })), 201).id,
  /** a fresh team of a fresh enterprise in union A, registered in a fresh county campaign */
  candidate: async (c: Ctx) => {
    const campaignId = await fresh.campaign(c);
    const teamId = await fresh.team(c);
    const candidateId = expectStatus<{ id: number }>(await c.f.admin.post(`/api/pioneer/campaigns/${campaignId}/candidates`, { teamId, type: 'safe_production', workerCount: 12 }), 201).id;
    return { campaignId, candidateId };
  },
  /** …self-assessed, with evidence, submitted, in a campaign past registration */
  submittedCandidate: async (c: Ctx) => {
    const { campaignId, candidateId } = await fresh.candidate(c);
    await selfAssess(c.f.admin, candidateId);
    expectStatus(await uploadEvidence(c.app, c.f.admin, candidateId), 201);
    expectStatus(await c.f.admin.post(`/api/pioneer/candidates/${candidateId}/submit`), 200);
    expectStatus(await c.f.admin.post(`/api/pioneer/campaigns/${campaignId}/transitions`, { transition: 'close_registration' }), 200);
    return { campaignId, candidateId };
  },
  /** …marked by the world's judge, the campaign in showcase */
  scoredCandidate: async (c: Ctx) => {
    const { campaignId, candidateId } = await fresh.submittedCandidate(c);
    const { judge } = c.pioneer;
    const assignmentId = expectStatus<{ id: number }>(await c.f.admin.post(`/api/pioneer/candidates/${candidateId}/judges`, { judgeId: judge.id }), 201).id;
    expectStatus(await c.f.admin.post(`/api/pioneer/campaigns/${campaignId}/transitions`, { transition: 'start_scoring' }), 200);
    const sheet = expectStatus(await judge.client.get('/api/pioneer/my-assignments?pageSize=200'), 200).items.find((a: { id: number }) => a.id === assignmentId);
    expectStatus(await judge.client.put(`/api/pioneer/my-assignments/${assignmentId}/scores`, { scores: sheet.criteria.map((x: { id: number }) => ({ criterionId: x.id, points: 9 })) }), 200);
    expectStatus(await c.f.admin.post(`/api/pioneer/campaigns/${campaignId}/transitions`, { transition: 'aggregate' }), 200);
    return candidateId;
  },
  /** a submitted rights case of the rights world's member */
  rightsCase: async (c: Ctx) => expectStatus<{ id: number }>(await c.rights.worker.post('/api/rights-cases', caseBody()), 201).id,
  /** a hardship file of a fresh member of union A */
  hardshipFile: async (c: Ctx) => expectStatus<{ id: number }>(await c.f.admin.post('/api/hardship-files', fileBody(await fresh.member(c))), 201).id,
  /** a verified model worker of union A */
  modelWorker: async (c: Ctx) => {
    const id = expectStatus<{ id: number }>(await c.f.admin.post('/api/model-workers', modelWorkerBody(c.f.orgs.unionA)), 201).id;
    expectStatus(await c.f.admin.post(`/api/model-workers/${id}/verifications`, { year: 2025, alive: true, inPost: true }), 201);
    return id;
  },
  /** a monthly allowance entry of a fresh model worker, paid by a run of a fresh union of street A */
  allowanceEntry: async (c: Ctx) => {
    const orgId = await fresh.org(c);
    const id = expectStatus<{ id: number }>(await c.f.admin.post('/api/model-workers', modelWorkerBody(orgId)), 201).id;
    expectStatus(await c.f.admin.post(`/api/model-workers/${id}/verifications`, { year: 2025, alive: true, inPost: true }), 201);
    expectStatus(await c.f.admin.post('/api/allowance-runs', { orgId, month: '2025-06' }), 202);
    await c.app.deps.jobs.drain();
    return expectStatus(await c.f.admin.get(`/api/model-workers/${id}/ledger`), 200).items[0].id as number;
  },
  studio: async (c: Ctx) => expectStatus<{ id: number }>(await c.f.admin.post('/api/studios', studioBody(c.f.orgs.unionA, c.honours.modelWorkerId)), 201).id,
  /** an open craftsman selection of a fresh union of street A (the three-year rule is per federation) */
  selection: async (c: Ctx) => {
    const orgId = await fresh.org(c);
    return { orgId, id: expectStatus<{ id: number }>(await c.f.admin.post('/api/craftsman-selections', { orgId, title: `矩阵评选${next()}`, year: 2025, quota: 1 }), 201).id };
  },
  /** …in publicity, with a candidate of its union */
  candidateInPublicity: async (c: Ctx) => {
    const s = await fresh.selection(c);
    const candidateId = expectStatus<{ id: number }>(await c.f.admin.post(`/api/craftsman-selections/${s.id}/candidates`, { memberId: await honoursMember(c.app, c.f, s.orgId, c.f.enterprises.a) }), 201).id;
    expectStatus(await c.f.admin.post(`/api/craftsman-selections/${s.id}/publicity`), 200);
    return { selectionId: s.id, candidateId };
  },
  /** an imported county title of a fresh team of enterprise a */
  title: async (c: Ctx) => {
    const teamName = `矩阵先锋班组${next()}`;
    const uscc = expectStatus(await c.f.admin.get(`/api/enterprises/${c.f.enterprises.a}`), 200).uscc as string;
    const data = await titleWorkbook([[teamName, uscc, '安全生产型', '县级', 2020]]);
    expectStatus(await multipart(c.app, c.f.admin, '/api/pioneer/titles/import', { orgId: String(c.f.orgs.county) }, { name: 't.xlsx', type: XLSX_TYPE, data }), 200);
    return expectStatus(await c.f.admin.get(`/api/pioneer/titles?q=${encodeURIComponent(teamName)}`), 200).items[0].id as number;
  },
  /** an activity of street A later today (check-in opens a day before) */
  /** an article of street A: a draft, or published now */
  article: async (c: Ctx, publish: boolean) =>
    expectStatus<{ id: number }>(await c.f.admin.post('/api/articles', { ...articleBody(c.f.orgs.streetA), title: `矩阵新文章${next()}`, ...(publish ? { publishAt: '2025-06-02T01:00:00.000Z' } : {}) }), 201).id,
  activity: async (c: Ctx) =>
    expectStatus<{ id: number }>(
      await c.f.admin.post('/api/activities', { ...activityBody(c.f.orgs.streetA), title: `矩阵新活动${next()}`, startsAt: '2025-06-02T05:00:00.000Z', endsAt: '2025-06-02T09:00:00.000Z' }),
      201,
    ).id,
  /** a pending recuperation application of a fresh member of union A to street A's batch */
  recuperationApplication: async (c: Ctx) => {
    const n = next();
    const username = `matrix.traveller${n}`;
    await createUser(c.f.admin, { username });
    const traveller = await login(c.app, username, PASSWORD);
    const body = { name: `矩阵疗休养${n}`, idNumber: makeIdNumber('330421', '1985-08-09', 600 + n), phone: `1370003${String(1000 + n)}`, orgId: c.f.orgs.unionA, employerName: '魏塘精工有限公司', consent: true };
    const { id } = expectStatus<{ id: number }>(await traveller.post('/api/join-applications', body), 201);
    expectStatus(await c.f.admin.post(`/api/join-applications/${id}/approve`), 200);
    return expectStatus<{ id: number }>(await traveller.post(`/api/recuperation/batches/${c.recuperation.batchId}/applications`, { workingYears: 3 }), 201).id;
  },
  /** a valid skill-level record of the member of union A */
  skillRecord: async (c: Ctx) => expectStatus<{ id: number }>(await c.f.admin.post('/api/skill-levels', skillBody(c.memberId, 5000 + next())), 201).id,
  /** a pending entry of the member worker in a fresh contest of street A */
  entry: async (c: Ctx) => {
    const contestId = expectStatus<{ id: number }>(await c.f.admin.post('/api/contests', { ...contestBody(c.f.orgs.streetA), title: `矩阵新征文${next()}` }), 201).id;
    return expectStatus<{ id: number }>(await c.worker.post(`/api/contests/${contestId}/entries`, { title: '矩阵作品', body: '正文' }), 201).id;
  },
};

const ownWrites: Record<string, Own> = {
  'PUT /api/orgs/:id/rights-settings': { req: (c) => ({ url: `/api/orgs/${c.f.orgs.streetA}/rights-settings`, body: { acceptWorkingDays: 1, progressDays: 15 } }), status: 200 },
  'POST /api/rights-cases/intake': { req: (c) => samples['POST /api/rights-cases/intake'].req(c), status: 201 },
  'POST /api/rights-cases/:id/accept': { req: async (c) => ({ url: `/api/rights-cases/${await fresh.rightsCase(c)}/accept` }), status: 200 },
  'POST /api/rights-cases/:id/decline': { req: async (c) => ({ url: `/api/rights-cases/${await fresh.rightsCase(c)}/decline`, body: { reason: '矩阵' } }), status: 200 },
  'POST /api/rights-cases/:id/assign': { req: async (c) => ({ url: `/api/rights-cases/${await fresh.rightsCase(c)}/assign`, body: { userId: c.rights.lawyerId } }), status: 200 },
  'PUT /api/orgs/:id/hardship-settings': { req: (c) => samples['PUT /api/orgs/:id/hardship-settings'].req(c), status: 200 },
  'POST /api/hardship-files': { req: async (c) => ({ url: '/api/hardship-files', body: fileBody(await fresh.member(c)) }), status: 201 },
  'POST /api/hardship-files/:id/recheck': { req: (c) => samples['POST /api/hardship-files/:id/recheck'].req(c), status: 200 },
  'POST /api/hardship-files/:id/exit': { req: async (c) => ({ url: `/api/hardship-files/${await fresh.hardshipFile(c)}/exit`, body: { reason: '矩阵' } }), status: 200 },
  'POST /api/hardship-files/:id/aids': { req: (c) => samples['POST /api/hardship-files/:id/aids'].req(c), status: 201 },
  'POST /api/hardship-campaigns': { req: (c) => samples['POST /api/hardship-campaigns'].req(c), status: 201 },
  'PUT /api/orgs/:id/recuperation-settings': { req: async (c) => ({ url: `/api/orgs/${await fresh.org(c)}/recuperation-settings`, body: recuperationSettings }), status: 200 },
  'POST /api/recuperation/products': { req: (c) => ({ url: '/api/recuperation/products', body: recuperationProduct(c.f.orgs.streetA) }), status: 201 },
  'POST /api/recuperation/batches': { req: (c) => ({ url: '/api/recuperation/batches', body: { productId: c.recuperation.productId, startsOn: '2025-09-15', endsOn: '2025-09-17', places: 5 } }), status: 201 },
  'POST /api/recuperation/agreements': { req: (c) => ({ url: '/api/recuperation/agreements', body: { orgId: c.f.orgs.streetA, partnerOrgId: c.f.orgs.county, signedOn: '2025-01-01', validUntil: '2026-12-31' } }), status: 201 },
  'POST /api/recuperation/quotas': { req: async (c) => ({ url: '/api/recuperation/quotas', body: { batchId: c.recuperation.batchId, orgId: await fresh.org(c), places: 1 } }), status: 201 },
  'POST /api/recuperation/applications/:id/approve': { req: async (c) => ({ url: `/api/recuperation/applications/${await fresh.recuperationApplication(c)}/approve` }), status: 200 },
  'POST /api/recuperation/applications/:id/reject': { req: async (c) => ({ url: `/api/recuperation/applications/${await fresh.recuperationApplication(c)}/reject`, body: { reason: '矩阵' } }), status: 200 },
  'POST /api/benefits': { req: (c) => ({ url: '/api/benefits', body: benefitBody(c.f.orgs.unionA) }), status: 201 },
  'PUT /api/socials/:id': { req: (c) => samples['PUT /api/socials/:id'].req(c), status: 200 },
  'POST /api/venues': { req: (c) => ({ url: '/api/venues', body: venueBody(c.f.orgs.unionA) }), status: 201 },
  'POST /api/courses': { req: (c) => ({ url: '/api/courses', body: courseBody(c.f.orgs.unionA) }), status: 201 },
  'POST /api/courses/:id/complete': { req: async (c) => ({ url: `/api/courses/${expectStatus<{ id: number }>(await c.f.admin.post('/api/courses', courseBody(c.f.orgs.unionA)), 201).id}/complete` }), status: 200 },
  'POST /api/lessons/:id/file': { req: (c) => samples['POST /api/lessons/:id/file'].req(c), status: 201 },
  'POST /api/benefit-claims/redeem': { req: async (c) => ({ url: '/api/benefit-claims/redeem', body: { code: (await claimedBenefit(c.f, c.worker)).code } }), status: 200 },
  'POST /api/fundraisers': { req: (c) => ({ url: '/api/fundraisers', body: fundraiserBody(c.f.orgs.unionA) }), status: 201 },
  'POST /api/fundraisers/:id/donations': { req: (c) => ({ url: `/api/fundraisers/${c.fundraising.fundraiserId}/donations`, body: { donorName: '矩阵', amountFen: 100 } }), status: 201 },
  'POST /api/fundraisers/:id/disbursements': { req: (c) => ({ url: `/api/fundraisers/${c.fundraising.fundraiserId}/disbursements`, body: { recipientName: '矩阵', amountFen: 1 } }), status: 201 },
  'POST /api/fundraiser-entries/:id/proofs': { req: (c) => ({ url: `/api/fundraiser-entries/${c.fundraising.disbursementId}/proofs`, multipart: { fields: {}, file: PDF, name: 'matrix.pdf' } }), status: 201 },
  'POST /api/skill-contests': { req: (c) => ({ url: '/api/skill-contests', body: skillContestBody(c.f.orgs.streetA) }), status: 201 },
  'POST /api/skill-contests/:id/judges': { req: async (c) => ({ url: `/api/skill-contests/${c.skill.contestId}/judges`, body: { eventId: c.skill.eventId, userId: await fresh.user(c) } }), status: 201 },
  'POST /api/users': {
    req: (c) => ({ url: '/api/users', body: { username: `matrix.new${next()}`, displayName: '矩阵', password: 'Matrix-Pass-2025', orgId: c.f.orgs.unionA } }),
    status: 201,
  },
  'PATCH /api/users/:id': { req: async (c) => ({ url: `/api/users/${await fresh.user(c)}`, body: { displayName: '改名' } }), status: 200 },
  'POST /api/users/:id/password': { req: async (c) => ({ url: `/api/users/${await fresh.user(c)}/password`, body: { password: 'Taken-Over-2025' } }), status: 204 },
  'POST /api/role-grants': { req: async (c) => ({ url: '/api/role-grants', body: { userId: await fresh.user(c), role: 'viewer', orgId: c.f.orgs.unionA } }), status: 201 },
  'DELETE /api/role-grants/:id': {
    req: async (c) => {
      const userId = await fresh.user(c);
      const { id } = expectStatus<{ id: number }>(await c.f.admin.post('/api/role-grants', { userId, role: 'viewer', orgId: c.f.orgs.unionA }), 201);
      return { url: `/api/role-grants/${id}` };
    },
    status: 204,
  },
  'POST /api/orgs': { req: (c) => ({ url: '/api/orgs', body: { name: `矩阵工会${next()}`, kind: 'grassroots_union', parentId: c.f.orgs.streetA } }), status: 201 },
  'PATCH /api/orgs/:id': { req: async (c) => ({ url: `/api/orgs/${await fresh.org(c)}`, body: { name: `改名${next()}` } }), status: 200 },
  'POST /api/orgs/:id/move': {
    req: async (c) => {
      const joint = await createOrg(c.f.admin, { name: `矩阵联合工会${next()}`, kind: 'joint_union', basis: 'building', parentId: c.f.orgs.streetA });
      return { url: `/api/orgs/${await fresh.org(c)}/move`, body: { parentId: joint } };
    },
    status: 200,
  },
  'POST /api/orgs/:id/close': { req: async (c) => ({ url: `/api/orgs/${await fresh.org(c)}/close` }), status: 200 },
  'POST /api/enterprises': { req: (c) => ({ url: '/api/enterprises', body: { name: `矩阵企业${next()}`, uscc: newUscc(), orgId: c.f.orgs.unionA } }), status: 201 },
  'PATCH /api/enterprises/:id': { req: async (c) => ({ url: `/api/enterprises/${await fresh.enterprise(c)}`, body: { orgId: c.unionA2 } }), status: 200 },
  'POST /api/enterprises/:id/close': { req: async (c) => ({ url: `/api/enterprises/${await fresh.enterprise(c)}/close` }), status: 200 },
  'POST /api/teams': { req: (c) => ({ url: '/api/teams', body: { name: `矩阵班组${next()}`, kind: 'crew', enterpriseId: c.f.enterprises.a } }), status: 201 },
  'PATCH /api/teams/:id': { req: async (c) => ({ url: `/api/teams/${await fresh.team(c, c.f.enterprises.a)}`, body: { name: `改名${next()}` } }), status: 200 },
  'POST /api/teams/:id/close': { req: async (c) => ({ url: `/api/teams/${await fresh.team(c, c.f.enterprises.a)}/close` }), status: 200 },

  'POST /api/join-applications/:id/approve': { req: async (c) => ({ url: `/api/join-applications/${await fresh.application(c)}/approve` }), status: 200 },
  'POST /api/join-applications/:id/reject': { req: async (c) => ({ url: `/api/join-applications/${await fresh.application(c)}/reject`, body: { reason: '矩阵' } }), status: 200 },
  'POST /api/members/import': {
    req: async (c) => ({ url: '/api/members/import', multipart: { fields: { orgId: String(c.f.orgs.unionA) }, file: await rollWorkbook(next()) } }),
    status: 200,
  },
  'POST /api/members/:id/reveal': { req: (c) => ({ url: `/api/members/${c.memberId}/reveal` }), status: 200 },
  'PATCH /api/members/:id': { req: async (c) => ({ url: `/api/members/${await fresh.member(c)}`, body: { status: 'retained', retainedReason: 'retired' } }), status: 200 },
  'POST /api/transfers/:id/accept': { req: async (c) => ({ url: `/api/transfers/${await fresh.transfer(c)}/accept` }), status: 200 },
  'POST /api/member-cards/verify': { req: (c) => ({ url: '/api/member-cards/verify', body: { token: c.cardToken } }), status: 200 },
  'POST /api/transfers/:id/reject': { req: async (c) => ({ url: `/api/transfers/${await fresh.transfer(c)}/reject`, body: { reason: '矩阵' } }), status: 200 },

  'POST /api/pioneer/standards': {
    req: (c) => samples['POST /api/pioneer/standards'].req(c),
    parent: { req: (c) => ({ url: '/api/pioneer/standards', body: standardBody(c.f.orgs.county) }), status: 201 },
    status: 422,
    code: 'validation_failed',
    why: 'only a county federation sets standards',
  },
  'POST /api/pioneer/campaigns': {
    req: (c) => ({ url: '/api/pioneer/campaigns', body: campaignBody(c.f.orgs.streetA, { name: `矩阵街道活动${next()}` }) }),
    parent: { req: (c) => ({ url: '/api/pioneer/campaigns', body: campaignBody(c.f.orgs.county, { name: `矩阵县级活动${next()}` }) }), status: 201 },
    status: 422,
    code: 'validation_failed',
    why: 'only a county federation opens campaigns',
  },
  'POST /api/pioneer/campaigns/:id/candidates': {
    req: async (c) => ({ url: `/api/pioneer/campaigns/${await fresh.campaign(c)}/candidates`, body: { teamId: await fresh.team(c), type: 'safe_production', workerCount: 5 } }),
    status: 201,
  },
  'PUT /api/pioneer/candidates/:id/self-assessment': {
    req: async (c) => ({ url: `/api/pioneer/candidates/${(await fresh.candidate(c)).candidateId}/self-assessment`, body: { summary: '矩阵', scores: [] } }),
    status: 200,
  },
  'POST /api/pioneer/candidates/:id/submit': {
    req: async (c) => {
      const { candidateId } = await fresh.candidate(c);
      await selfAssess(c.f.admin, candidateId);
      expectStatus(await uploadEvidence(c.app, c.f.admin, candidateId), 201);
      return { url: `/api/pioneer/candidates/${candidateId}/submit` };
    },
    status: 200,
  },
  'POST /api/pioneer/candidates/:id/withdraw': { req: async (c) => ({ url: `/api/pioneer/candidates/${(await fresh.candidate(c)).candidateId}/withdraw` }), status: 200 },
  'POST /api/pioneer/candidates/:id/evidence': {
    req: async (c) => ({ url: `/api/pioneer/candidates/${(await fresh.candidate(c)).candidateId}/evidence`, multipart: { fields: {}, file: c.xlsx } }),
    status: 201,
  },
  'POST /api/pioneer/campaigns/:id/transitions': {
    req: async (c) => ({ url: `/api/pioneer/campaigns/${await fresh.campaign(c)}/transitions`, body: { transition: 'cancel', reason: '矩阵' } }),
    owner: 'county',
    status: 200,
  },
  'POST /api/pioneer/candidates/:id/judges': {
    req: async (c) => ({ url: `/api/pioneer/candidates/${(await fresh.submittedCandidate(c)).candidateId}/judges`, body: { judgeId: c.pioneer.judge.id } }),
    owner: 'county',
    status: 201,
  },
  'POST /api/pioneer/candidates/:id/award': {
    req: async (c) => ({ url: `/api/pioneer/candidates/${await fresh.scoredCandidate(c)}/award`, body: { award: 'finalist_award' } }),
    owner: 'county',
    status: 200,
  },
  'POST /api/pioneer/objections/:id/resolve': { req: (c) => samples['POST /api/pioneer/objections/:id/resolve'].req(c), owner: 'county', status: 200 },
  'DELETE /api/pioneer/evidence/:id': {
    req: async (c) => {
      const { candidateId } = await fresh.candidate(c);
      return { url: `/api/pioneer/evidence/${expectStatus<{ id: number }>(await uploadEvidence(c.app, c.f.admin, candidateId), 201).id}` };
    },
    status: 204,
  },
  'POST /api/pioneer/titles/import': {
    req: async (c) => {
      const uscc = expectStatus(await c.f.admin.get(`/api/enterprises/${c.f.enterprises.a}`), 200).uscc as string;
      return { url: '/api/pioneer/titles/import', multipart: { fields: { orgId: String(c.f.orgs.streetA) }, file: await titleWorkbook([[`矩阵导入班组${next()}`, uscc, '安全生产型', '县级', 2021]]) } };
    },
    status: 200,
  },
  'POST /api/pioneer/titles/:id/recommendations': { req: async (c) => ({ url: `/api/pioneer/titles/${await fresh.title(c)}/recommendations`, body: {} }), status: 201 },
  'POST /api/pioneer/recommendations/:id/decision': {
    req: async (c) => {
      const { id } = expectStatus<{ id: number }>(await c.f.admin.post(`/api/pioneer/titles/${await fresh.title(c)}/recommendations`, {}), 201);
      return { url: `/api/pioneer/recommendations/${id}/decision`, body: { outcome: 'not_named', decidedOn: '2025-06-01' } };
    },
    status: 200,
  },
  'POST /api/pioneer/titles/:id/inspections': { req: async (c) => ({ url: `/api/pioneer/titles/${await fresh.title(c)}/inspections`, body: { dueOn: '2025-12-01' } }), status: 201 },
  'POST /api/pioneer/inspections/:id/result': {
    req: async (c) => {
      const { id } = expectStatus<{ id: number }>(await c.f.admin.post(`/api/pioneer/titles/${await fresh.title(c)}/inspections`, { dueOn: '2025-12-01' }), 201);
      return { url: `/api/pioneer/inspections/${id}/result`, body: { result: 'passed', inspectedOn: '2025-06-01' } };
    },
    status: 200,
  },
  'POST /api/pioneer/titles/:id/revoke': { req: async (c) => ({ url: `/api/pioneer/titles/${await fresh.title(c)}/revoke`, body: { reason: '矩阵', revokedOn: '2025-06-01' } }), status: 200 },
  'POST /api/pioneer/revocations/:id/decision': {
    req: async (c) => {
      // An incident against enterprise a proposes revoking the titles of its teams, a fresh one among them.
      const titleId = await fresh.title(c);
      expectStatus(await c.f.admin.post('/api/pioneer/incidents', { enterpriseId: c.f.enterprises.a, kind: 'mass_incident', occurredOn: '2025-05-01', description: '矩阵' }), 201);
      const proposed = expectStatus(await c.f.admin.get(`/api/pioneer/titles/${titleId}`), 200).revocations.find((r: { status: string }) => r.status === 'proposed');
      return { url: `/api/pioneer/revocations/${proposed.id}/decision`, body: { outcome: 'dismissed', decidedOn: '2025-06-01' } };
    },
    status: 200,
  },
  'POST /api/pioneer/titles/:id/rewards': { req: async (c) => ({ url: `/api/pioneer/titles/${await fresh.title(c)}/rewards`, body: { awardedOn: '2025-06-01', description: '矩阵' } }), status: 201 },
  'POST /api/pioneer/incidents': {
    req: async (c) => ({ url: '/api/pioneer/incidents', body: { enterpriseId: await fresh.enterprise(c), kind: 'mass_incident', occurredOn: '2025-01-01', description: '矩阵' } }),
    status: 201,
  },

  'POST /api/activities': { req: (c) => ({ url: '/api/activities', body: activityBody(c.f.orgs.streetA) }), status: 201 },
  'PATCH /api/activities/:id': { req: async (c) => ({ url: `/api/activities/${await fresh.activity(c)}`, body: { title: '改名' } }), status: 200 },
  'POST /api/activities/:id/cancel': { req: async (c) => ({ url: `/api/activities/${await fresh.activity(c)}/cancel` }), status: 200 },
  'POST /api/activities/:id/check-ins': {
    req: async (c) => {
      const activityId = await fresh.activity(c);
      const { code } = expectStatus<{ code: string }>(await c.worker.post(`/api/activities/${activityId}/registrations`), 201);
      return { url: `/api/activities/${activityId}/check-ins`, body: { code } };
    },
    status: 200,
  },
  'POST /api/contests': { req: (c) => ({ url: '/api/contests', body: contestBody(c.f.orgs.streetA) }), status: 201 },
  'POST /api/contest-entries/:id/approve': { req: async (c) => ({ url: `/api/contest-entries/${await fresh.entry(c)}/approve` }), status: 200 },
  'POST /api/contest-entries/:id/reject': { req: async (c) => ({ url: `/api/contest-entries/${await fresh.entry(c)}/reject`, body: { reason: '矩阵' } }), status: 200 },
  'POST /api/articles': { req: (c) => ({ url: '/api/articles', body: articleBody(c.f.orgs.streetA) }), status: 201 },
  'PATCH /api/articles/:id': { req: async (c) => ({ url: `/api/articles/${await fresh.article(c, true)}`, body: { title: '改名' } }), status: 200 },
  'POST /api/articles/:id/publish': { req: async (c) => ({ url: `/api/articles/${await fresh.article(c, false)}/publish`, body: {} }), status: 200 },
  'POST /api/articles/:id/withdraw': { req: async (c) => ({ url: `/api/articles/${await fresh.article(c, true)}/withdraw` }), status: 200 },
  'POST /api/articles/:id/pin': { req: async (c) => ({ url: `/api/articles/${await fresh.article(c, true)}/pin`, body: { pinned: true } }), status: 200 },
  'POST /api/articles/files': { req: (c) => ({ url: '/api/articles/files', multipart: { fields: { orgId: String(c.f.orgs.streetA) }, file: PNG, name: 'matrix.png' } }), status: 201 },

  'PUT /api/orgs/:id/honour-settings': { req: async (c) => ({ url: `/api/orgs/${await fresh.org(c)}/honour-settings`, body: honourSettings }), status: 200 },
  'POST /api/model-workers': { req: (c) => ({ url: '/api/model-workers', body: modelWorkerBody(c.f.orgs.streetA) }), status: 201 },
  'POST /api/model-workers/:id/verifications': {
    req: async (c) => ({ url: `/api/model-workers/${expectStatus<{ id: number }>(await c.f.admin.post('/api/model-workers', modelWorkerBody(c.f.orgs.unionA)), 201).id}/verifications`, body: { year: 2025, alive: true, inPost: true } }),
    status: 201,
  },
  'POST /api/allowance-entries/:id/reversal': { req: async (c) => ({ url: `/api/allowance-entries/${await fresh.allowanceEntry(c)}/reversal`, body: { reason: '矩阵' } }), status: 201 },
  'POST /api/allowance-runs': { req: async (c) => ({ url: '/api/allowance-runs', body: { orgId: await fresh.org(c), month: '2025-07' } }), status: 202 },
  'POST /api/studios': { req: async (c) => ({ url: '/api/studios', body: studioBody(c.f.orgs.unionA, await fresh.modelWorker(c)) }), status: 201 },
  // co-building, volunteers, micro-wishes
  'POST /api/partners': { req: (c) => ({ url: '/api/partners', body: { orgId: c.f.orgs.streetA, name: `矩阵新共建单位${next()}`, kind: 'hospital' } }), status: 201 },
  'POST /api/partners/:id/contacts': { req: (c) => ({ url: `/api/partners/${c.cobuilding.partnerId}/contacts`, body: { username: `matrix.pc${next()}`, displayName: '矩阵联系人', password: 'Matrix-Pass-2025' } }), status: 201 },
  'PATCH /api/partners/:id': { req: (c) => ({ url: `/api/partners/${c.cobuilding.partnerId}`, body: { contactName: `矩阵${next()}` } }), status: 200 },
  'POST /api/shop-goods': { req: (c) => ({ url: '/api/shop-goods', body: { orgId: c.f.orgs.streetA, name: `矩阵新物品${next()}`, points: 5, stock: 3 } }), status: 201 },
  'POST /api/shop-redemptions/:id/delivery': { req: async (c) => ({ url: `/api/shop-redemptions/${await freshRedemption(c.app, c.community.member, c.community.memberId, c.community.goodsId)}/delivery` }), status: 200 },
  'POST /api/volunteer-teams': { req: (c) => ({ url: '/api/volunteer-teams', body: { orgId: c.f.orgs.streetA, name: `矩阵新队伍${next()}`, kind: 'women' } }), status: 201 },
  'POST /api/volunteer-teams/:id/members': { req: async (c) => ({ url: `/api/volunteer-teams/${c.community.teamId}/members`, body: { volunteerId: await freshVolunteer(c.app, c.f.admin, c.f.orgs.unionA) } }), status: 201 },
  'POST /api/volunteer-services': { req: async (c) => ({ url: '/api/volunteer-services', body: { activityId: expectStatus<{ id: number }>(await c.f.admin.post('/api/activities', activityBody(c.f.orgs.streetA)), 201).id, hours: 2 } }), status: 201 },
  'POST /api/wishes/:id/moderation': { req: async (c) => ({ url: `/api/wishes/${await freshWish(c.f.admin, c.community.memberId)}/moderation`, body: { approve: true } }), status: 200 },
  'POST /api/studios/:id/members': { req: async (c) => ({ url: `/api/studios/${await fresh.studio(c)}/members`, body: { name: '矩阵成员' } }), status: 201 },
  'POST /api/studios/:id/achievements': { req: async (c) => ({ url: `/api/studios/${await fresh.studio(c)}/achievements`, body: achievementBody }), status: 201 },
  'POST /api/studios/:id/assessments': { req: async (c) => ({ url: `/api/studios/${await fresh.studio(c)}/assessments`, body: { year: 2025, level: 'county', passed: true } }), status: 201 },
  'POST /api/craftsman-selections': { req: async (c) => ({ url: '/api/craftsman-selections', body: { orgId: await fresh.org(c), title: '矩阵评选', year: 2025, quota: 1 } }), status: 201 },
  'POST /api/craftsman-selections/:id/candidates': {
    req: async (c) => {
      const s = await fresh.selection(c);
      return { url: `/api/craftsman-selections/${s.id}/candidates`, body: { memberId: await honoursMember(c.app, c.f, s.orgId, c.f.enterprises.a) } };
    },
    status: 201,
  },
  'POST /api/craftsman-selections/:id/judges': { req: async (c) => ({ url: `/api/craftsman-selections/${(await fresh.selection(c)).id}/judges`, body: { userId: await fresh.user(c) } }), status: 201 },
  'POST /api/craftsman-selections/:id/publicity': { req: async (c) => ({ url: `/api/craftsman-selections/${(await fresh.selection(c)).id}/publicity` }), status: 200 },
  'POST /api/craftsman-candidates/:id/objections': { req: async (c) => ({ url: `/api/craftsman-candidates/${(await fresh.candidateInPublicity(c)).candidateId}/objections`, body: { reason: '矩阵' } }), status: 201 },
  'POST /api/craftsman-objections/:id/decision': {
    req: async (c) => {
      const { candidateId } = await fresh.candidateInPublicity(c);
      const { id } = expectStatus<{ id: number }>(await c.f.admin.post(`/api/craftsman-candidates/${candidateId}/objections`, { reason: '矩阵' }), 201);
      return { url: `/api/craftsman-objections/${id}/decision`, body: { upheld: false } };
    },
    status: 200,
  },
  'POST /api/craftsman-selections/:id/naming': {
    req: async (c) => ({ url: `/api/craftsman-selections/${(await fresh.candidateInPublicity(c)).selectionId}/naming` }),
    status: 422,
    code: 'craftsman_publicity_running',
    why: 'naming waits for the end of the publicity period (7 days by default); the honours API tests name after it',
  },
  'POST /api/bargaining': { req: (c) => ({ url: '/api/bargaining', body: roundBody(c.f.orgs.unionA, [c.f.enterprises.a]) }), status: 201 },
  'POST /api/bargaining/:id/reply': { req: async (c) => ({ url: `/api/bargaining/${await roundAt(c.f.admin, c.f, 'proposed')}/reply`, body: { repliedOn: '2025-06-02', accepted: true } }), status: 200 },
  'POST /api/bargaining/:id/representatives': { req: async (c) => ({ url: `/api/bargaining/${await roundAt(c.f.admin, c.f, 'proposed')}/representatives`, body: { side: 'worker', name: '矩阵代表', chief: true } }), status: 201 },
  'POST /api/bargaining-representatives/:id/withdrawal': {
    req: async (c) => {
      const id = await roundAt(c.f.admin, c.f, 'proposed');
      const rep = expectStatus<{ id: number }>(await c.f.admin.post(`/api/bargaining/${id}/representatives`, { side: 'employer', name: '矩阵企业代表', chief: false }), 201).id;
      return { url: `/api/bargaining-representatives/${rep}/withdrawal`, body: { reason: '矩阵' } };
    },
    status: 200,
  },
  'POST /api/bargaining/:id/meetings': { req: async (c) => ({ url: `/api/bargaining/${await roundAt(c.f.admin, c.f, 'proposed')}/meetings`, body: meetingBody }), status: 201 },
  'POST /api/bargaining/:id/drafts': { req: async (c) => ({ url: `/api/bargaining/${await roundAt(c.f.admin, c.f, 'proposed')}/drafts`, body: bargainingDraft }), status: 201 },
  'POST /api/bargaining/:id/adoption': { req: async (c) => ({ url: `/api/bargaining/${await roundAt(c.f.admin, c.f, 'negotiating')}/adoption`, body: { representatives: 30, attending: 20, approving: 16 } }), status: 200 },
  'POST /api/bargaining/:id/sign': { req: async (c) => ({ url: `/api/bargaining/${await roundAt(c.f.admin, c.f, 'adopted')}/sign` }), status: 200 },
  'POST /api/bargaining/:id/filing': { req: async (c) => ({ url: `/api/bargaining/${await roundAt(c.f.admin, c.f, 'signed')}/filing`, body: { filedOn: '2025-06-02' } }), status: 200 },
  'POST /api/bargaining/:id/review': { req: async (c) => ({ url: `/api/bargaining/${await roundAt(c.f.admin, c.f, 'filed')}/review`, body: { outcome: 'confirmed', decidedOn: '2025-06-02' } }), status: 200 },
  'PUT /api/orgs/:id/rating-scorecards': { req: async (c) => ({ url: `/api/orgs/${await fresh.org(c)}/rating-scorecards`, body: scorecards }), status: 200 },
  'POST /api/ratings': { req: async (c) => ({ url: '/api/ratings', body: ratingBody(await fresh.org(c), 2025) }), status: 201 },
  'POST /api/ratings/:id/review': { req: async (c) => ({ url: `/api/ratings/${await ratingAt(c.app, c.f, await fresh.org(c), 'self_assessed')}/review`, body: { scores: fullMarks } }), status: 200 },
  'POST /api/ratings/:id/publicity': { req: async (c) => ({ url: `/api/ratings/${await ratingAt(c.app, c.f, await fresh.org(c), 'reviewed')}/publicity` }), status: 200 },
  'POST /api/ratings/:id/naming': {
    req: async (c) => ({ url: `/api/ratings/${await ratingAt(c.app, c.f, await fresh.org(c), 'publicity')}/naming` }),
    status: 422,
    code: 'rating_publicity_running',
    why: 'naming waits for the end of the publicity period (7 days by default); the ratings API tests name after it',
  },
  'POST /api/ratings/:id/recheck': { req: async (c) => ({ url: `/api/ratings/${await ratingAt(c.app, c.f, await fresh.org(c), 'named')}/recheck`, body: { passed: true } }), status: 200 },
  'POST /api/skill-levels': { req: (c) => ({ url: '/api/skill-levels', body: skillBody(c.memberId, 1000 + next()) }), status: 201 },
  'POST /api/skill-levels/import': {
    req: async (c) => ({ url: '/api/skill-levels/import', multipart: { fields: { orgId: String(c.f.orgs.unionA) }, file: await skillWorkbook(c.memberNo, 3000 + next()) } }),
    status: 200,
  },
  'POST /api/skill-levels/:id/correct': {
    req: async (c) => ({ url: `/api/skill-levels/${await fresh.skillRecord(c)}/correct`, body: { ...skillBody(c.memberId, 4000 + next()), reason: '矩阵' } }),
    status: 201,
  },
  'POST /api/skill-levels/:id/void': { req: async (c) => ({ url: `/api/skill-levels/${await fresh.skillRecord(c)}/void`, body: { reason: '矩阵' } }), status: 200 },
  'POST /api/articles/:id/attachments': { req: async (c) => ({ url: `/api/articles/${await fresh.article(c, true)}/attachments`, multipart: { fields: {}, file: PDF, name: 'matrix.pdf' } }), status: 201 },
  'DELETE /api/articles/:id/attachments/:attachmentId': {
    req: async (c) => {
      const articleId = await fresh.article(c, true);
      return { url: `/api/articles/${articleId}/attachments/${await attachTo(c, articleId)}` };
    },
    status: 204,
  },
  'POST /api/articles/columns': { req: (c) => ({ url: '/api/articles/columns', body: { orgId: c.f.orgs.streetA, name: `矩阵栏目${next()}` } }), status: 201 },
  'PATCH /api/articles/columns/:id': {
    req: async (c) => ({ url: `/api/articles/columns/${expectStatus<{ id: number }>(await c.f.admin.post('/api/articles/columns', { orgId: c.f.orgs.streetA, name: `矩阵新栏目${next()}` }), 201).id}`, body: { active: false } }),
    status: 200,
  },
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A one-row member roll workbook. */
async function rollWorkbook(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会员名册');
  ws.addRow(['姓名', '身份证号', '手机号', '所属企业统一社会信用代码', '入会日期']);
  ws.addRow(['矩阵导入', makeIdNumber('330421', '1988-02-03', 500 + n), `1370003${1000 + n}`, '', '2024-01-01']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A skill-level record of a member, with certificate number `n` (fresh ones for writes). */
function skillBody(memberId: number, n: number) {
  return { memberId, occupation: '矩阵工种', level: 3, certificateNo: `MX${String(n).padStart(8, '0')}`, issuedOn: '2025-01-01', issuer: '矩阵评价机构' };
}

/** A one-row skill-level workbook for the member numbered `memberNo`. */
async function skillWorkbook(memberNo: string, n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('技能等级');
  ws.addRow(['会员编号', '姓名', '职业（工种）', '等级', '证书编号', '发证日期', '评价机构', '评价类型']);
  ws.addRow([memberNo, '', '矩阵工种', 4, `MX${String(n).padStart(8, '0')}`, '2025-01-01', '矩阵评价机构', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function standardBody(orgId: number) {
  return {
    orgId,
    type: 'safe_production',
    name: '矩阵标准',
    weights: { infrastructure: 20, organization: 20, workforce: 20, management: 20, effectiveness: 20 },
    criteria: ['infrastructure', 'organization', 'workforce', 'management', 'effectiveness'].map((dimension) => ({ dimension, title: '矩阵', maxPoints: 10 })),
  };
}

function activityBody(orgId: number) {
  return { orgId, title: '矩阵活动', kind: 'training', startsAt: '2025-07-01T01:00:00.000Z', endsAt: '2025-07-01T03:00:00.000Z', capacity: 10 };
}

/** The rules' defaults, as a federation would store its own. */
const recuperationSettings = { maxWorkingDaysInProvince: 5, maxWorkingDaysPartner: 7, tripsPerYear: 1, minWorkingYears: 1, longServiceYears: 20 };
const recuperationProduct = (providerOrgId: number) => ({ providerOrgId, title: '矩阵疗休养线路', destination: '嘉善西塘', days: 3, priceFen: 50_000 });
const honourSettings = {
  modelWorkerAllowanceFen: { national: 50000, province: 30000, city: 20000, county: 10000 },
  wageUpliftPercent: { national: 15, province: 10, city: 6, county: 3 },
  craftsmanAllowanceFen: 30000,
  selectionPeriodYears: 3,
  publicityDays: 7,
  candidateMaxAge: 60,
};
const meetingBody = { heldOn: '2025-06-02', mode: 'o2o', minutes: '矩阵会议纪要' };
const bargainingDraft = { clauses: [{ topic: 'wage_growth', text: '矩阵条款' }], termYears: 1 };
const scorecards = { starRating: defaultScorecards.star_rating, workersHomeRating: defaultScorecards.workers_home_rating };
const achievementBody = { kind: 'improvement', title: '矩阵革新', year: 2025, savingsFen: 100 };

function articleBody(orgId: number) {
  return { orgId, column: 'notice', title: '矩阵通知', body: '<p>矩阵正文</p>', public: false };
}

/** The first bytes of a PNG: enough for the upload's content check. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** Attaches a PDF to an article (as the admin) and answers the attachment's id. */
async function attachTo(c: Ctx, articleId: number): Promise<number> {
  return expectStatus<{ id: number }>(await multipart(c.app, c.f.admin, `/api/articles/${articleId}/attachments`, {}, { name: 'matrix.pdf', type: 'application/pdf', data: PDF }), 201).id;
}

function contestBody(orgId: number) {
  return {
    orgId,
    title: '矩阵征文',
    theme: '矩阵',
    entryKind: 'text',
    submitOpensAt: '2025-06-01T00:00:00.000Z',
    submitClosesAt: '2025-07-01T00:00:00.000Z',
    voteOpensAt: '2025-06-01T00:00:00.000Z',
    voteClosesAt: '2025-07-15T00:00:00.000Z',
  };
}

/** A skill contest of `orgId` open for registration on the test clock's day, with one event. */
function skillContestBody(orgId: number) {
  return {
    orgId,
    title: '矩阵技能竞赛',
    year: 2025,
    registrationOpensAt: '2025-06-01T00:00:00.000Z',
    registrationClosesAt: '2025-07-01T00:00:00.000Z',
    events: [{ name: '五金工艺', criteria: [{ name: '精度', weight: 100, kind: 'judgement' }] }],
  };
}

const keyOf = (r: RouteInfo) => `${r.method} ${r.url}`;
/** The roles (other than the platform admin) whose grants carry a permission. */
const holdersOf = (p: Permission) => roles.filter((r) => r !== 'admin' && rolePermissions(r).includes(p));
const isPermission = (access: string): access is Permission => access !== 'public' && access !== 'authenticated';

function send(app: FastifyInstance, client: Client, method: string, request: Request): Promise<LightMyRequestResponse> {
  if (!request.multipart) return client.request(method, request.url, request.body as never);
  const boundary = `----gonghui-matrix-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(request.multipart.fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (request.multipart.file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${request.multipart.name ?? 'roll.xlsx'}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`));
    parts.push(request.multipart.file, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (client.cookie) headers.cookie = `gh_session=${client.cookie}`;
  if (client.csrfToken) headers['x-csrf-token'] = client.csrfToken;
  return app.inject({ method: method as 'POST', url: request.url, headers, payload: Buffer.concat(parts) });
}

describe('permission matrix', () => {
  let app: FastifyInstance;
  let c: Ctx;
  let apiRoutes: RouteInfo[];
  /** per role: a user holding it on street A, and one holding it on street B */
  const onStreetA = new Map<Role, Client>();
  const onStreetB = new Map<Role, Client>();
  /** per role: a user holding only that role, on the county (the whole tree) */
  const onCounty = new Map<Role, Client>();

  beforeAll(async () => {
    app = await createTestApp();
    const f = await buildFixture(app);
    apiRoutes = app.routeTable.filter((r) => r.url.startsWith('/api/'));
    const unionA2 = await createOrg(f.admin, { name: '魏塘第二工会', kind: 'grassroots_union', parentId: f.orgs.streetA });

    for (const role of roles.filter((r) => r !== 'admin')) {
      for (const [where, orgId, map] of [
        ['a', f.orgs.streetA, onStreetA],
        ['b', f.orgs.streetB, onStreetB],
        ['county', f.orgs.county, onCounty],
      ] as const) {
        const username = `matrix.${role}.${where}`;
        await createUser(f.admin, { username, orgId }, { role, orgId });
        map.set(role, await login(app, username, PASSWORD));
      }
    }

    // Membership records in street A for the routes that address them.
    const apply = async (as: Client, seq: number) =>
      expectStatus<{ id: number }>(
        await as.post('/api/join-applications', {
          name: `矩阵职工${seq}`,
          idNumber: makeIdNumber('330421', '1991-04-05', 900 + seq),
          phone: `1370000${String(1000 + seq)}`,
          orgId: f.orgs.unionA,
          employerName: '魏塘精工有限公司',
          consent: true,
        }),
        201,
      ).id;
    await createUser(f.admin, { username: 'matrix.worker1' });
    await createUser(f.admin, { username: 'matrix.worker2' });
    const applicationId = await apply(await login(app, 'matrix.worker1', PASSWORD), 1);
    const approvedFrom = await apply(await login(app, 'matrix.worker2', PASSWORD), 2);
    const { memberId } = expectStatus<{ memberId: number }>(await f.clients.cadreA.post(`/api/join-applications/${approvedFrom}/approve`), 200);
    const transferId = expectStatus<{ id: number }>(await f.clients.cadreA.post(`/api/members/${memberId}/transfers`, { toOrgId: unionA2 }), 201).id;
    const grantA = f.clients.cadreA.user!.grants[0].id;

    const closure = await app.deps.db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', f.orgs.streetA).execute();
    const streetAOrgs = new Set(closure.map((r) => r.descendant_id));
    const streetANames = new Set((await app.deps.db.selectFrom('orgs').select('name').where('id', 'in', [...streetAOrgs]).execute()).map((o) => o.name));
    const users = await app.deps.db.selectFrom('users').select('id').where('home_org_id', 'in', [...streetAOrgs]).execute();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('会员名册');
    ws.addRow(['姓名', '身份证号', '手机号', '所属企业统一社会信用代码', '入会日期']);
    ws.addRow(['矩阵导入', makeIdNumber('330421', '1989-02-03', 777), '13700009999', '', '2024-01-01']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const pioneer = await buildPioneerWorld(app, f);
    const activityId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/activities', activityBody(f.orgs.streetA)), 201).id;
    const contestId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/contests', contestBody(f.orgs.streetA)), 201).id;
    const author = await login(app, 'matrix.worker2', PASSWORD);
    const entryId = expectStatus<{ id: number }>(await author.post(`/api/contests/${contestId}/entries`, { title: '矩阵作品', body: '正文' }), 201).id;
    const articleId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/articles', { ...articleBody(f.orgs.streetA), publishAt: '2025-06-02T01:00:00.000Z' }), 201).id;
    const honours = await buildHonoursWorld(app, f);
    const bargaining = await buildBargainingWorld(app, f);
    const ratings = await buildRatingsWorld(app, f);
    const rights = await buildRightsWorld(app, f, 'matrix');
    const rightsAttachmentId = expectStatus<{ id: number }>(await multipart(app, rights.worker, `/api/rights-cases/${rights.submittedId}/attachments`, {}, { name: '证明.pdf', type: 'application/pdf', data: PDF }), 201).id;
    const hardship = await buildHardshipWorld(app, f);
    const fundraising = await buildFundraisingWorld(f, async (id) =>
      expectStatus<{ id: number }>(await multipart(app, f.clients.cadreA, `/api/fundraiser-entries/${id}/proofs`, {}, { name: '签收单.pdf', type: 'application/pdf', data: PDF }), 201).id,
    );
    const benefit = await claimedBenefit(f, author);
    const socialId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/activities', { ...activityBody(f.orgs.streetA), kind: 'youth_social' }), 201).id;
    const venueId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/venues', venueBody(f.orgs.unionA)), 201).id;
    const venueBookingId = expectStatus<{ id: number }>(await f.clients.cadreA.post(`/api/venues/${venueId}/bookings`, { startsAt: '2030-01-07T02:00:00.000Z', endsAt: '2030-01-07T03:00:00.000Z', purpose: '矩阵培训' }), 201).id;
    const courseId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/courses', courseBody(f.orgs.streetA)), 201).id;
    const lessonId = expectStatus<{ lessonList: { id: number }[] }>(await f.clients.cadreA.get(`/api/courses/${courseId}`), 200).lessonList[0].id;
    expectStatus(await author.post(`/api/courses/${courseId}/enrolments`), 201);
    expectStatus(await multipart(app, f.clients.cadreA, `/api/lessons/${lessonId}/file`, {}, { name: '课件.pdf', type: 'application/pdf', data: PDF }), 201);
    const cardToken = expectStatus<{ token: string }>(await author.get('/api/members/me/card-token'), 200).token;
    const articleColumnId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/articles/columns', { orgId: f.orgs.streetA, name: '魏塘专栏' }), 201).id;
    const memberNo = expectStatus<{ memberNo: string }>(await f.admin.get(`/api/members/${memberId}`), 200).memberNo;
    const skillRecordId = expectStatus<{ id: number }>(await f.admin.post('/api/skill-levels', skillBody(memberId, 2)), 201).id;
    const skillContest = expectStatus<{ id: number; events: { id: number }[] }>(await f.clients.cadreA.post('/api/skill-contests', skillContestBody(f.orgs.streetA)), 201);
    const skillEventId = skillContest.events[0].id;
    const skillEntryId = expectStatus<{ id: number }>(await author.post(`/api/skill-contests/${skillContest.id}/entries`, { eventId: skillEventId }), 201).id;
    const skillJudgeId = await createUser(f.admin, { username: 'matrix.skill.judge', orgId: f.orgs.streetA });
    expectStatus(await f.clients.cadreA.post(`/api/skill-contests/${skillContest.id}/judges`, { eventId: skillEventId, userId: skillJudgeId, chief: true }), 201);
    const skillJudge = await login(app, 'matrix.skill.judge', PASSWORD);
    expectStatus(await skillJudge.put(`/api/skill-entries/${skillEntryId}/marks`, { marks: [{ criterionIndex: 0, value: 2 }] }), 200);
    expectStatus(await skillJudge.post(`/api/skill-contests/${skillContest.id}/events/${skillEventId}/lock`), 200);
    expectStatus(await skillJudge.post(`/api/skill-contests/${skillContest.id}/events/${skillEventId}/publish`), 200);
    const skill = { contestId: skillContest.id, eventId: skillEventId, entryId: skillEntryId, judge: skillJudge, judgeId: skillJudgeId };
    const recProductId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/recuperation/products', recuperationProduct(f.orgs.streetA)), 201).id;
    const recBatchId = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/recuperation/batches', { productId: recProductId, startsOn: '2025-09-15', endsOn: '2025-09-17', places: 1000 }), 201).id;
    expectStatus(await f.clients.cadreA.post('/api/recuperation/quotas', { batchId: recBatchId, orgId: f.orgs.unionA, places: 500 }), 201);
    const partnerFederation = await createOrg(f.admin, { name: '矩阵协作总工会', kind: 'federation', level: 'county', parentId: null });
    expectStatus(await f.clients.cadreA.post('/api/recuperation/agreements', { orgId: f.orgs.streetA, partnerOrgId: partnerFederation, signedOn: '2025-01-01', validUntil: '2026-12-31' }), 201);
    await createUser(f.admin, { username: 'matrix.traveller' });
    const traveller = await login(app, 'matrix.traveller', PASSWORD);
    const travellerApplication = await apply(traveller, 3);
    expectStatus(await f.clients.cadreA.post(`/api/join-applications/${travellerApplication}/approve`), 200);
    const recApplicationId = expectStatus<{ id: number }>(await traveller.post(`/api/recuperation/batches/${recBatchId}/applications`, { workingYears: 3 }), 201).id;
    c = {
      recuperation: { productId: recProductId, batchId: recBatchId, applicationId: recApplicationId },
      skill,
      app, worker: author, f, unionA2, applicationId, memberId, transferId, grantA, streetAOrgs, streetANames, streetAUsers: new Set(users.map((u) => u.id)), xlsx, pioneer,
      activityId, contestId, entryId, articleId, skillRecordId, memberNo, honours, bargaining, ratings,
      attachmentId: 0, articleColumnId, cardToken, rights, rightsAttachmentId, hardship, fundraising, benefit, socialId, venue: { venueId, bookingId: venueBookingId },
      cobuilding: await buildCobuildingWorld(app, f), community: await buildCommunityWorld(app, f),
      training: { courseId, lessonId },
    };
    c.attachmentId = await attachTo(c, articleId);
  });
  afterAll(() => app.close());

  const auditCount = async () => Number((await app.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('every API route has a sample request, and every sample a route', () => {
    const keys = new Set(apiRoutes.map(keyOf));
    const missing = [...keys].filter((k) => !samples[k]);
    const stale = Object.keys(samples).filter((k) => !keys.has(k));
    expect(missing, 'routes without a sample: add them to `samples` in permission-matrix.api.test.ts').toEqual([]);
    expect(stale, 'samples for routes that no longer exist').toEqual([]);
  });

  it('every permission route says how a sibling street is refused', () => {
    const undecided = apiRoutes.filter((r) => isPermission(r.access) && !samples[keyOf(r)]?.sibling).map(keyOf);
    expect(undecided).toEqual([]);
  });

  it('answers 401 to every authenticated or permission route without a session, and never 401 unauthenticated on public ones', async () => {
    const wrong: string[] = [];
    for (const route of apiRoutes) {
      const sample = samples[keyOf(route)];
      if (!sample) continue;
      const res = await send(app, anonymous(app), route.method, sample.req(c));
      const code = res.headers['content-type']?.toString().includes('json') && res.body ? res.json().code : undefined;
      if (route.access === 'public') {
        if (code === 'unauthenticated' || res.statusCode === 403) wrong.push(`${keyOf(route)} (public) → ${res.statusCode} ${code}`);
      } else if (res.statusCode !== 401 || code !== 'unauthenticated') {
        wrong.push(`${keyOf(route)} → ${res.statusCode} ${code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses (403) every permission route to each user whose grants do not carry the permission', async () => {
    const wrong: string[] = [];
    let checked = 0;
    const before = await auditCount();
    for (const route of apiRoutes.filter((r) => isPermission(r.access))) {
      const sample = samples[keyOf(route)];
      if (!sample) continue;
      for (const role of roles.filter((r) => r !== 'admin' && !rolePermissions(r).includes(route.access as Permission))) {
        const res = await send(app, onCounty.get(role)!, route.method, sample.req(c));
        checked++;
        if (res.statusCode !== 403 || res.json().code !== 'forbidden') wrong.push(`${keyOf(route)} as ${role} → ${res.statusCode}`);
      }
      const member = await send(app, c.f.clients.member, route.method, sample.req(c));
      if (member.statusCode !== 403) wrong.push(`${keyOf(route)} as the member-only user → ${member.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(apiRoutes.length);
    expect(await auditCount()).toBe(before);
  });

  it('lets no holder of the permission on the sibling street touch anything of street A (404, or absent from lists)', async () => {
    const wrong: string[] = [];
    for (const route of apiRoutes.filter((r) => isPermission(r.access))) {
      const sample = samples[keyOf(route)];
      const sibling = sample?.sibling;
      if (!sample || !sibling || sibling.kind === 'unscoped') continue;
      for (const role of holdersOf(route.access as Permission)) {
        const before = await auditCount();
        const res = await send(app, onStreetB.get(role)!, route.method, sample.req(c));
        if (sibling.kind === 'not-found') {
          if (res.statusCode !== 404 || res.json().code !== 'not_found') wrong.push(`${keyOf(route)} as ${role} of street B → ${res.statusCode} ${res.body.slice(0, 120)}`);
        } else if (res.statusCode !== 200) {
          wrong.push(`${keyOf(route)} as ${role} of street B → ${res.statusCode}`);
        } else if (sibling.kind === 'verdict') {
          if (!sibling.refused(res.json())) wrong.push(`${keyOf(route)} as ${role} of street B → ${res.body.slice(0, 120)}`);
        } else if (sibling.kind === 'export') {
          const leaked = await rowsOfStreetA(c, res);
          if (leaked.length) wrong.push(`${keyOf(route)} as ${role} of street B exports ${leaked.length} row(s) of street A`);
        } else {
          const leaked = (res.json().items as unknown[]).filter((item) => sibling.ofStreetA(c, item));
          if (leaked.length) wrong.push(`${keyOf(route)} as ${role} of street B lists ${leaked.length} item(s) of street A`);
        }
        const written = (await auditCount()) - before;
        if (written !== (sibling.kind === 'export' || sibling.kind === 'verdict' ? 1 : 0)) wrong.push(`${keyOf(route)} as ${role} of street B wrote ${written} audit entries`);
      }
    }
    expect(wrong).toEqual([]);
  });

  for (const [where, holders] of [
    ['street A (own scope)', onStreetA],
    ['the county (parent scope)', onCounty],
  ] as const) {
    it(`gives every holder of a read permission on ${where} street A's records (so the refusals above are the scope's doing)`, async () => {
      const wrong: string[] = [];
      let checked = 0;
      for (const route of apiRoutes.filter((r) => isPermission(r.access) && r.method === 'GET')) {
        const sample = samples[keyOf(route)];
        const sibling = sample?.sibling;
        if (!sample || !sibling) continue;
        for (const role of holdersOf(route.access as Permission)) {
          const res = await send(app, holders.get(role)!, route.method, sample.req(c));
          checked++;
          if (res.statusCode !== 200) {
            wrong.push(`${keyOf(route)} as ${role} of ${where} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          } else if (sibling.kind === 'list' && !(res.json().items as unknown[]).some((item) => ((holders === onCounty && sibling.fromCounty) || sibling.ofStreetA)(c, item))) {
            wrong.push(`${keyOf(route)} as ${role} of ${where} lists nothing of street A`);
          } else if (sibling.kind === 'export' && (await rowsOfStreetA(c, res)).length === 0) {
            wrong.push(`${keyOf(route)} as ${role} of ${where} exports nothing of street A`);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(apiRoutes.filter((r) => isPermission(r.access) && r.method === 'GET').length);
    });
  }

  it('every permission route that writes says what its holder on street A gets, and nothing else does', () => {
    const writes = apiRoutes.filter((r) => isPermission(r.access) && r.method !== 'GET').map(keyOf);
    expect(writes.filter((k) => !ownWrites[k]), 'write routes without an entry in `ownWrites`').toEqual([]);
    expect(Object.keys(ownWrites).filter((k) => !writes.includes(k)), 'entries in `ownWrites` for no write route').toEqual([]);
    expect(Object.entries(ownWrites).filter(([, o]) => o.status >= 400 && (!o.code || !o.why || o.status === 403 || o.status === 404)).map(([k]) => k)).toEqual([]);
  });

  it('lets a holder of each write permission on street A write there (the answer each write deserves, audited)', async () => {
    const wrong: string[] = [];
    const cadreA = onStreetA.get('cadre')!;
    for (const route of apiRoutes.filter((r) => isPermission(r.access) && r.method !== 'GET')) {
      const own = ownWrites[keyOf(route)];
      if (!own) continue;
      // Writes are the cadres'; a check held more widely (card.verify) answers every holder alike.
      const others = holdersOf(route.access as Permission).filter((r) => r !== 'cadre');
      expect(others.length === 0 || route.verdict, `${keyOf(route)} is held by ${others.join(', ')} besides cadres`).toBe(true);
      for (const role of others) {
        const res = await send(app, onStreetA.get(role)!, route.method, await own.req(c));
        if (res.statusCode !== own.status) wrong.push(`${keyOf(route)} as ${role} of street A → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      const request = await own.req(c);
      let writer = cadreA;
      if (own.owner === 'county') {
        const refused = await send(app, cadreA, route.method, request);
        if (refused.statusCode !== 404) wrong.push(`${keyOf(route)} as cadre of street A, on the county's record → ${refused.statusCode} (expected 404)`);
        writer = onCounty.get('cadre')!;
      }
      const who = own.owner === 'county' ? 'cadre of the county' : 'cadre of street A';
      const before = await auditCount();
      const res = await send(app, writer, route.method, request);
      const code = res.statusCode >= 400 ? res.json().code : undefined;
      if (res.statusCode !== own.status || code !== own.code) wrong.push(`${keyOf(route)} as ${who} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      else if (res.statusCode < 300 && (await auditCount()) === before) wrong.push(`${keyOf(route)} as ${who} changed something without an audit entry`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('lets a holder of each write permission on the county write on street A’s records (parent scope)', async () => {
    const wrong: string[] = [];
    const countyCadre = onCounty.get('cadre')!;
    for (const route of apiRoutes.filter((r) => isPermission(r.access) && r.method !== 'GET')) {
      const own = ownWrites[keyOf(route)];
      if (!own || own.owner === 'county') continue; // done by the county holder above
      const expected = own.parent ?? own;
      const res = await send(app, countyCadre, route.method, await expected.req(c));
      const code = res.statusCode >= 400 ? res.json().code : undefined;
      if (res.statusCode !== expected.status || (!own.parent && code !== own.code)) wrong.push(`${keyOf(route)} as cadre of the county → ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
