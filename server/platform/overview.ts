import type { z } from 'zod';
import type { Permission } from './access.ts';
import type { Deps } from './context.ts';

/**
 * The data screen's figures (数据大屏, `overview`): each module that has something to show on the
 * federation's wall declares a section in `defineModule({ overview })`; `GET /api/orgs/{id}/overview`
 * runs every section the caller may read over that org and answers them in one JSON. A section is
 * computed over the org's whole subtree from indexed counts (the trigger-kept member counters, the
 * closure table, per-org indexes), never by loading the roll: the whole answer must stay ≤ 50 ms at a
 * million members (bench/README.md).
 */
export interface OverviewSection<S extends z.ZodType = z.ZodType> {
  /** Shown to holders of this permission over the org (a cadre's scope reaching it); left out for the rest. */
  permission: Permission;
  /** Its JSON, as the route's response schema describes it (and the web's generated types read it). */
  schema: S;
  /** The section's figures over the org's whole subtree; the org is already checked in the caller's scope. */
  read(deps: Deps, orgId: number): Promise<z.infer<S>>;
}

/** Declares one section with its schema and reader checked against each other. */
export function overviewSection<S extends z.ZodType>(section: OverviewSection<S>): OverviewSection {
  return section as unknown as OverviewSection;
}

const registry = new Map<string, { section: OverviewSection; owner: string }>();

/** Adds a module's overview sections; the same section name from two modules is a startup error. */
export function registerOverview(owner: string, sections: Record<string, OverviewSection>): void {
  for (const [name, section] of Object.entries(sections)) {
    const known = registry.get(name);
    if (known && known.owner !== owner) throw new Error(`overview section "${name}" of ${owner} is already registered by ${known.owner}`);
    registry.set(name, { section, owner });
  }
}

/** Every registered section, in module order. */
export function overviewSections(): [string, OverviewSection][] {
  return [...registry].map(([name, { section }]) => [name, section]);
}

/**
 * A rate in percent with one decimal, as the console, the data screen and the exports show it
 * (建会率, 入会率, participation); null when there is nothing to divide by.
 */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null;
}
