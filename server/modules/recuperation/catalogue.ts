import { sql } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, fieldError, notFound, refuse, refused } from '../../platform/errors.ts';
import { inScope, inSubtree, requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { today } from '../../platform/dates.ts';
import { createSeatPool, takeSeats } from '../../platform/seats.ts';
import { agreementValidOn, checkBatchDates, checkQuotaFits } from './rules.ts';
import { readableAgreements, readableBatches, readableProducts } from './policy.ts';
import { settingsFor } from './settings.ts';
import type { agreementListQuery, batchListQuery, createAgreementBody, createBatchBody, createProductBody, createQuotaBody, productListQuery } from './schema.ts';

/** Products of service centres, their dated batches, agreements between federations, and quotas down the tree. */

// ---- products ----

export async function createProduct(deps: Deps, caller: Caller, input: z.infer<typeof createProductBody>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.providerOrgId);
    const { settings } = await settingsFor(tx, input.providerOrgId);
    const max = input.destinationRegion === 'province' ? settings.maxWorkingDaysInProvince : settings.maxWorkingDaysPartner;
    // a trip's days hold at least as many working days as a week of them: a product longer than a
    // batch could ever be is refused up front (weekends in between allowed: max + 2 per week)
    if (input.days > max + 2 * Math.ceil(max / 5)) throw refused('recuperation_trip_too_long', { days: input.days, max });
    const { id } = await tx
      .insertInto('recuperation_products')
      .values({
        org_id: input.providerOrgId,
        center_name: input.centerName,
        title: input.title,
        destination: input.destination,
        region: input.destinationRegion,
        days: input.days,
        price_fen: input.priceFen,
        includes: input.includes,
        created_by: caller.actor.userId,
        created_at: caller.actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'recuperation_product.create', entity: 'recuperation_product', entityId: id, orgId: input.providerOrgId, after: input });
    return { id };
  });
}

export async function listProducts(deps: Deps, caller: Caller, query: z.infer<typeof productListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  let q = deps.db.selectFrom('recuperation_products').innerJoin('orgs', 'orgs.id', 'recuperation_products.org_id').where(readableProducts(caller.scope));
  if (query.orgId) q = q.where(inSubtree('recuperation_products.org_id', query.orgId));
  const { rows, total } = await paginate(q, query, (b) =>
    b
      .selectAll('recuperation_products')
      .select(['orgs.name as provider_name', sql<number>`(select count(*) from recuperation_batches b where b.product_id = recuperation_products.id)`.as('batches')])
      .orderBy('recuperation_products.id', 'desc'),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      providerOrgId: r.org_id,
      providerName: r.provider_name,
      centerName: r.center_name,
      title: r.title,
      destination: r.destination,
      region: r.region,
      days: r.days,
      priceFen: r.price_fen,
      includes: r.includes,
      batches: Number(r.batches),
    })),
    total,
  };
}

// ---- batches ----

export async function createBatch(deps: Deps, caller: Caller, input: z.infer<typeof createBatchBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const product = await tx.selectFrom('recuperation_products').selectAll().where('id', '=', input.productId).where(readableProducts(caller.scope)).executeTakeFirst();
    if (!product) throw notFound('recuperation_product');
    const { settings } = await settingsFor(tx, product.org_id);
    refuse(checkBatchDates(input.startsOn, input.endsOn, product.region, settings));
    const { id } = await tx
      .insertInto('recuperation_batches')
      .values({
        product_id: product.id,
        org_id: product.org_id,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        places: input.places,
        open_to_partners: input.openToPartners ? 1 : 0,
        created_by: caller.actor.userId,
        created_at: caller.actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // the provider's own places: the root quota every other quota is taken from
    const pool = await createSeatPool(tx, input.places);
    await tx.insertInto('recuperation_quotas').values({ batch_id: id, org_id: product.org_id, parent_id: null, places: input.places, seat_pool_id: pool, created_by: caller.actor.userId, created_at: caller.actor.now }).execute();
    await audit(tx, caller.actor, { action: 'recuperation_batch.create', entity: 'recuperation_batch', entityId: id, orgId: product.org_id, after: input });
    return { id };
  });
}

const batchesFrom = (tx: Tx) =>
  tx
    .selectFrom('recuperation_batches')
    .innerJoin('recuperation_products as p', 'p.id', 'recuperation_batches.product_id')
    .innerJoin('orgs', 'orgs.id', 'recuperation_batches.org_id');
