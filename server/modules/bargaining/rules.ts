import type { Refusal } from '../../platform/errors.ts';
import { addDays, addYears, checkTransition, type Transition } from '../../platform/assessment/index.ts';

/**
 * Collective bargaining's pure rules (集体协商). Every number is the 集体合同规定 (劳动和社会保障部令
 * 第22号, 2004, in force 2004-05-01) — cited by article as `art. N` below — and is enforced, not
 * configurable: a union cannot agree to answer a proposal in 30 days or to adopt with half the
 * congress attending.
 */

/** The statute every number here comes from. */
export const STATUTE = '集体合同规定（2004）';

export const BARGAINING_RULES = {
  /** art. 32: the other side answers a proposal in writing within 20 days of receiving it. */
  replyDays: 20,
  /** art. 19: each side has at least 3 representatives, the sides equal in number, one chief each. */
  minRepresentativesPerSide: 3,
  /** art. 36: at least two thirds of the representatives (or workers) attend … */
  attendanceShare: { numerator: 2, denominator: 3 },
  /** … and more than half of ALL representatives (or of all workers), not of those present, approve. */
  approvalShare: { numerator: 1, denominator: 2 },
  /** art. 42: the employer files the text with the labour authority within 10 days of the chiefs' signing. */
  filingDays: 10,
  /** art. 47: effective when the authority raises no objection within 15 days of receiving it. */
  reviewDays: 15,
  /** art. 38: a term of 1 to 3 years. */
  termYears: { min: 1, max: 3 },
  /**
   * art. 38 ¶2: within the last 3 months before it expires, either side may propose to renew.
   * (The issue cites art. 39; art. 39 is variation and termination by agreement — the 3 months
   * are in art. 38.)
   */
  renewalMonths: 3,
} as const;

/** The article each step cites, shown on the console's timeline. */
export const ARTICLES = {
  proposal: 'art. 32',
  reply: 'art. 32',
  representatives: 'arts. 19–20, 24',
  survey: 'art. 33',
  meeting: 'arts. 34–35',
  draft: 'art. 36',
  adoption: 'art. 36',
  signing: 'art. 37',
  filing: 'art. 42',
  review: 'art. 47',
  term: 'art. 38',
  renewal: 'art. 38',
} as const;
export type TimelineStep = keyof typeof ARTICLES;

/** 综合性集体合同, 工资专项, 女职工权益保护专项, 劳动安全卫生专项 (art. 3: 专项集体合同). */
export const bargainingKinds = ['comprehensive', 'wage', 'women', 'safety'] as const;
export type BargainingKind = (typeof bargainingKinds)[number];
/** one enterprise, or many: 行业性 (industry) and 区域性 (area) agreements */
export const coverages = ['enterprise', 'industry', 'area'] as const;
export type Coverage = (typeof coverages)[number];
export const sides = ['union', 'employer'] as const;
export type Side = (typeof sides)[number];
export const repSides = ['worker', 'employer'] as const;
export type RepSide = (typeof repSides)[number];
export const meetingModes = ['online', 'offline', 'o2o'] as const;
export type MeetingMode = (typeof meetingModes)[number];
/** art. 36: the workers' congress (职工代表大会), or all workers (全体职工) where there is none */
export const adoptionBodies = ['workers_congress', 'all_workers'] as const;
export type AdoptionBody = (typeof adoptionBodies)[number];

export const bargainingStatuses = ['proposed', 'declined', 'negotiating', 'adopted', 'signed', 'filed', 'effective', 'expired'] as const;
export type BargainingStatus = (typeof bargainingStatuses)[number];

/** What the survey asks workers to rank, and the topics of draft clauses (art. 8's matters). */
export const surveyTopics = ['wage_growth', 'minimum_wage', 'working_hours', 'leave', 'insurance', 'women_protection', 'safety', 'training'] as const;
export type SurveyTopic = (typeof surveyTopics)[number];

/** Clause templates for a draft (the console offers them; the text is the union's to change). */
export const clauseTemplates: { topic: SurveyTopic; text: string }[] = [
  { topic: 'wage_growth', text: '企业职工工资总额年增长幅度不低于 {n}%，在岗职工平均工资随企业经济效益同步增长。' },
  { topic: 'minimum_wage', text: '企业最低工资标准不低于当地最低工资标准的 {n}%，试用期工资不低于本岗位工资的 80%。' },
  { topic: 'working_hours', text: '实行标准工时制，每日工作不超过 8 小时、每周不超过 40 小时；延长工作时间按规定支付加班工资。' },
  { topic: 'leave', text: '职工依法享受带薪年休假、婚假、产假、护理假等假期，假期工资照发。' },
  { topic: 'insurance', text: '企业依法为全体职工足额缴纳社会保险和住房公积金，并为职工办理补充医疗互助保障。' },
  { topic: 'women_protection', text: '女职工在经期、孕期、产期、哺乳期受特殊保护，每年安排一次妇科检查。' },
  { topic: 'safety', text: '企业按规定提供劳动防护用品，每年组织一次职业健康检查。' },
  { topic: 'training', text: '企业按职工工资总额的 1.5% 以上足额提取职工教育经费，用于职工技能培训。' },
];

