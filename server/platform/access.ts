import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from './errors.ts';

/**
 * The one access layer. Every route declares what it needs (see RouteAccess); a grant
 * (user, role, org) gives its role's permissions over the org's whole subtree. Scope is applied as
 * a SQL filter (`inScope`), never by checking rows one by one.
 *
 * Permissions belong to modules: each module's definition lists its permissions and the roles
 * that hold them (`platform/module.ts` registers them here), and its `declare module` adds their
 * names to `Permission`. The platform admin holds every permission everywhere. A `card_verifier`
 * (核验员: a partner merchant's or venue's account) holds only what lets it check members' e-cards.
 * A `legal_aid` (律师/调解员: a lawyer or mediator working with the union) holds no permission:
 * the rights module shows them only the cases assigned to them.
 * A `partner_contact` (共建单位联系人) holds no permission from the table: it is granted on the org its
 * co-building partner is linked to, and the cobuilding module lets it publish and claim list items
 * for that partner only (cobuilding's `partner_contacts` names the partner).
 */
export const roles = ['admin', 'cadre', 'viewer', 'card_verifier', 'judge', 'legal_aid', 'member', 'partner_contact'] as const;
export type Role = (typeof roles)[number];

/** Every permission's name; modules add theirs by declaration merging (see a module's module.ts). */
export interface PermissionRegistry {}
export type Permission = Extract<keyof PermissionRegistry, string>;

/** A module's permissions: each with the roles (besides admin) that hold it, in the order listed. */
export type PermissionDefs = Record<string, readonly Exclude<Role, 'admin'>[]>;

const holders = new Map<Permission, { roles: ReadonlySet<Role>; owner: string }>();

/** Adds a module's permissions; a name another module already registered is a startup error. */
export function registerPermissions(owner: string, defs: PermissionDefs): void {
  for (const [name, holding] of Object.entries(defs)) {
    const known = holders.get(name as Permission);
    if (known && known.owner !== owner) throw new Error(`permission "${name}" of ${owner} is already registered by ${known.owner}`);
    holders.set(name as Permission, { roles: new Set<Role>(['admin', ...holding]), owner });
  }
}

/** Every registered permission, in module order. */
export function permissions(): Permission[] {
  return [...holders.keys()];
}

/** The module that registered a permission. */
export function permissionOwner(permission: Permission): string | undefined {
  return holders.get(permission)?.owner;
}

export function isPermission(name: string): name is Permission {
  return holders.has(name as Permission);
}

/** What a role may do over the subtree of the org it is granted on. */
export function rolePermissions(role: Role): Permission[] {
  return permissions().filter((p) => holders.get(p)!.roles.has(role));
}

/** public: anyone; authenticated: any logged-in user (own records only); else a permission. */
export type RouteAccess = 'public' | 'authenticated' | Permission;

export interface Grant {
  id: number;
  role: Role;
  /** null for the platform-wide admin role */
  orgId: number | null;
}

/** The orgs whose subtrees a caller may act on for one permission; `all` for platform admins. */
export interface Scope {
  all: boolean;
  roots: number[];
}

export const noScope: Scope = { all: false, roots: [] };
/** Every org: for reading back a row the same transaction just checked and wrote. */
export const everywhere: Scope = { all: true, roots: [] };
/** One org's whole subtree, as if the caller were granted there (an org already checked in scope). */
export const subtreeScope = (orgId: number): Scope => ({ all: false, roots: [orgId] });

export function scopeFor(grants: Grant[], permission: Permission): Scope {
  if (grants.some((g) => g.role === 'admin')) return { all: true, roots: [] };
  const roots = grants.filter((g) => g.orgId !== null && holders.get(permission)?.roles.has(g.role)).map((g) => g.orgId as number);
  return { all: false, roots: [...new Set(roots)] };
}

export function hasAny(scope: Scope): boolean {
  return scope.all || scope.roots.length > 0;
}

/**
 * SQL filter: `column` (an org id) lies in the caller's scope. Compiles to
 * `column IN (SELECT descendant_id FROM org_closure WHERE ancestor_id IN (...roots))`.
 */
export function inScope(column: Expression<number | null> | string, scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  if (scope.roots.length === 0) return sql<SqlBool>`1 = 0`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`${ref} in (select descendant_id from org_closure where ancestor_id in (${sql.join(scope.roots)}))`;
}

