import type { Expression, SqlBool } from 'kysely';
import { inScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of youth socials: cadres and viewers the settings and counts of the socials of
 * their scope (social.read), cadres set them (social.write) — never who picked whom; an attendee
 * their own picks, and the contact of a pick only when it is mutual.
 */
export const readableSocials = (scope: Scope): Expression<SqlBool> => inScope('activities.org_id', scope);