// ---- dates ----

/** art. 32: the day the reply is due (the 20th day after the proposal was received). */
export const replyDueOn = (proposedOn: string) => addDays(proposedOn, BARGAINING_RULES.replyDays);
/** art. 42 */
export const filingDueOn = (signedOn: string) => addDays(signedOn, BARGAINING_RULES.filingDays);
/** art. 47: the day it takes effect when the authority raised no objection. */
export const effectiveOnWithoutObjection = (filedOn: string) => addDays(filedOn, BARGAINING_RULES.reviewDays);
/** art. 38: the last day of the term. */
export const expiresOn = (effectiveOn: string, termYears: number) => addDays(addYears(effectiveOn, termYears), -1);

/** `date` moved by whole months, the day clamped to the month's length. */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** art. 38 ¶2: the first day of the last 3 months, when either side may propose to renew. */
export const renewalOpensOn = (expires: string) => addDays(addMonths(expires, -BARGAINING_RULES.renewalMonths), 1);

// ---- adoption (art. 36) ----

export interface AdoptionRule {
  article: string;
  /** the fewest who must attend: two thirds of all, rounded up */
  minAttending: number;
  /** the fewest who must approve: more than half of all */
  minApproving: number;
  attendanceMet: boolean;
  approvalMet: boolean;
}

/**
 * Valid when at least two thirds of all representatives attend (exactly two thirds is enough: 以上
 * includes the number itself) and more than half of ALL of them — not of those attending — approve
 * (exactly half is not enough). Integer arithmetic, no rounding.
 */
export function adoptionOutcome(representatives: number, attending: number, approving: number): { adopted: boolean; rule: AdoptionRule } {
  const { attendanceShare: a, approvalShare: p } = BARGAINING_RULES;
  const attendanceMet = attending * a.denominator >= representatives * a.numerator;
  const approvalMet = approving * p.denominator > representatives * p.numerator;
  const minAttending = Math.ceil((representatives * a.numerator) / a.denominator);
  const minApproving = Math.floor((representatives * p.numerator) / p.denominator) + 1;
  return { adopted: attendanceMet && approvalMet, rule: { article: ARTICLES.adoption, minAttending, minApproving, attendanceMet, approvalMet } };
}

// ---- representatives (arts. 19–20, 24) ----

export interface RepFacts {
  side: RepSide;
  name: string;
  chief: boolean;
  memberId: number | null;
}

/** A new representative: one chief a side (art. 19); nobody on both sides (art. 24). */
export function checkNewRepresentative(existing: readonly RepFacts[], rep: RepFacts): Refusal | null {
  if (rep.chief && existing.some((r) => r.side === rep.side && r.chief)) return { code: 'bargaining_chief_taken' };
  const same = (r: RepFacts) => (rep.memberId !== null && r.memberId === rep.memberId) || r.name === rep.name;
  if (existing.some((r) => r.side !== rep.side && same(r))) return { code: 'bargaining_representative_both_sides' };
  if (existing.some((r) => r.side === rep.side && same(r))) return { code: 'bargaining_representative_twice' };
  return null;
}

/** Signing needs at least 3 a side, equal sides and one chief each (art. 19). */
export function checkSides(reps: readonly RepFacts[]): Refusal | null {
  const worker = reps.filter((r) => r.side === 'worker');
  const employer = reps.filter((r) => r.side === 'employer');
  const min = BARGAINING_RULES.minRepresentativesPerSide;
  if (worker.length < min || employer.length < min) return { code: 'bargaining_too_few_representatives', params: { min, worker: worker.length, employer: employer.length } };
  if (worker.length !== employer.length) return { code: 'bargaining_unequal_sides', params: { worker: worker.length, employer: employer.length } };
  if (!worker.some((r) => r.chief) || !employer.some((r) => r.chief)) return { code: 'bargaining_chief_missing' };
  return null;
}

// ---- the lifecycle ----

export interface RoundFacts {
  reps: readonly RepFacts[];
  drafts: number;
  adopted: boolean;
}

const wrongStep = (status: BargainingStatus) => (): Refusal => ({ code: 'bargaining_wrong_step', params: { status } });
const none = () => null;

export const roundTransitions = {
  reply: { from: ['proposed'], to: 'negotiating', guard: none },
  prepare: { from: ['proposed', 'negotiating'], to: 'negotiating', guard: none },
  /** representatives may change until the chiefs sign */
  seat: { from: ['proposed', 'negotiating', 'adopted'], to: 'negotiating', guard: none },
  adopt: { from: ['negotiating'], to: 'adopted', guard: (f: RoundFacts) => (f.drafts === 0 ? { code: 'bargaining_no_draft' } : null) },
  sign: {
    from: ['negotiating', 'adopted'],
    to: 'signed',
    guard: (f: RoundFacts) => checkSides(f.reps) ?? (f.adopted ? null : { code: 'bargaining_not_adopted' }),
  },
  file: { from: ['signed'], to: 'filed', guard: none },
  review: { from: ['filed'], to: 'effective', guard: none },
} satisfies Record<string, Transition<BargainingStatus, RoundFacts>>;
export type RoundMove = keyof typeof roundTransitions;

