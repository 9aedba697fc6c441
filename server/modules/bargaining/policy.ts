import type { Expression, SqlBool } from 'kysely';
import type { SessionUser } from '../../platform/context.ts';
import { holds, inScope, writeScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of bargaining, in one place: cadres and viewers see the rounds of the unions in
 * their scope (bargaining.read), cadres run them (bargaining.write); a member sees, on the phone,
 * the rounds covering the enterprise they work at (rounds.ts `coveringMember`).
 */
export const readableRounds = (scope: Scope): Expression<SqlBool> => inScope('bargaining_rounds.org_id', scope);

/** 1 where the caller may run the round (the filter of the write routes), as `writes`. */
export const writableRound = (user: SessionUser | null | undefined) => holds(readableRounds(writeScope(user, 'bargaining.write'))).as('writes');
