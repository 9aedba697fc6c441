import type { Expression, SqlBool } from 'kysely';
import { inChainOf, inScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of co-building: cadres and viewers see the partners and list items of the orgs in
 * their scope (cobuilding.read); cadres publish, claim for the union, rate and manage partners
 * (cobuilding.write). A partner's contact (role `partner_contact`, linked in `partner_contacts`)
 * sees the items of its partner's org chain — the union it signed with and the federations above —
 * and acts for its partner only.
 */
export const readablePartners = (scope: Scope): Expression<SqlBool> => inScope('partners.org_id', scope);
export const readableItems = (scope: Scope): Expression<SqlBool> => inScope('list_items.org_id', scope);
/** Items a partner linked to `partnerOrgId` sees on its board. */
export const itemsOfPartnerChain = (partnerOrgId: number): Expression<SqlBool> => inChainOf('list_items.org_id', partnerOrgId);
