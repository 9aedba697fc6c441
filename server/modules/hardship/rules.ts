import type { Refusal } from '../../platform/errors.ts';

/**
 * The hardship module's pure rules (困难职工帮扶): causes, the computed tier, the yearly re-check,
 * aid kinds and the ledger's checks. Every number has its source; the 低保 line and the multiple
 * are set per federation (hardship_settings) with an effective date and inherited by its subtree.
 */

/** 患病, 残疾, 意外, 家庭成员失业, 子女就学 */
export const hardshipCauses = ['illness', 'disability', 'accident', 'unemployment', 'schooling'] as const;
export type HardshipCause = (typeof hardshipCauses)[number];

/** 深度困难, 相对困难, 意外致困, 不属困难 */
export const tiers = ['deep', 'relative', 'accident', 'none'] as const;
export type Tier = (typeof tiers)[number];

/** 送温暖, 金秋助学, 医疗救助, 临时救助 */
export const aidKinds = ['warmth', 'schooling', 'medical', 'emergency'] as const;
export type AidKind = (typeof aidKinds)[number];

export interface LowIncomeLine {
  /** the local minimum living standard (低保标准) per head per month, in fen */
  lowIncomeLineFen: number;
  /** 相对困难 below this multiple of the line, in hundredths (150 = 1.5×) */
  relativeMultiplePct: number;
}

/**
 * The rule, with its source: 中华全国总工会《关于进一步做好困难职工帮扶工作的意见》 and
 * 《全国总工会困难职工帮扶资金使用管理办法》 sort families into 深度困难 (household income per head
 * below the local 低保 standard), 相对困难 (above it but below a multiple the local federation sets,
 * commonly 1.5 to 2 times) and 意外致困 (a sudden accident, serious illness or disaster, whatever the
 * income). "Below" is strict: a family exactly at the line is not below it. Income per head is
 * compared in fen without rounding (income < line × household size).
 */
export function tierOf(line: LowIncomeLine, file: { householdSize: number; monthlyIncomeFen: number; causes: readonly HardshipCause[] }): Tier {
  const { householdSize: n, monthlyIncomeFen: income } = file;
  if (income < line.lowIncomeLineFen * n) return 'deep';
  // income / n < line × pct / 100, in integers
  if (income * 100 < line.lowIncomeLineFen * line.relativeMultiplePct * n) return 'relative';
  if (file.causes.includes('accident') || file.causes.includes('illness')) return 'accident';
  return 'none';
}

/**
 * Used where no federation has set a line yet: 嘉兴市 2024 城乡居民最低生活保障标准 ¥1,160 per head per
 * month (a demo figure in the order of Zhejiang's published standards; each federation sets its own
 * with its effective date), and 1.5× for 相对困难, the lower end of the usual range.
 */
export const defaultLine: LowIncomeLine & { effectiveFrom: string } = { lowIncomeLineFen: 116_000, relativeMultiplePct: 150, effectiveFrom: '2024-07-01' };

/** The yearly re-check (年度复核): a file is checked again one year after its last check. */
export const RECHECK_MONTHS = 12;

export function nextCheckDue(checkedOn: string): string {
  const [y, m, d] = checkedOn.split('-').map(Number);
  return `${y + RECHECK_MONTHS / 12}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Aid goes to a file on the register, never to one that left it (脱困). */
export function checkAid(status: 'active' | 'exited'): Refusal | null {
  return status === 'active' ? null : { code: 'hardship_file_exited' };
}

/** The sum of an append-only ledger. */
export const totalOf = (entries: readonly { amountFen: number }[]) => entries.reduce((sum, e) => sum + e.amountFen, 0);
