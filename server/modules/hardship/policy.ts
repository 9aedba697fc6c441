import type { Expression, SqlBool } from 'kysely';
import { inScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of hardship aid, in one place: cadres and viewers list the register and the ledger
 * of the unions in their scope (hardship.read) — never the income; cadres open a file (its income,
 * audited), re-check it, pay aid and run campaigns (hardship.write). A member sees their own
 * household's file status and the aid it received.
 */
export const readableFiles = (scope: Scope): Expression<SqlBool> => inScope('hardship_files.org_id', scope);
/** aid by the household's union (the ledger joins the file as `f`) */
export const readableAids = (scope: Scope): Expression<SqlBool> => inScope('f.org_id', scope);
export const readableCampaigns = (scope: Scope): Expression<SqlBool> => inScope('hardship_campaigns.org_id', scope);
export const readableRechecks = (scope: Scope): Expression<SqlBool> => inScope('hardship_rechecks.org_id', scope);
