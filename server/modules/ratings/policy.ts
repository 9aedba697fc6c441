import type { Expression, SqlBool } from 'kysely';
import type { SessionUser } from '../../platform/context.ts';
import { holds, inScope, writeScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of ratings: cadres and viewers see the ratings of the unions in their scope
 * (rating.read); the rated union's cadres submit its self-assessment (rating.write on it), and
 * only the union above — whoever holds rating.write over the reviewer org, the rated union's
 * parent — reviews, publicizes, names and re-checks it.
 */
export const readableRatings = (scope: Scope): Expression<SqlBool> => inScope('ratings.org_id', scope);
export const reviewableRatings = (scope: Scope): Expression<SqlBool> => inScope('ratings.reviewer_org_id', scope);

/** 1 where the caller may review the rating (the filter of the review routes), as `reviews`. */
export const reviewerColumn = (user: SessionUser | null | undefined) => holds(reviewableRatings(writeScope(user, 'rating.write'))).as('reviews');
