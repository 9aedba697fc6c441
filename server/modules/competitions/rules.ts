import type { Refusal } from '../../platform/errors.ts';
import {
  ageOn,
  checkSheet,
  checkTransition,
  earlierFirst,
  higherFirst,
  transitionsFrom,
  weightsSum,
  type AwardGrade,
  type AwardRule,
  type FieldProblem,
  type SchemeCriterion,
  type TieBreak,
  type Transition,
} from '../../platform/assessment/index.ts';

/**
 * Skill competitions (技能竞赛) rules, on the shared assessment mechanism (platform/assessment).
 * Pure: no I/O. Every number with its source; a federation whose rules differ sets its own on the
 * contest or the event (award rule, age limit, level-up awards), these are the defaults.
 */

/**
 * Judgement marks: each judge 0–3 — WorldSkills' judgement scale (WorldSkills Competition Rules
 * and its Marking Scheme guide: 0 below industry standard, 1 meets it, 2 meets and exceeds it in
 * some respects, 3 excellent), scaled to the criterion's weight.
 */
export const JUDGEMENT_SCALE = { min: 0, max: 3 } as const;

/**
 * Default awards by share of an event's ranked entries: 一等奖 10 %, 二等奖 20 %, 三等奖 30 % — the
 * proportions of the 全国职业院校技能大赛 (制度汇编: 奖项设置, "一、二、三等奖分别按参赛选手数的
 * 10%、20%、30% 设定"), which most local skill contests copy. Shares round half up.
 */
export const DEFAULT_AWARD_RULE: AwardRule = { by: 'share', first: 10, second: 20, third: 30 };

/**
 * The age limit of the seed's contest: 永康's 匠人新秀 is for young workers, at most 35 years old
 * (the seed, /work/shared/seed/union-newspaper-page; 35 is also the 共青团 and 人社部 "青年技能人才"
 * line). An event without maxAge has no limit.
 */
export const YOUNG_CRAFTSMAN_MAX_AGE = 35;

/**
 * "Winners may be recognised one level up" (获奖选手可晋升一级职业技能等级): 人社部《关于健全完善新时代技能人才
 * 职业技能等级制度的意见（试行）》(人社部发〔2022〕14号) lets competition winners be recognised one level
 * above the level the event was held at. Off unless the contest lists the awards it applies to
 * (`levelUpAwards`); an event recognises only when it states the level it was held at.
 */
export const LEVELS_UP = 1;
/** The top level (一级/高级技师): nobody is recognised above it. */
export const TOP_LEVEL = 1;

/** Aggregation of the judges' totals: the mean; trimmed from five judges up when the contest asks. */
export const DEFAULT_AGGREGATION = 'mean' as const;

export const awardNames: Record<AwardGrade, string> = { first: '一等奖', second: '二等奖', third: '三等奖' };

// ---------- marking schemes ----------

export interface CriterionInput {
  name: string;
  weight: number;
  kind: 'measurement' | 'judgement';
  /** measurement only: the max marks, the weight when not given */
  maxMarks?: number | null;
}

/** A criterion as marking sees it: judgement criteria run on the 0–3 scale. */
export const schemeOf = (criteria: readonly CriterionInput[]): SchemeCriterion[] =>
  criteria.map((c) => ({ kind: c.kind, weight: c.weight, max: c.kind === 'judgement' ? JUDGEMENT_SCALE.max : (c.maxMarks ?? c.weight) }));

/** Field problems of a new contest's events: the weights of each event sum to 100; the window in order. */
export function checkContest(c: { registrationOpensAt: string; registrationClosesAt: string; events: { criteria: CriterionInput[] }[] }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.registrationClosesAt <= c.registrationOpensAt) problems.push({ field: 'registrationClosesAt', rule: 'competition_window_order' });
  c.events.forEach((e, i) => {
    const sum = weightsSum(e.criteria.map((x) => x.weight));
    if (sum !== null) problems.push({ field: `events.${i}.criteria`, rule: 'competition_weights_sum', params: { sum } });
  });
  return problems;
}