export function checkMove(move: RoundMove, status: BargainingStatus, facts: RoundFacts): Refusal | null {
  return checkTransition<BargainingStatus, RoundFacts>(roundTransitions[move], status, facts, wrongStep(status));
}

/** The status as of `today`: a filed agreement is effective from its day; an effective one expires after its term. */
export function statusOn(r: { status: BargainingStatus; effective_on: string | null; expires_on: string | null }, today: string): BargainingStatus {
  let s = r.status;
  if (s === 'filed' && r.effective_on && r.effective_on <= today) s = 'effective';
  if (s === 'effective' && r.expires_on && r.expires_on < today) s = 'expired';
  return s;
}

/** A renewal round is proposed within the last 3 months of an effective agreement (art. 38 ¶2). */
export function checkRenewal(previous: { status: BargainingStatus; renewal_opens_on: string | null; expires_on: string | null }, proposedOn: string): Refusal | null {
  if (previous.status !== 'effective' || !previous.renewal_opens_on || !previous.expires_on) return { code: 'bargaining_renewal_not_effective' };
  if (proposedOn < previous.renewal_opens_on) return { code: 'bargaining_renewal_too_early', params: { opensOn: previous.renewal_opens_on } };
  return null;
}

// ---- drafts ----

export interface Clause {
  topic: SurveyTopic;
  text: string;
}
export interface ClauseChange {
  topic: SurveyTopic;
  change: 'added' | 'removed' | 'changed';
}

/** What a draft version changed against the one before it, clause by topic. */
export function diffClauses(before: readonly Clause[], after: readonly Clause[]): ClauseChange[] {
  const changes: ClauseChange[] = [];
  for (const c of after) {
    const old = before.find((b) => b.topic === c.topic);
    if (!old) changes.push({ topic: c.topic, change: 'added' });
    else if (old.text !== c.text) changes.push({ topic: c.topic, change: 'changed' });
  }
  for (const b of before) if (!after.some((c) => c.topic === b.topic)) changes.push({ topic: b.topic, change: 'removed' });
  return changes;
}

// ---- the survey ----

/** The survey's results for the representatives: answers, how often each topic was chosen, the mean and median expected raise. */
export function surveyResults(answers: readonly { priorities: readonly SurveyTopic[]; expectedRaisePercent: number }[]) {
  const byTopic = Object.fromEntries(surveyTopics.map((t) => [t, answers.filter((a) => a.priorities.includes(t)).length])) as Record<SurveyTopic, number>;
  const raises = answers.map((a) => a.expectedRaisePercent).sort((x, y) => x - y);
  const mid = raises.length >> 1;
  const median = raises.length === 0 ? null : raises.length % 2 ? raises[mid] : (raises[mid - 1] + raises[mid]) / 2;
  const mean = raises.length === 0 ? null : Math.round((raises.reduce((s, r) => s + r, 0) / raises.length) * 10) / 10;
  return { answers: answers.length, byTopic, meanRaisePercent: mean, medianRaisePercent: median };
}

// ---- the timeline ----

export interface TimelineRow {
  proposed_on: string;
  reply_due_on: string;
  replied_on: string | null;
  adopted_on: string | null;
  signed_on: string | null;
  filing_due_on: string | null;
  filed_on: string | null;
  effective_on: string | null;
  expires_on: string | null;
  renewal_opens_on: string | null;
}

export interface TimelineEntry {
  step: TimelineStep;
  article: string;
  /** the day it happened */
  on: string | null;
  /** the statutory deadline, where the step has one */
  dueOn: string | null;
  /** done after its deadline, or not done and the deadline passed */
  late: boolean;
}

/** Every step of the round with its date, its statutory deadline and its article. */
export function timeline(r: TimelineRow, today: string, counts: { representatives: number; survey: number; meetings: number; drafts: number; firstMeeting: string | null; lastDraft: string | null }): TimelineEntry[] {
  const entry = (step: TimelineStep, on: string | null, dueOn: string | null = null): TimelineEntry => ({
    step,
    article: ARTICLES[step],
    on,
    dueOn,
    late: dueOn !== null && (on ? on > dueOn : today > dueOn),
  });
  return [
    entry('proposal', r.proposed_on),
    entry('reply', r.replied_on, r.reply_due_on),
    { ...entry('representatives', null), on: counts.representatives ? r.replied_on ?? r.proposed_on : null },
    entry('meeting', counts.firstMeeting),
    entry('draft', counts.lastDraft),
    entry('adoption', r.adopted_on),
    entry('signing', r.signed_on),
    entry('filing', r.filed_on, r.filing_due_on),
    { ...entry('review', r.effective_on && r.effective_on <= today ? r.effective_on : null), dueOn: r.effective_on, late: false },
    { ...entry('term', r.expires_on), late: false },
    { ...entry('renewal', r.renewal_opens_on), late: false },
  ];
}
