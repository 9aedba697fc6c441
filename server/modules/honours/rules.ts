import type { Refusal } from '../../platform/errors.ts';

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

// ---- craftsman selections ----

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

/** The selection's state machine: open (candidates, judges, marks) → publicity (objections) → named. */
export function checkSelectionStep(status: SelectionStatus, step: 'enter' | 'mark' | 'publicize' | 'object' | 'name'): Refusal | null {
  const allowed: Record<typeof step, SelectionStatus> = { enter: 'open', mark: 'open', publicize: 'open', object: 'publicity', name: 'publicity' };
  return status === allowed[step] ? null : { code: 'craftsman_selection_wrong_step', params: { status } };
}

/** Marks are out of 100. */
export const MARK_MAX = 100;

/** Age in whole years on 31 December of `year` (the selection's), from a birth date 'YYYY-MM-DD'. */
export const ageInYear = (birthDate: string, year: number) => year - Number(birthDate.slice(0, 4));

export function checkCandidateAge(birthDate: string, year: number, maxAge: number): Refusal | null {
  const age = ageInYear(birthDate, year);
  return age > maxAge ? { code: 'craftsman_candidate_too_old', params: { age, max: maxAge } } : null;
}

/** A judge employed at the candidate's enterprise may not mark them (conflict of interest). */
export function checkConflict(judgeEnterpriseIds: readonly number[], candidateEnterpriseId: number | null): Refusal | null {
  return candidateEnterpriseId !== null && judgeEnterpriseIds.includes(candidateEnterpriseId) ? { code: 'craftsman_judge_conflict' } : null;
}

/**
 * Ranks candidates by their mean mark, highest first; equal means share a rank (1, 1, 3). Those
 * without marks come last, unranked. Ties are broken for naming by the higher lowest mark, then by
 * the earlier candidacy (smaller id) — stated, so the quota never depends on row order.
 */
export function rankCandidates<T extends { id: number; marks: number[] }>(candidates: readonly T[]): (T & { score: number | null; rank: number | null })[] {
  const mean = (m: number[]) => (m.length ? Math.round((m.reduce((a, b) => a + b, 0) / m.length) * 100) / 100 : null);
  const low = (m: number[]) => (m.length ? Math.min(...m) : -1);
  const sorted = [...candidates].sort((a, b) => (mean(b.marks) ?? -1) - (mean(a.marks) ?? -1) || low(b.marks) - low(a.marks) || a.id - b.id);
  let rank = 0;
  return sorted.map((c, i) => {
    const score = mean(c.marks);
    if (score === null) return { ...c, score, rank: null };
    if (i === 0 || score !== mean(sorted[i - 1].marks)) rank = i + 1;
    return { ...c, score, rank };
  });
}

/** Who is named: the best ranked within the quota, leaving out those with an upheld objection. */
export function chooseNamed<T extends { id: number; score: number | null; upheld: boolean }>(ranked: readonly T[], quota: number): T[] {
  return ranked.filter((c) => c.score !== null && !c.upheld).slice(0, quota);
}