export function batchesQuery(tx: Tx) {
  return batchesFrom(tx)
    .selectAll('recuperation_batches')
    .select(['p.title', 'p.destination', 'p.region', 'p.price_fen', 'p.days', 'p.includes', 'p.center_name', 'orgs.name as provider_name']);
}
type BatchRow = Awaited<ReturnType<ReturnType<typeof batchesQuery>['executeTakeFirstOrThrow']>>;
export const batchBase = (r: BatchRow) => ({
  id: r.id,
  productId: r.product_id,
  title: r.title,
  destination: r.destination,
  region: r.region,
  priceFen: r.price_fen,
  providerOrgId: r.org_id,
  providerName: r.provider_name,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  places: r.places,
  openToPartners: r.open_to_partners === 1,
});

const countOf = (status: string) =>
  sql<number>`(select count(*) from recuperation_applications a where a.batch_id = recuperation_batches.id and a.status ${status === 'approved' ? sql`= 'approved'` : sql`in ('pending', 'waitlisted')`})`;

export async function listBatches(deps: Deps, caller: Caller, query: z.infer<typeof batchListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  let q = batchesFrom(deps.db).where(readableBatches(caller.scope));
  if (query.orgId) q = q.where(inSubtree('recuperation_batches.org_id', query.orgId));
  if (query.productId) q = q.where('recuperation_batches.product_id', '=', query.productId);
  const { rows, total } = await paginate(q, query, (b) =>
    b
      .selectAll('recuperation_batches')
      .select(['p.title', 'p.destination', 'p.region', 'p.price_fen', 'p.days', 'p.includes', 'p.center_name', 'orgs.name as provider_name'])
      .select([countOf('approved').as('approved'), countOf('waiting').as('waiting')])
      .orderBy('recuperation_batches.starts_on', 'desc')
      .orderBy('recuperation_batches.id', 'desc'),
  );
  return { items: rows.map((r) => ({ ...batchBase(r), approved: Number(r.approved), waiting: Number(r.waiting) })), total };
}

export async function getBatch(deps: Deps, caller: Caller, id: number) {
  const row = await batchesQuery(deps.db)
    .select([countOf('approved').as('approved'), countOf('waiting').as('waiting')])
    .where('recuperation_batches.id', '=', id)
    .where(readableBatches(caller.scope))
    .executeTakeFirst();
  if (!row) throw notFound('recuperation_batch');
  // the quotas the caller may see: those of orgs in scope, and the provider's root when it is in scope
  const quotas = await deps.db
    .selectFrom('recuperation_quotas as q')
    .innerJoin('orgs', 'orgs.id', 'q.org_id')
    .innerJoin('seat_pools as s', 's.id', 'q.seat_pool_id')
    .select(['q.id', 'q.org_id', 'orgs.name', 'q.parent_id', 'q.places', 's.taken'])
    .select(sql<number>`(select count(*) from recuperation_applications a where a.quota_id = q.id and a.status = 'approved')`.as('approved'))
    .select(sql<number>`case when q.org_id in (select descendant_id from org_closure where ancestor_id = ${row.org_id}) then 0 else 1 end`.as('partner'))
    .where('q.batch_id', '=', id)
    .where(inScope('q.org_id', caller.scope))
    .orderBy('q.id')
    .execute();
  return {
    ...batchBase(row),
    approved: Number(row.approved),
    waiting: Number(row.waiting),
    quotas: quotas.map((q) => ({ id: q.id, orgId: q.org_id, orgName: q.name, parentId: q.parent_id, places: q.places, taken: q.taken, approved: Number(q.approved), partner: Number(q.partner) === 1 })),
  };
}

// ---- agreements ----

export async function createAgreement(deps: Deps, caller: Caller, input: z.infer<typeof createAgreementBody>) {
  if (input.validUntil < input.signedOn) throw fieldError('validUntil', 'recuperation_valid_until');
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    if (input.orgId === input.partnerOrgId) throw refused('recuperation_agreement_self');
    const partner = await tx.selectFrom('orgs').select(['id', 'kind']).where('id', '=', input.partnerOrgId).where('status', '=', 'active').executeTakeFirst();
    if (!partner) throw fieldError('partnerOrgId', 'not_blank');
    const { id } = await tx
      .insertInto('cooperation_agreements')
      .values({ org_id: input.orgId, partner_org_id: input.partnerOrgId, signed_on: input.signedOn, valid_until: input.validUntil, note: input.note, created_by: caller.actor.userId, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'cooperation_agreement.create', entity: 'cooperation_agreement', entityId: id, orgId: input.orgId, after: input });
    return { id };
  });
}

