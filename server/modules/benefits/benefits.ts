import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refuse, refused } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { createSeatPool, takeSeat } from '../../platform/seats.ts';
import { maskName } from '../../platform/pii.ts';
import { today } from '../../platform/dates.ts';
import { membershipOf } from '../members/index.ts';
import { exportTexts as t } from './messages.ts';
import { benefitsOfMember, readableBenefits, redeemableClaims } from './policy.ts';
import { checkClaim, CODE_ALPHABET, CODE_LENGTH } from './rules.ts';
import type { benefitExportQuery, benefitListQuery, createBenefitBody } from './schema.ts';

/** Benefits (普惠福利): published with a stock, claimed once per member, redeemed by code. */

function benefits(tx: Tx) {
  return tx
    .selectFrom('benefits')
    .innerJoin('orgs', 'orgs.id', 'benefits.org_id')
    .innerJoin('seat_pools', 'seat_pools.id', 'benefits.seat_pool_id')
    .selectAll('benefits')
    .select(['orgs.name as org_name', 'seat_pools.taken as claimed'])
    .select(sql<number>`(select count(*) from benefit_claims c where c.benefit_id = benefits.id and c.redeemed_at is not null)`.as('redeemed'));
}
type Row = Awaited<ReturnType<ReturnType<typeof benefits>['executeTakeFirstOrThrow']>>;
const view = (r: Row) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  title: r.title,
  kind: r.kind,
  description: r.description,
  stock: Number(r.stock),
  claimed: Number(r.claimed),
  redeemed: Number(r.redeemed),
  claimFrom: r.claim_from,
  claimUntil: r.claim_until,
  gender: r.gender,
  minTenureMonths: r.min_tenure_months,
});

export async function createBenefit(deps: Deps, caller: Caller, input: z.infer<typeof createBenefitBody>) {
  if (input.claimUntil <= input.claimFrom) throw refused('benefit_window_order');
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const pool = await createSeatPool(tx, input.stock);
    const { id } = await tx
      .insertInto('benefits')
      .values({
        org_id: input.orgId,
        title: input.title,
        kind: input.kind,
        description: input.description,
        stock: input.stock,
        seat_pool_id: pool,
        claim_from: input.claimFrom,
        claim_until: input.claimUntil,
        gender: input.gender ?? null,
        min_tenure_months: input.minTenureMonths ?? null,
        created_by: caller.actor.userId,
        created_at: caller.actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'benefit.create', entity: 'benefit', entityId: id, orgId: input.orgId, after: input });
    return { id };
  });
}

type Filters = Omit<z.infer<typeof benefitListQuery>, 'page' | 'pageSize'>;
function filtered(tx: Tx, scope: Scope, query: Filters) {
  let q = benefits(tx).where(readableBenefits(scope));
  if (query.orgId) q = q.where(inSubtree('benefits.org_id', query.orgId));
  return q;
}

export async function listBenefits(deps: Deps, caller: Caller, query: z.infer<typeof benefitListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filtered(deps.db, caller.scope, query), query, (q) => q.orderBy('benefits.id', 'desc'));
  return { items: rows.map(view), total };
}

export async function exportBenefits(deps: Deps, caller: Caller, query: z.infer<typeof benefitExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'benefits',
    title: t.benefits,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps.db, scope, filters),
    keyset: 'benefits.id',
    columns: [
      { header: t.title, value: (r) => r.title, width: 30 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.kind, value: (r, lang) => t[r.kind][lang], width: 12 },
      { header: t.stock, value: (r) => Number(r.stock), width: 8 },
      { header: t.claimed, value: (r) => Number(r.claimed), width: 8 },
      { header: t.redeemed, value: (r) => Number(r.redeemed), width: 8 },
      { header: t.window, value: (r) => `${r.claim_from.slice(0, 10)} ~ ${r.claim_until.slice(0, 10)}`, width: 26 },
    ],
  });
}

async function myMember(deps: Deps, caller: Caller) {
  const m = await membershipOf(deps.db, caller.user!.id);
  if (!m) throw refused('benefit_not_member');
  return m;
}

/** The benefits of the member's union chain still open (or claimed by them), with their own code. */
export async function myBenefits(deps: Deps, caller: Caller) {
  const m = await membershipOf(deps.db, caller.user!.id);
  if (!m) return { items: [] };
  const now = caller.actor.now;
  const rows = await benefits(deps.db)
    .leftJoin('benefit_claims as mine', (j) => j.onRef('mine.benefit_id', '=', 'benefits.id').on('mine.member_id', '=', m.id))
    .select(['mine.code', 'mine.redeemed_at'])
    .where(benefitsOfMember(m.org_id))
    .where((eb) => eb.or([eb('benefits.claim_until', '>=', now), eb('mine.id', 'is not', null)]))
    .orderBy('benefits.claim_until')
    .limit(100)
    .execute();
  return {
    items: rows.map((r) => {
      const { redeemed: _r, ...v } = view(r);
      return { ...v, left: v.stock - v.claimed, code: r.code, redeemedAt: r.redeemed_at };
    }),
  };
}

