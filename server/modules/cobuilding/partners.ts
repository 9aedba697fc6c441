import { sql } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refuse } from '../../platform/errors.ts';
import { exportList } from '../../platform/exports.ts';
import { paginate } from '../../platform/paging.ts';
import { maskPhone } from '../../platform/pii.ts';
import { insertAccountWithGrant } from '../accounts/index.ts';
import { exportTexts as t } from './messages.ts';
import { readablePartners } from './policy.ts';
import { checkAgreement } from './rules.ts';
import type { contactBody, partnerBody, partnerPatch, partnerExportQuery, partnerListQuery } from './schema.ts';

/** Co-building partners (共建单位): registered on an org by its cadres, with contact accounts that act for them. */

export async function createPartner(deps: Deps, caller: Caller, input: z.infer<typeof partnerBody>) {
  refuse(checkAgreement(input.agreementFrom ?? null, input.agreementUntil ?? null));
  return deps.db
    .transaction()
    .execute(async (tx) => {
      await requireOrgInScope(tx, caller.scope, input.orgId);
      if (input.uscc && (await tx.selectFrom('partners').select('id').where('org_id', '=', input.orgId).where('uscc', '=', input.uscc).executeTakeFirst())) throw conflict('partner_uscc_taken');
      const { id } = await tx
        .insertInto('partners')
        .values({
          org_id: input.orgId,
          name: input.name,
          uscc: input.uscc ?? null,
          kind: input.kind,
          contact_name: input.contactName ?? null,
          contact_phone_enc: input.contactPhone ? deps.pii.encrypt(input.contactPhone) : null,
          agreement_from: input.agreementFrom ?? null,
          agreement_until: input.agreementUntil ?? null,
          status: 'active',
          created_by: caller.actor.userId,
          created_at: caller.actor.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'partner.create', entity: 'partner', entityId: id, orgId: input.orgId, after: { ...input, contactPhone: input.contactPhone ? maskPhone(input.contactPhone) : null } });
      return { id };
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw conflict('partner_name_taken');
      throw err;
    });
}

/** Edits a partner's name, kind, credit code, contact and agreement dates (out of scope: 404). */
export async function updatePartner(deps: Deps, caller: Caller, id: number, input: z.infer<typeof partnerPatch>) {
  return deps.db
    .transaction()
    .execute(async (tx) => {
      const before = await tx.selectFrom('partners').selectAll().where('id', '=', id).where(readablePartners(caller.scope)).executeTakeFirst();
      if (!before) throw notFound('partner');
      const from = input.agreementFrom !== undefined ? input.agreementFrom : before.agreement_from;
      const until = input.agreementUntil !== undefined ? input.agreementUntil : before.agreement_until;
      refuse(checkAgreement(from ?? null, until ?? null));
      const uscc = input.uscc !== undefined ? input.uscc : before.uscc;
      if (uscc && uscc !== before.uscc && (await tx.selectFrom('partners').select('id').where('org_id', '=', before.org_id).where('uscc', '=', uscc).where('id', '<>', id).executeTakeFirst())) throw conflict('partner_uscc_taken');
      const set = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.uscc !== undefined ? { uscc: input.uscc ?? null } : {}),
        ...(input.contactName !== undefined ? { contact_name: input.contactName ?? null } : {}),
        ...(input.contactPhone !== undefined ? { contact_phone_enc: input.contactPhone ? deps.pii.encrypt(input.contactPhone) : null } : {}),
        agreement_from: from ?? null,
        agreement_until: until ?? null,
      };
      await tx.updateTable('partners').set(set).where('id', '=', id).execute();
      await audit(tx, caller.actor, { action: 'partner.update', entity: 'partner', entityId: id, orgId: before.org_id, after: { ...input, ...(input.contactPhone ? { contactPhone: maskPhone(input.contactPhone) } : {}) } });
      return { id };
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw conflict('partner_name_taken');
      throw err;
    });
}

const count = (body: ReturnType<typeof sql>) => sql<number | string>`(${body})`;

