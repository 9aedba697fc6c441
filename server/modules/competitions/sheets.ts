import type { Tx } from '../../db/database.ts';
import { conflictOfInterest, sheetTotals, type JudgeFacts } from '../../platform/assessment/index.ts';
import { schemeOf, type CriterionInput } from './rules.ts';

/**
 * The marking state of events, read in one go: each event's scheme, its judges (with what
 * conflicts of interest look at), its entries, and each judge's sheet per entry. A judge with a
 * conflict for an entry has no sheet for it; the others each owe a complete one.
 */

export interface JudgeRow extends JudgeFacts {
  id: number;
  name: string;
  chief: boolean;
}

export interface EntrySheets {
  id: number;
  memberId: number;
  memberName: string;
  userId: number | null;
  unionName: string;
  enterpriseName: string | null;
  finishedAt: string | null;
  score: number | null;
  rank: number | null;
  award: 'first' | 'second' | 'third' | null;
  /** judge user id → criterion index → value */
  sheets: Map<number, Map<number, number>>;
  /** judges (user ids) who may not mark it */
  conflicted: Set<number>;
  sheetsExpected: number;
  sheetsComplete: number;
  missingMarks: number;
  /** the complete sheets' totals (hundredths): the whole and its judgement part */
  totals: { total: number; judgement: number }[];
}

export interface EventState {
  criteria: CriterionInput[];
  judges: JudgeRow[];
  entries: EntrySheets[];
  missingMarks: number;
}

/** What conflicts of interest look at for a set of users: their current member records' enterprises and their home union. */
export async function judgeFacts(tx: Tx, userIds: number[]): Promise<Map<number, JudgeFacts>> {
  if (userIds.length === 0) return new Map();
  const [users, members] = await Promise.all([
    tx.selectFrom('users').select(['id', 'home_org_id']).where('id', 'in', userIds).execute(),
    tx.selectFrom('members').select(['user_id', 'enterprise_id']).where('user_id', 'in', userIds).where('status', '!=', 'left').execute(),
  ]);
  return new Map(
    users.map((u) => [u.id, { userId: u.id, homeOrgId: u.home_org_id, enterpriseIds: members.filter((m) => m.user_id === u.id && m.enterprise_id !== null).map((m) => m.enterprise_id!) }]),
  );
}

/** An entry as conflicts of interest see it: its competitor's account, enterprise and, when the union is the enterprise's own, that union. */
export const candidateFacts = (e: { user_id: number | null; enterprise_id: number | null; org_id: number; union_kind: string }) => ({
  userIds: e.user_id === null ? [] : [e.user_id],
  enterpriseId: e.enterprise_id,
  enterpriseUnionId: e.union_kind === 'grassroots_union' ? e.org_id : null,
});

export async function eventSheets(tx: Tx, eventIds: number[]): Promise<Map<number, EventState>> {
  const out = new Map<number, EventState>();
  if (eventIds.length === 0) return out;
  const [events, judges, entries, marks] = await Promise.all([
    tx.selectFrom('skill_contest_events').select(['id', 'criteria']).where('id', 'in', eventIds).execute(),
    tx
      .selectFrom('skill_judges')
      .innerJoin('users', 'users.id', 'skill_judges.user_id')
      .select(['skill_judges.id', 'skill_judges.event_id', 'skill_judges.user_id', 'skill_judges.chief', 'users.display_name'])
      .where('skill_judges.event_id', 'in', eventIds)
      .orderBy('skill_judges.id')
      .execute(),
    tx
      .selectFrom('skill_entries as n')
      .innerJoin('members', 'members.id', 'n.member_id')
      .innerJoin('orgs as u', 'u.id', 'n.org_id')
      .leftJoin('enterprises', 'enterprises.id', 'n.enterprise_id')
      .select([
        'n.id', 'n.event_id', 'n.member_id', 'n.user_id', 'n.org_id', 'n.enterprise_id', 'n.finished_at', 'n.score', 'n.rank', 'n.award',
        'members.name as member_name', 'u.name as union_name', 'u.kind as union_kind', 'enterprises.name as enterprise_name',
      ])
      .where('n.event_id', 'in', eventIds)
      .orderBy('n.id')
      .execute(),
    tx
      .selectFrom('skill_marks')
      .innerJoin('skill_entries as n', 'n.id', 'skill_marks.entry_id')
      .select(['skill_marks.entry_id', 'skill_marks.judge_id', 'skill_marks.criterion_index', 'skill_marks.value'])
      .where('n.event_id', 'in', eventIds)
      .execute(),
  ]);
  const facts = await judgeFacts(tx, [...new Set(judges.map((j) => j.user_id))]);
  for (const ev of events) {
    const criteria = JSON.parse(ev.criteria) as CriterionInput[];
    const scheme = schemeOf(criteria);
    const own = judges.filter((j) => j.event_id === ev.id).map((j) => ({ ...facts.get(j.user_id)!, id: j.id, name: j.display_name, chief: j.chief === 1 }));
    let missing = 0;
    const rows = entries
      .filter((n) => n.event_id === ev.id)
      .map((n): EntrySheets => {
        const cand = candidateFacts(n);
        const conflicted = new Set(own.filter((j) => conflictOfInterest(j, cand) !== null).map((j) => j.userId));
        const sheets = new Map<number, Map<number, number>>();
        for (const m of marks.filter((m) => m.entry_id === n.id)) {
          if (!sheets.has(m.judge_id)) sheets.set(m.judge_id, new Map());
          sheets.get(m.judge_id)!.set(m.criterion_index, m.value);
        }
        const expected = own.filter((j) => !conflicted.has(j.userId));
        const totals = expected.map((j) => sheetTotals(scheme, sheets.get(j.userId) ?? new Map())).filter((x) => x !== null);
        // Every judge without a conflict owes a complete sheet; an entry nobody may mark still owes one.
        const owed = expected.length === 0 ? criteria.length : expected.reduce((s, j) => s + criteria.filter((_, i) => !sheets.get(j.userId)?.has(i)).length, 0);
        missing += owed;
        return {
          id: n.id,
          memberId: n.member_id,
          memberName: n.member_name,
          userId: n.user_id,
          unionName: n.union_name,
          enterpriseName: n.enterprise_name,
          finishedAt: n.finished_at,
          score: n.score,
          rank: n.rank,
          award: n.award,
          sheets,
          conflicted,
          sheetsExpected: expected.length,
          sheetsComplete: totals.length,
          missingMarks: owed,
          totals,
        };
      });
    out.set(ev.id, { criteria, judges: own, entries: rows, missingMarks: missing });
  }
  return out;
}
