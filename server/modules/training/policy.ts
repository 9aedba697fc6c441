import type { Expression, SqlBool } from 'kysely';
import { inChainOf, inScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of training: cadres and viewers the courses of their scope with their enrolments
 * (training.read), cadres create and complete them (training.write); a member the courses of their
 * union's chain, and only their own enrolments and record.
 */
export const readableCourses = (scope: Scope): Expression<SqlBool> => inScope('courses.org_id', scope);
export const coursesOfMember = (memberOrgId: number): Expression<SqlBool> => inChainOf('courses.org_id', memberOrgId);
export const readableEnrolments = (scope: Scope): Expression<SqlBool> => inScope('course_enrolments.org_id', scope);
