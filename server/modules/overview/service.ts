import { requireOrgInScope, scopeFor } from '../../platform/access.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { overviewSections } from '../../platform/overview.ts';
import { readingDeps } from '../../platform/replica.ts';

/**
 * The data screen of one org in the caller's scope (404 outside it, like every org route): every
 * registered section whose permission the caller holds over the org, read over its whole subtree.
 */
export async function orgOverview(primaryDeps: Deps, caller: Caller, orgId: number) {
  // Every figure may lag the primary a little: the whole screen reads from the replica when it can.
  const deps = readingDeps(primaryDeps, caller);
  await requireOrgInScope(deps.db, caller.scope, orgId);
  const [org, chain] = await Promise.all([
    deps.db.selectFrom('orgs').select('name').where('id', '=', orgId).executeTakeFirstOrThrow(),
    deps.db.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', orgId).execute(),
  ]);
  // A grant reaches the org when it sits on the org or any org above it.
  const above = new Set(chain.map((r) => r.ancestor_id));
  const grants = caller.user?.grants ?? [];
  const readable = overviewSections().filter(([, section]) => {
    const scope = scopeFor(grants, section.permission);
    return scope.all || scope.roots.some((root) => above.has(root));
  });
  const generatedAt = deps.clock().toISOString();
  const sections = await Promise.all(readable.map(async ([name, section]) => [name, await section.read(deps, orgId)] as const));
  return { orgId, orgName: org.name, generatedAt, figures: Object.fromEntries(sections) };
}
