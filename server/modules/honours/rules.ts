import type { Refusal } from '../../platform/errors.ts';
import {
  ageOn,
  aggregate,
  checkTransition,
  conflictOfInterest,
  higherFirst,
  publicityBlocks,
  rank,
  type CandidateFacts,
  type JudgeFacts,
  type Transition,
} from '../../platform/assessment/index.ts';

/**
 * The honours module's pure rules: levels, allowance amounts, periods, the ledger's arithmetic,
 * the three-year selection rule, marks and ranking. Every number has its source; the ones real
 * federations set differently are in `HonourSettings`, stored per federation (honour_settings)
 * and falling back to `defaultSettings` — the defaults are documented examples, not quotations of
 * any federation's current document: a federation sets its own through PUT /api/orgs/{id}/honour-settings.
 */

export const honourLevels = ['national', 'province', 'city', 'county'] as const;
export type HonourLevel = (typeof honourLevels)[number];
/** 劳动模范 / 先进工作者: the same honour, the second for workers of government and public institutions. */
export const modelWorkerKinds = ['model_worker', 'advanced_worker'] as const;
export type ModelWorkerKind = (typeof modelWorkerKinds)[number];
/** Who a ledger entry pays: the ledger code is one for both. */
export const holderKinds = ['model_worker', 'craftsman'] as const;
export type HolderKind = (typeof holderKinds)[number];
/** 劳模创新工作室 / 工匠创新工作室 */
export const studioKinds = ['model_worker', 'craftsman'] as const;
export type StudioKind = (typeof studioKinds)[number];

export interface HonourSettings {
  /** Monthly allowance of a model worker by level, in fen. */
  modelWorkerAllowanceFen: Record<HonourLevel, number>;
  /** Wage uplift of a model worker by level, in percent of the monthly wage, recorded for employers (not paid from the ledger). */
  wageUpliftPercent: Record<HonourLevel, number>;
  /** Monthly special allowance (特殊岗位津贴) of a named craftsman, in fen. */
  craftsmanAllowanceFen: number;
  /** Years between two craftsman selections of one federation; a title is valid until the next. */
  selectionPeriodYears: number;
  /** Days an outcome stays in publicity (公示) before naming. */
  publicityDays: number;
  /** The oldest a candidate may be in the selection's year. */
  candidateMaxAge: number;
}

/**
 * The defaults, each with where it comes from:
 * - model worker allowances: examples only. National model workers receive an honorary allowance
 *   set nationally; provincial, city and county amounts are set by each federation and differ. The
 *   figures here (¥500 / ¥300 / ¥200 / ¥100 a month) are placeholders for the demo: configurable per federation.
 * - wage uplift by level: the seed (union-newspaper-page.zh.txt, 信息港): model workers "根据不同级别额外享受相应的
 *   工资提升待遇"; the percentages are examples, configurable.
 * - craftsman allowance: the seed (信息港): a named craftsman "同时享受特殊岗位津贴"; ¥300 a month is an example.
 * - selection period: the seed (信息港): "每3年举行一次工匠评选".
 * - publicity: 7 days, a common length of a 公示 for honours (at least 5 working days); configurable.
 * - candidate age: 60, the long-standing statutory retirement age of men, as an example limit; configurable.
 */
export const defaultSettings: HonourSettings = {
  modelWorkerAllowanceFen: { national: 50_000, province: 30_000, city: 20_000, county: 10_000 },
  wageUpliftPercent: { national: 15, province: 10, city: 6, county: 3 },
  craftsmanAllowanceFen: 30_000,
  selectionPeriodYears: 3,
  publicityDays: 7,
  candidateMaxAge: 60,
};

/** A federation's stored settings over the defaults (a stored JSON may predate a newer field). */
export function resolveSettings(stored: Partial<HonourSettings> | null): HonourSettings {
  if (!stored) return defaultSettings;
  return {
    ...defaultSettings,
    ...stored,
    modelWorkerAllowanceFen: { ...defaultSettings.modelWorkerAllowanceFen, ...stored.modelWorkerAllowanceFen },
    wageUpliftPercent: { ...defaultSettings.wageUpliftPercent, ...stored.wageUpliftPercent },
  };
}

/** The monthly amount a holder is paid, in fen. */
export function monthlyAllowanceFen(settings: HonourSettings, holder: { kind: HolderKind; level?: HonourLevel }): number {
  return holder.kind === 'craftsman' ? settings.craftsmanAllowanceFen : settings.modelWorkerAllowanceFen[holder.level ?? 'county'];
}

// ---- verification and payment ----

/** 'YYYY-MM' → its year. */
export const yearOfMonth = (month: string) => Number(month.slice(0, 4));

/** The one-per-person-and-month key of a monthly allowance entry. */
export const payKey = (kind: HolderKind, holderId: number, month: string) => `${kind}:${holderId}:${month}`;

export interface Verification {
  alive: boolean;
  inPost: boolean;
}

/** A model worker is paid in a year only after that year's verification found them alive and in post. */
export const payable = (v: Verification | null | undefined) => !!v && v.alive && v.inPost;

