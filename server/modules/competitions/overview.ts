import { sql } from 'kysely';
import { z } from 'zod';
import { today } from '../../platform/dates.ts';
import { overviewSection } from '../../platform/overview.ts';

export const competitionsOverviewView = z.object({
  year: z.number().int(),
  contests: z.number().int().describe('skill contests of this year organised over the org’s subtree'),
  events: z.number().int(),
  entries: z.number().int().describe('entries to them'),
  winners: z.number().int().describe('entries that won an award (published events)'),
});

/**
 * The data screen's skill contests section: this year's contests organised over the org's subtree,
 * their events, entries and award winners. The year's contests are few; each probes the closure's
 * primary key, their events and entries off their contest indexes.
 */
export const competitionsOverview = overviewSection({
  permission: 'competition.read',
  schema: competitionsOverviewView,
  async read(deps, orgId) {
    const year = Number(today(deps).slice(0, 4));
    const row = await deps.db
      .selectFrom('skill_contests as c')
      .innerJoin('org_closure', 'org_closure.descendant_id', 'c.org_id')
      .select([
        sql<number>`count(*)`.as('contests'),
        sql<number>`coalesce(sum((select count(*) from skill_contest_events e where e.contest_id = c.id)), 0)`.as('events'),
        sql<number>`coalesce(sum((select count(*) from skill_entries n where n.contest_id = c.id)), 0)`.as('entries'),
        sql<number>`coalesce(sum((select count(*) from skill_entries n where n.contest_id = c.id and n.award is not null)), 0)`.as('winners'),
      ])
      .where('org_closure.ancestor_id', '=', orgId)
      .where('c.year', '=', year)
      .executeTakeFirstOrThrow();
    return { year, contests: Number(row.contests), events: Number(row.events), entries: Number(row.entries), winners: Number(row.winners) };
  },
});
