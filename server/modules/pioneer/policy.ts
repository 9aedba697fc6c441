import { sql, type Expression, type SqlBool } from 'kysely';
import { holds, inScope, scopeFor, writeScope, type Scope } from '../../platform/access.ts';
import type { Caller } from '../../platform/context.ts';

/**
 * Who may see what in the Workers' Pioneer module, in one place (after hitobito's readables): each
 * function answers a SQL filter that every list and every lookup of its kind adds to its `where`,
 * so the database leaves out what the caller may not see and an id outside it answers 404, exactly
 * like one that does not exist. The filters name their tables by these aliases, which the queries
 * use throughout the module:
 *
 *   camp  pioneer_campaigns      cand  pioneer_candidates      a  pioneer_assignments
 *   s     pioneer_standards      t     pioneer_titles          enterprises (unaliased)
 *
 * The people: cadres by scope — over the federation that opened a campaign they manage it; below
 * it they take part, seeing the campaign and their own unions' candidates; judges by assignment —
 * their own sheets, and the evidence of the candidates they mark; anyone at all — a campaign's public
 * notice while it is in publicity, and a candidate once it stood on one (to object to it).
 */

/** Whom a filter is for: the scope of the route's permission (or a part of it), and the user behind it. */
export interface Reader {
  scope: Scope;
  user?: Caller['user'];
}

/** `column`, an org id, is a federation whose campaigns a cadre of `scope` manages or takes part in. */
function campaignOrgReadable(column: string, scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  if (scope.roots.length === 0) return sql<SqlBool>`1 = 0`;
  const ancestors = sql`(select ancestor_id from org_closure where descendant_id in (${sql.join(scope.roots)}))`;
  return sql<SqlBool>`(${inScope(column, scope)} or ${sql.ref(column)} in ${ancestors})`;
}

/** `camp`: campaigns the caller manages (its federation in scope) or takes part in (a federation above the scope). */
export const readableCampaigns = (reader: Reader) => campaignOrgReadable('camp.org_id', reader.scope);

/** `camp`: campaigns the caller manages: opened by a federation in the caller's scope. */
export const managedCampaigns = (reader: Reader) => inScope('camp.org_id', reader.scope);

/** `camp`: 1 where the caller manages the campaign with pioneer.write — what its transitions require — else 0, as `managed`. */
export const campaignManaged = (reader: Reader) => holds(managedCampaigns({ scope: writeScope(reader.user, 'pioneer.write') })).as('managed');

/** `s`: the built-in standards, and the own versions of federations whose campaigns the caller sees. */
export const readableStandards = (reader: Reader): Expression<SqlBool> => sql<SqlBool>`(s.org_id is null or ${campaignOrgReadable('s.org_id', reader.scope)})`;

/** `cand` joined to its `camp`: the campaign's managers see every candidate; cadres below, their own unions'. */
export function readableCandidates(reader: Reader): Expression<SqlBool> {
  if (reader.scope.all) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${inScope('cand.org_id', reader.scope)} or ${managedCampaigns(reader)})`;
}

/**
 * `cand` joined to its `camp`: candidates that stood on a public notice (proposed during publicity,
 * named or not named after it). Anyone logged in may object to one while its publicity runs.
 */
export const publicCandidates = (): Expression<SqlBool> =>
  sql<SqlBool>`(camp.status in ('publicity', 'named') and cand.status in ('nominated', 'named', 'not_named'))`;

/** `camp`: campaigns whose public notice (公示) is up: anyone, logged in or not, may read it. */
export const publicCampaigns = (): Expression<SqlBool> => sql<SqlBool>`camp.status = 'publicity'`;

/** `a`: a judge's own assignments, whatever grants they also hold. */
export const ownAssignments = (reader: Reader): Expression<SqlBool> => sql<SqlBool>`a.judge_id = ${reader.user?.id ?? 0}`;

/**
 * `cand` joined to its `camp`: candidates whose evidence the caller may download — those a cadre
 * with `pioneer.read` sees (the route itself is open to anyone logged in, for judges), and those the
 * caller is assigned to judge.
 */
export function readableEvidence(reader: Reader): Expression<SqlBool> {
  const cadre = readableCandidates({ ...reader, scope: scopeFor(reader.user?.grants ?? [], 'pioneer.read') });
  const judge = sql<SqlBool>`exists (select 1 from pioneer_assignments a where a.candidate_id = cand.id and ${ownAssignments(reader)})`;
  return sql<SqlBool>`(${cadre} or ${judge})`;
}

/** `t`: titles of teams whose union (when the title was given) lies in the caller's scope. */
export const readableTitles = (reader: Reader) => inScope('t.org_id', reader.scope);

/** `enterprises`: enterprises (and so their teams and incidents) under unions in the caller's scope. */
export const readableEnterprises = (reader: Reader) => inScope('enterprises.org_id', reader.scope);
