import type { Expression, SqlBool } from 'kysely';
import { inScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of fundraising: cadres and viewers see the fundraisers of the orgs in their scope
 * and their full ledger (fundraiser.read); cadres open fundraisers and record donations and
 * disbursements (fundraiser.write). Anyone, logged in or not, reads the public ledger, which names
 * a donor only when they agreed and never a recipient.
 */
export const readableFundraisers = (scope: Scope): Expression<SqlBool> => inScope('fundraisers.org_id', scope);
export const readableEntries = (scope: Scope): Expression<SqlBool> => inScope('fundraiser_entries.org_id', scope);