function partners(tx: Tx) {
  return tx
    .selectFrom('partners')
    .innerJoin('orgs', 'orgs.id', 'partners.org_id')
    .select([
      'partners.id',
      'partners.org_id',
      'orgs.name as org_name',
      'partners.name',
      'partners.uscc',
      'partners.kind',
      'partners.contact_name',
      'partners.contact_phone_enc',
      'partners.agreement_from',
      'partners.agreement_until',
    ])
    .select([
      count(sql`select count(*) from partner_contacts pc where pc.partner_id = partners.id`).as('contacts'),
      count(sql`select count(*) from list_items li where li.partner_id = partners.id`).as('published'),
      count(sql`select count(*) from list_item_claims c where c.partner_id = partners.id and c.status <> 'withdrawn'`).as('claimed'),
      count(sql`select count(*) from list_item_claims c where c.partner_id = partners.id and c.status = 'done'`).as('done'),
      sql<number | string | null>`(select avg(c.rating) from list_item_claims c where c.partner_id = partners.id and c.rating is not null)`.as('average_rating'),
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof partners>['executeTakeFirstOrThrow']>>;

const view = (deps: Deps) => (r: Row) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  name: r.name,
  uscc: r.uscc,
  kind: r.kind,
  contactName: r.contact_name,
  contactPhone: r.contact_phone_enc ? maskPhone(deps.pii.decrypt(r.contact_phone_enc)) : null,
  agreementFrom: r.agreement_from,
  agreementUntil: r.agreement_until,
  contacts: Number(r.contacts),
  published: Number(r.published),
  claimed: Number(r.claimed),
  done: Number(r.done),
  averageRating: r.average_rating === null ? null : Math.round(Number(r.average_rating) * 10) / 10,
});

function filtered(tx: Tx, scope: Scope, q: { orgId?: number; kind?: string; q?: string }) {
  let query = partners(tx).where(readablePartners(scope));
  if (q.orgId) query = query.where(inSubtree('partners.org_id', q.orgId));
  if (q.kind) query = query.where('partners.kind', '=', q.kind as never);
  if (q.q) query = query.where('partners.name', 'like', `%${q.q.replace(/[%_]/g, '')}%`);
  return query;
}

export async function listPartners(deps: Deps, caller: Caller, query: z.infer<typeof partnerListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filtered(deps.db, caller.scope, query), query, (q) => q.orderBy('partners.id', 'desc'));
  return { items: rows.map(view(deps)), total };
}

export async function exportPartners(deps: Deps, caller: Caller, query: z.infer<typeof partnerExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'partners',
    title: t.partners,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps.db, scope, filters),
    keyset: 'partners.id',
    columns: [
      { header: t.name, value: (r) => r.name, width: 30 },
      { header: t.uscc, value: (r) => r.uscc, text: true, width: 22 },
      { header: t.kind, value: (r, lang) => t[r.kind][lang] },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.contact, value: (r) => r.contact_name },
      { header: t.phone, value: (r) => (r.contact_phone_enc ? deps.pii.decrypt(r.contact_phone_enc) : null), pii: 'phone', width: 16 },
      { header: t.agreement, value: (r) => [r.agreement_from, r.agreement_until].filter(Boolean).join(' ~ ') || null, width: 24 },
      { header: t.published, value: (r) => Number(r.published) },
      { header: t.claimed, value: (r) => Number(r.claimed) },
      { header: t.done, value: (r) => Number(r.done) },
      { header: t.rating, value: (r) => (r.average_rating === null ? null : Math.round(Number(r.average_rating) * 10) / 10) },
    ],
  });
}

/** A contact account for a partner: a user with the `partner_contact` grant on the partner's org, linked to the partner. */
export async function createContact(deps: Deps, caller: Caller, partnerId: number, input: z.infer<typeof contactBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const p = await tx.selectFrom('partners').select(['id', 'org_id', 'name']).where('id', '=', partnerId).where(readablePartners(caller.scope)).executeTakeFirst();
    if (!p) throw notFound('partner');
    const userId = await insertAccountWithGrant(tx, deps, caller, { username: input.username, displayName: input.displayName, password: input.password, phone: input.phone ?? null, orgId: p.org_id, role: 'partner_contact' });
    await tx.insertInto('partner_contacts').values({ user_id: userId, partner_id: p.id, created_at: caller.actor.now }).execute();
    await audit(tx, caller.actor, { action: 'partner_contact.create', entity: 'partner', entityId: p.id, orgId: p.org_id, after: { userId, username: input.username } });
    return { id: userId };
  });
}

/** The partner an account acts for, if it is a partner's contact. */
export async function partnerOf(tx: Tx, userId: number) {
  return tx
    .selectFrom('partner_contacts')
    .innerJoin('partners', 'partners.id', 'partner_contacts.partner_id')
    .innerJoin('orgs', 'orgs.id', 'partners.org_id')
    .select(['partners.id', 'partners.name', 'partners.org_id', 'orgs.name as org_name'])
    .where('partner_contacts.user_id', '=', userId)
    .where('partners.status', '=', 'active')
    .executeTakeFirst();
}

export async function myPartner(deps: Deps, caller: Caller) {
  const p = await partnerOf(deps.db, caller.user!.id);
  return p ? { partnerId: p.id, partnerName: p.name, orgId: p.org_id, orgName: p.org_name } : null;
}