/** A judge's marks against the event's scheme: `marks.N.value` outside 0–3 (judgement) or 0..max (measurement). */
export function checkMarks(criteria: readonly CriterionInput[], marks: { criterionIndex: number; value: number }[]): FieldProblem[] {
  return checkSheet(schemeOf(criteria), marks).map((p) =>
    p.problem === 'not_a_criterion'
      ? { field: `marks.${p.index}.criterionIndex`, rule: 'competition_not_a_criterion' as const }
      : { field: `marks.${p.index}.value`, rule: 'competition_mark_range' as const, params: { min: p.min, max: p.max } },
  );
}

// ---------- entries ----------

export interface EntryFacts {
  now: string;
  opensAt: string;
  closesAt: string;
  /** the member's birth date, the contest's reference date, the event's limit */
  birthDate: string | null;
  referenceDate: string;
  maxAge: number | null;
}

/** May this member enter the event now? Inside the registration window, and not older than the event's limit on the reference date. */
export function checkEntry(f: EntryFacts): Refusal | null {
  if (f.now < f.opensAt || f.now >= f.closesAt) return { code: 'competition_registration_closed' };
  if (f.maxAge !== null && f.birthDate !== null) {
    const age = ageOn(f.birthDate, f.referenceDate);
    if (age > f.maxAge) return { code: 'competition_too_old', params: { maxAge: f.maxAge, age, date: f.referenceDate } };
  }
  return null;
}

// ---------- an event's lifecycle ----------

export const eventStatuses = ['open', 'locked', 'published'] as const;
export type EventStatus = (typeof eventStatuses)[number];

export interface EventFacts {
  entries: number;
  /** (judge, criterion) marks missing on the sheets of judges without a conflict */
  missingMarks: number;
}

/** Every move of an event: the chief judge locks the marks (all given), then the results are published. */
export const eventTransitions = {
  /** 锁定评分 */
  lock: {
    from: ['open'],
    to: 'locked',
    guard: (f) => {
      if (f.entries === 0) return { code: 'competition_no_entries' };
      if (f.missingMarks > 0) return { code: 'competition_marks_missing', params: { count: f.missingMarks } };
      return null;
    },
  },
  /** 发布成绩 */
  publish: { from: ['locked'], to: 'published', guard: () => null },
} as const satisfies Record<string, Transition<EventStatus, EventFacts>>;
export type EventTransition = keyof typeof eventTransitions;

export const eventTransitionsFrom = (status: EventStatus): EventTransition[] => transitionsFrom<EventStatus, EventTransition>(eventTransitions, status);

export function checkEventTransition(status: EventStatus, name: EventTransition, facts: EventFacts): Refusal | null {
  return checkTransition<EventStatus, EventFacts>(eventTransitions[name], status, facts, () => ({
    code: 'competition_transition_illegal',
    params: { transition: `competition_transition_${name}`, status: `competition_status_${status}` },
  }));
}

// ---------- results ----------

export interface Scored {
  id: number;
  score: number;
  judgement: number;
  finishedAt: string | null;
}

/** The stated tie-break: the higher judgement total, then the earlier finish time (none: last). */
export const TIE_BREAKS: TieBreak<Scored>[] = [higherFirst<Scored>((e) => e.judgement), earlierFirst<Scored>((e) => e.finishedAt)];

/** The level a winner is recognised at: one above the event's, when the contest's rule covers the award; else null. */
export function recognisedLevel(award: AwardGrade | null, levelUpAwards: readonly AwardGrade[], eventLevel: number | null): number | null {
  if (award === null || eventLevel === null || !levelUpAwards.includes(award)) return null;
  return Math.max(TOP_LEVEL, eventLevel - LEVELS_UP);
}

/** Scores are kept in hundredths; the API speaks points with two decimals. */
export const points = (hundredths: number | null): number | null => (hundredths === null ? null : hundredths / 100);