/**
 * A filter as a 0/1 column: per row, whether the filter a write route applies would let the caller
 * through. Answers use it to list the `actions` a caller may take on each record, from the very
 * filter the route guards with (e.g. `holds(readableByCadre(scopeFor(grants, 'x.write')))`).
 */
export const holds = (filter: Expression<SqlBool>) => sql<number>`case when ${filter} then 1 else 0 end`;

/** The scope of a write permission of the caller, whatever route they called: what `actions` are computed over. */
export const writeScope = (user: { grants: Grant[] } | null | undefined, permission: Permission): Scope => (user ? scopeFor(user.grants, permission) : noScope);

/**
 * SQL filter: `column` lies in the subtree of one org (a list narrowed to an org the caller
 * picked; check that org against the caller's scope first with `requireOrgInScope`).
 */
export function inSubtree(column: Expression<number | null> | string, orgId: number): Expression<SqlBool> {
  return inScope(column, subtreeScope(orgId));
}

/**
 * SQL filter: `column` (an org id) is `orgId` itself or one of its ancestors: the unions whose
 * subtree-wide publications (activities, contests, news) reach a member of `orgId`.
 */
export function inChainOf(column: string, orgId: number): Expression<SqlBool> {
  return sql<SqlBool>`exists (select org_closure.ancestor_id from org_closure where org_closure.ancestor_id = ${sql.ref(column)} and org_closure.descendant_id = ${orgId})`;
}

/**
 * SQL filter: a publication's audience holds a person — it is open to all (`openColumn` = 1), or
 * it is published by a union of the chain of the person's membership (`memberOrgId`, null for a
 * worker who is not a member).
 */
export function inAudience(orgColumn: string, openColumn: string, memberOrgId: number | null): Expression<SqlBool> {
  const open = sql<SqlBool>`${sql.ref(openColumn)} = 1`;
  return memberOrgId === null ? open : sql<SqlBool>`(${open} or ${inChainOf(orgColumn, memberOrgId)})`;
}

/**
 * SQL filter on `orgs`: the tops of the scope — the tree's roots for a platform-wide scope, else
 * each granted org that no other granted org lies above (grants may nest: a street and a union
 * inside it). Their subtrees never overlap and together are the scope.
 */
export function isScopeTop(scope: Scope) {
  return (eb: ExpressionBuilder<DB, 'orgs'>): Expression<SqlBool> => {
    if (scope.all) return eb('orgs.parent_id', 'is', null);
    if (scope.roots.length === 0) return sql<SqlBool>`1 = 0`;
    return eb.and([
      eb('orgs.id', 'in', scope.roots),
      eb.not(
        eb.exists(
          eb
            .selectFrom('org_closure')
            .select('org_closure.ancestor_id')
            .whereRef('org_closure.descendant_id', '=', 'orgs.id')
            .where('org_closure.depth', '>', 0)
            .where('org_closure.ancestor_id', 'in', scope.roots),
        ),
      ),
    ]);
  };
}

/** Throws 404 unless the org exists and lies in scope (out of scope looks exactly like missing). */
export async function requireOrgInScope(tx: Tx, scope: Scope, orgId: number, entity = 'org'): Promise<void> {
  const row = await tx
    .selectFrom('orgs')
    .select('orgs.id')
    .where('orgs.id', '=', orgId)
    .where(inScope('orgs.id', scope))
    .executeTakeFirst();
  if (!row) throw notFound(entity);
}

/**
 * The orgs two scopes both reach, as a scope (a caller's scope for a list, narrowed to where they
 * also hold another permission). In a tree two subtrees overlap only when one root lies inside the
 * other's subtree, so the roots of the overlap are those roots of each lying under a root of the other.
 */
export async function scopeIntersection(tx: Tx, a: Scope, b: Scope): Promise<Scope> {
  if (a.all) return b;
  if (b.all) return a;
  if (a.roots.length === 0 || b.roots.length === 0) return noScope;
  const rows = await tx
    .selectFrom('org_closure')
    .select('org_closure.descendant_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('org_closure.ancestor_id', 'in', a.roots), eb('org_closure.descendant_id', 'in', b.roots)]),
        eb.and([eb('org_closure.ancestor_id', 'in', b.roots), eb('org_closure.descendant_id', 'in', a.roots)]),
      ]),
    )
    .execute();
  return { all: false, roots: [...new Set(rows.map((r) => r.descendant_id))] };
}

export function requireSome(scope: Scope): void {
  if (!hasAny(scope)) throw new AppError(403, 'forbidden');
}