// ---- the ledger ----

export interface LedgerEntry {
  id: number;
  kind: 'allowance' | 'reversal';
  amountFen: number;
  reversesId: number | null;
}

/** The balance is the sum of every entry, reversals included: nothing is ever edited. */
export const balanceOf = (entries: readonly Pick<LedgerEntry, 'amountFen'>[]) => entries.reduce((sum, e) => sum + e.amountFen, 0);

/** A reversal cancels one allowance entry, once. */
export function checkReversal(entry: LedgerEntry, alreadyReversed: boolean): Refusal | null {
  if (entry.kind === 'reversal') return { code: 'allowance_reversal_of_reversal' };
  if (alreadyReversed) return { code: 'allowance_already_reversed' };
  return null;
}

// ---- craftsman selections, on the shared assessment mechanism (platform/assessment) ----

/** A second selection inside the period of another one of the same federation is refused. */
export function checkSelectionPeriod(year: number, otherYears: readonly number[], period: number): Refusal | null {
  const near = otherYears.find((y) => Math.abs(y - year) < period);
  if (near === undefined) return null;
  return { code: 'craftsman_selection_too_soon', params: { year: near, next: near + period, period } };
}

/** A title named in `year` is valid through the year before the next selection is due. */
export const validUntil = (year: number, period: number) => year + period - 1;

export const selectionStatuses = ['open', 'publicity', 'named'] as const;
export type SelectionStatus = (typeof selectionStatuses)[number];

const wrongStep = (status: SelectionStatus): Refusal => ({ code: 'craftsman_selection_wrong_step', params: { status } });

/** What may happen while a selection is at a step (not a move): nominating, judging and marking while open; objections during publicity. */
export function checkSelectionStep(status: SelectionStatus, step: 'enter' | 'mark' | 'object'): Refusal | null {
  const allowed: Record<typeof step, SelectionStatus> = { enter: 'open', mark: 'open', object: 'publicity' };
  return status === allowed[step] ? null : wrongStep(status);
}

export interface NamingFacts {
  publicityLastDay: string | null;
  openObjections: number;
  today: string;
}

/** The selection's moves: open → publicity (公示) → named, naming only after publicity with every objection decided. */
export const selectionMachine = {
  publicize: { from: ['open'], to: 'publicity', guard: () => null } satisfies Transition<SelectionStatus, unknown>,
  name: {
    from: ['publicity'],
    to: 'named',
    guard: (f: NamingFacts): Refusal | null => {
      const block = publicityBlocks(f);
      if (block === 'publicity_not_over') return { code: 'craftsman_publicity_running', params: { lastDay: f.publicityLastDay ?? '' } };
      return block === 'objections_open' ? { code: 'craftsman_objection_open' } : null;
    },
  } satisfies Transition<SelectionStatus, NamingFacts>,
};

export const checkPublicize = (status: SelectionStatus) => checkTransition(selectionMachine.publicize, status, undefined, () => wrongStep(status));
export const checkNaming = (status: SelectionStatus, facts: NamingFacts) => checkTransition(selectionMachine.name, status, facts, () => wrongStep(status));

/** Marks are out of 100, one per judge. */
export const MARK_MAX = 100;

/** The oldest a candidate may be is counted on 31 December of the selection's year. */
export function checkCandidateAge(birthDate: string, year: number, maxAge: number): Refusal | null {
  const age = ageOn(birthDate, `${year}-12-31`);
  return age > maxAge ? { code: 'craftsman_candidate_too_old', params: { age, max: maxAge } } : null;
}

/** A judge may not mark themself nor a candidate of their own enterprise (the shared conflict rule). */
export function checkConflict(judge: JudgeFacts, candidate: CandidateFacts): Refusal | null {
  return conflictOfInterest(judge, candidate) ? { code: 'craftsman_judge_conflict' } : null;
}

/**
 * Ranks candidates by the mean of their judges' marks (the shared `aggregate`, in hundredths),
 * highest first, with the stated tie-break of this selection: the higher lowest mark (a candidate
 * no judge marked down). Candidates equal on both share a rank. Those without marks come last,
 * unranked.
 */
export function rankCandidates<T extends { id: number; marks: number[] }>(candidates: readonly T[]): (T & { score: number | null; rank: number | null })[] {
  const scored = candidates.map((c) => ({ ...c, score: aggregate('mean', c.marks.map((m) => m * 100)) }));
  const marked = scored.filter((c): c is typeof c & { score: number } => c.score !== null);
  const ranked = rank(marked, [higherFirst((c) => Math.min(...c.marks))]);
  return [
    ...ranked.map((c) => ({ ...c, score: c.score / 100 })),
    ...scored.filter((c) => c.score === null).sort((a, b) => a.id - b.id).map((c) => ({ ...c, score: null, rank: null })),
  ];
}

/** Who is named: the best ranked within the quota, leaving out those with an upheld objection. */
export function chooseNamed<T extends { id: number; score: number | null; upheld: boolean }>(ranked: readonly T[], quota: number): T[] {
  return ranked.filter((c) => c.score !== null && !c.upheld).slice(0, quota);
}
