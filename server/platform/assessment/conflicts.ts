/**
 * Judges' conflicts of interest (回避): a judge may not mark themself, nor a candidate of an
 * enterprise they belong to — by a member record there, or because their home union is that
 * enterprise's own union. The callers read the facts; this decides.
 */

export interface JudgeFacts {
  userId: number;
  /** enterprises where the judge has a current member record */
  enterpriseIds: readonly number[];
  /** the union the judge's account belongs to */
  homeOrgId: number | null;
}

export interface CandidateFacts {
  /** accounts that are the candidate (a competitor's own; none for a team) */
  userIds: readonly number[];
  enterpriseId: number | null;
  /** the candidate's enterprise's own (grassroots) union, when it has one */
  enterpriseUnionId: number | null;
}

export type Conflict = 'self' | 'own_enterprise';

export function conflictOfInterest(judge: JudgeFacts, candidate: CandidateFacts): Conflict | null {
  if (candidate.userIds.includes(judge.userId)) return 'self';
  if (candidate.enterpriseId !== null && judge.enterpriseIds.includes(candidate.enterpriseId)) return 'own_enterprise';
  if (candidate.enterpriseUnionId !== null && judge.homeOrgId === candidate.enterpriseUnionId) return 'own_enterprise';
  return null;
}