export async function listAgreements(deps: Deps, caller: Caller, query: z.infer<typeof agreementListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  let q = deps.db.selectFrom('cooperation_agreements').where(readableAgreements(caller.scope));
  if (query.orgId) q = q.where((eb) => eb.or([eb('cooperation_agreements.org_id', '=', query.orgId!), eb('cooperation_agreements.partner_org_id', '=', query.orgId!)]));
  const day = today(deps);
  const { rows, total } = await paginate(q, query, (b) =>
    b
      .innerJoin('orgs as o', 'o.id', 'cooperation_agreements.org_id')
      .innerJoin('orgs as p', 'p.id', 'cooperation_agreements.partner_org_id')
      .selectAll('cooperation_agreements')
      .select(['o.name as org_name', 'p.name as partner_name'])
      .orderBy('cooperation_agreements.signed_on', 'desc')
      .orderBy('cooperation_agreements.id', 'desc'),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      partnerOrgId: r.partner_org_id,
      partnerName: r.partner_name,
      signedOn: r.signed_on,
      validUntil: r.valid_until,
      valid: agreementValidOn(r, day),
      note: r.note,
    })),
    total,
  };
}

/** Whether two orgs hold an agreement in force on `day` (either side may have signed it). */
export async function agreementInForce(tx: Tx, a: number, b: number, day: string): Promise<boolean> {
  const row = await tx
    .selectFrom('cooperation_agreements')
    .select('id')
    .where((eb) => eb.or([eb.and([eb('org_id', '=', a), eb('partner_org_id', '=', b)]), eb.and([eb('org_id', '=', b), eb('partner_org_id', '=', a)])]))
    .where('signed_on', '<=', day)
    .where('valid_until', '>=', day)
    .executeTakeFirst();
  return !!row;
}

// ---- quotas ----

/**
 * Places of a batch handed down one level: from the quota of the receiving org's parent, or — for a
 * partner federation with an agreement in force, when the batch is open to partners — from the
 * provider's own places. The caller acts for the giver. The places are taken from the giver's seat
 * pool in one conditional update, so the quotas a level gives never exceed its own, however many
 * cadres hand them out at once.
 */
export async function createQuota(deps: Deps, caller: Caller, input: z.infer<typeof createQuotaBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const batch = await tx.selectFrom('recuperation_batches').selectAll().where('id', '=', input.batchId).where(readableBatches(caller.scope)).executeTakeFirst();
    if (!batch) throw notFound('recuperation_batch');
    const org = await tx.selectFrom('orgs').select(['id', 'parent_id']).where('id', '=', input.orgId).where('status', '=', 'active').executeTakeFirst();
    if (!org) throw notFound('org');
    const quotaOf = (orgId: number) =>
      tx.selectFrom('recuperation_quotas as q').innerJoin('seat_pools as s', 's.id', 'q.seat_pool_id').select(['q.id', 'q.org_id', 'q.seat_pool_id', 's.capacity', 's.taken']).where('q.batch_id', '=', batch.id).where('q.org_id', '=', orgId).executeTakeFirst();
    let parent = org.parent_id === null ? undefined : await quotaOf(org.parent_id);
    if (!parent) {
      if (!batch.open_to_partners || !(await agreementInForce(tx, batch.org_id, org.id, today(deps)))) {
        throw refused(org.parent_id !== null && (await isInside(tx, batch.org_id, org.id)) ? 'recuperation_parent_no_quota' : 'recuperation_not_partner');
      }
      parent = (await quotaOf(batch.org_id))!;
    }
    await requireOrgInScope(tx, caller.scope, parent.org_id);
    if (await quotaOf(org.id)) throw conflict('recuperation_quota_exists');
    refuse(checkQuotaFits(input.places, parent.capacity - parent.taken));
    if (!(await takeSeats(tx, parent.seat_pool_id, input.places))) {
      const now = await tx.selectFrom('seat_pools').select(['capacity', 'taken']).where('id', '=', parent.seat_pool_id).executeTakeFirstOrThrow();
      throw refused('recuperation_quota_exceeded', { places: input.places, free: now.capacity - now.taken });
    }
    const pool = await createSeatPool(tx, input.places);
    let id: number;
    try {
      ({ id } = await tx
        .insertInto('recuperation_quotas')
        .values({ batch_id: batch.id, org_id: org.id, parent_id: parent.id, places: input.places, seat_pool_id: pool, created_by: caller.actor.userId, created_at: caller.actor.now })
        .returning('id')
        .executeTakeFirstOrThrow());
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('recuperation_quota_exists');
      throw e;
    }
    await audit(tx, caller.actor, { action: 'recuperation_quota.create', entity: 'recuperation_quota', entityId: id, orgId: org.id, after: input });
    return { id };
  });
}

async function isInside(tx: Tx, ancestor: number, orgId: number) {
  return !!(await tx.selectFrom('org_closure').select('depth').where('ancestor_id', '=', ancestor).where('descendant_id', '=', orgId).executeTakeFirst());
}