const newCode = () => Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** One claim per member (409 benefit_claimed), never over stock (409 benefit_out_of_stock), eligible, in the window. */
export async function claim(deps: Deps, caller: Caller, benefitId: number) {
  const m = await myMember(deps, caller);
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const b = await tx.selectFrom('benefits').selectAll().where('id', '=', benefitId).where(benefitsOfMember(m.org_id)).executeTakeFirst();
      if (!b) throw notFound('benefit');
      const member = await tx.selectFrom('members').select(['status', 'gender', 'joined_on']).where('id', '=', m.id).executeTakeFirstOrThrow();
      refuse(checkClaim({ claimFrom: b.claim_from, claimUntil: b.claim_until, gender: b.gender, minTenureMonths: b.min_tenure_months }, { status: member.status, gender: member.gender, joinedOn: member.joined_on }, caller.actor.now, today(deps)));
      const had = await tx.selectFrom('benefit_claims').select('id').where('benefit_id', '=', benefitId).where('member_id', '=', m.id).executeTakeFirst();
      if (had) throw conflict('benefit_claimed');
      if (!(await takeSeat(tx, b.seat_pool_id))) throw conflict('benefit_out_of_stock');
      const code = newCode();
      const { id } = await tx.insertInto('benefit_claims').values({ benefit_id: benefitId, member_id: m.id, org_id: m.org_id, code, claimed_at: caller.actor.now, redeemed_at: null, redeemed_by: null }).returning('id').executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'benefit.claim', entity: 'benefit', entityId: benefitId, orgId: m.org_id, after: { claimId: id, memberId: m.id } });
      return { code };
    });
  } catch (err) {
    // two claims of one member racing: the unique (benefit, member) lets one in, the other is the same 409
    if (isUniqueViolation(err)) throw conflict('benefit_claimed');
    throw err;
  }
}

/**
 * The distributor's check (a `verdict` route, like the e-card's): a code of a claim in their scope
 * is redeemed once — `{ valid: true, … }`; an unknown code, or one of a member outside their scope,
 * is `unknown`, and a code used before `redeemed`. Every check is audited, refused ones too.
 */
export async function redeem(deps: Deps, caller: Caller, code: string) {
  return deps.db.transaction().execute(async (tx) => {
    const c = await tx
      .selectFrom('benefit_claims')
      .innerJoin('benefits', 'benefits.id', 'benefit_claims.benefit_id')
      .innerJoin('members', 'members.id', 'benefit_claims.member_id')
      .innerJoin('orgs', 'orgs.id', 'benefit_claims.org_id')
      .select(['benefit_claims.id', 'benefit_claims.redeemed_at', 'benefit_claims.org_id', 'benefits.title', 'benefits.id as benefit_id', 'members.name', 'orgs.name as org_name'])
      .where('benefit_claims.code', '=', code)
      .where(redeemableClaims(caller.scope))
      .executeTakeFirst();
    let verdict: { valid: true; title: string; memberName: string; orgName: string; redeemedAt: string } | { valid: false; reason: 'unknown' | 'redeemed'; redeemedAt?: string };
    if (!c) verdict = { valid: false, reason: 'unknown' };
    else {
      const done = await tx.updateTable('benefit_claims').set({ redeemed_at: caller.actor.now, redeemed_by: caller.actor.userId }).where('id', '=', c.id).where('redeemed_at', 'is', null).executeTakeFirst();
      if (Number(done.numUpdatedRows) === 1) verdict = { valid: true, title: c.title, memberName: maskName(c.name), orgName: c.org_name, redeemedAt: caller.actor.now };
      else {
        const again = await tx.selectFrom('benefit_claims').select('redeemed_at').where('id', '=', c.id).executeTakeFirstOrThrow();
        verdict = { valid: false, reason: 'redeemed', redeemedAt: again.redeemed_at ?? undefined };
      }
    }
    await audit(tx, caller.actor, { action: 'benefit.redeem', entity: 'benefit', entityId: c?.benefit_id ?? null, orgId: c?.org_id ?? caller.scope.roots[0] ?? null, after: verdict.valid ? { valid: true, claimId: c!.id } : verdict });
    return verdict;
  });
}
