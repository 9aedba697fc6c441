import { ageOn, idBirthDate, idNumberProblem } from '../../platform/identity.ts';
import type { MessageCode, RuleCode } from '../../platform/i18n.ts';

/** Member-roll rules. Pure: no I/O, dates passed in as YYYY-MM-DD in Asia/Shanghai. */

/** A membership's statuses (保留会籍 is `retained`); the roll's table holds them. */
export type MemberStatus = 'member' | 'transferring' | 'retained' | 'left';

export const MIN_JOIN_AGE = 16;
export const DECISION_WORKING_DAYS = 15;

/**
 * The rule that says what is wrong with an ID number (upper case): GB 11643's length, digits,
 * last character and check character, a real birth date, and old enough to join. Each problem has
 * its own message, so "…A" is told that the last character must be a digit or X, not to enter 18.
 */
export function checkIdentity(idNumber: string, today: string): RuleCode | null {
  const problem = idNumberProblem(idNumber, today);
  if (problem) return idNumberRules[problem];
  if (ageOn(idBirthDate(idNumber)!, today) < MIN_JOIN_AGE) return 'id_number_too_young';
  return null;
}

/** The same check without a date (the request schema): format and check character only. */
export function checkIdNumberFormat(idNumber: string): RuleCode | null {
  const problem = idNumberProblem(idNumber);
  return problem ? idNumberRules[problem] : null;
}

const idNumberRules = {
  length: 'id_number_length',
  digits: 'id_number_digits',
  last_character: 'id_number_last_character',
  check_character: 'id_number_check_character',
  birth_date: 'id_number_birth_date',
} as const satisfies Record<string, RuleCode>;

/** The 17th digit of an ID number is odd for men, even for women. */
export function genderOf(idNumber: string): 'male' | 'female' {
  return Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
}

/** Member numbers: joining year + an 8-digit deployment-wide sequence, e.g. 202600000042. */
export function formatMemberNo(year: string, sequence: number): string {
  return `${year}${String(sequence).padStart(8, '0')}`;
}


function isWorkingDay(date: Date): boolean {
  const day = date.getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * The last submission date (Asia/Shanghai) whose application is overdue today: 15 working days
 * (Monday to Friday; public holidays are not modelled) have fully passed since it. An application
 * submitted on or before this date and still pending is flagged to the union's parent.
 */
export function overdueCutoff(today: string, workingDays = DECISION_WORKING_DAYS): string {
  const d = new Date(`${today}T00:00:00Z`);
  let counted = 0;
  while (counted < workingDays) {
    d.setUTCDate(d.getUTCDate() - 1);
    if (isWorkingDay(d)) counted++;
  }
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}


export type StatusChange = { to: 'member' } | { to: 'retained'; reason: 'retired' | 'unemployed' } | { to: 'left' };

/** Which status changes a cadre may make by hand; transfers have their own path. */
export function checkStatusChange(from: MemberStatus, change: StatusChange): MessageCode | null {
  if (from === 'transferring') return 'member_transferring';
  if (from === 'left') return 'member_left';
  if (from === change.to) return 'member_status_unchanged';
  return null;
}

/** A transfer can start from an active membership (member or retained) toward another org. */
export function checkTransferStart(status: MemberStatus, fromOrgId: number, toOrgId: number): MessageCode | null {
  if (status === 'transferring') return 'transfer_pending';
  if (status === 'left') return 'member_left';
  if (fromOrgId === toOrgId) return 'transfer_same_org';
  return null;
}

/** Orgs that can hold memberships: unions, branches, and street and town federations (for workers whose employer has no union). */
export function canHoldMembers(kind: string, level: string | null): boolean {
  return kind !== 'federation' || level === 'street' || level === 'town';
}

/*
 * The roll's standard fields (会员登记): fixed code lists, each code with the name its standard
 * gives, which is also what the import template takes and the export writes. Gender and birth
 * date are not among them: they are read from the ID number (genderOf, idBirthDate), never typed.
 */

/** 民族: the 56 ethnic groups with their GB/T 3304-1991 codes, and 97 其他. */
export const ethnicities = {
  '01': '汉族', '02': '蒙古族', '03': '回族', '04': '藏族', '05': '维吾尔族', '06': '苗族', '07': '彝族', '08': '壮族',
  '09': '布依族', '10': '朝鲜族', '11': '满族', '12': '侗族', '13': '瑶族', '14': '白族', '15': '土家族', '16': '哈尼族',
  '17': '哈萨克族', '18': '傣族', '19': '黎族', '20': '傈僳族', '21': '佤族', '22': '畲族', '23': '高山族', '24': '拉祜族',
  '25': '水族', '26': '东乡族', '27': '纳西族', '28': '景颇族', '29': '柯尔克孜族', '30': '土族', '31': '达斡尔族', '32': '仫佬族',
  '33': '羌族', '34': '布朗族', '35': '撒拉族', '36': '毛南族', '37': '仡佬族', '38': '锡伯族', '39': '阿昌族', '40': '普米族',
  '41': '塔吉克族', '42': '怒族', '43': '乌孜别克族', '44': '俄罗斯族', '45': '鄂温克族', '46': '德昂族', '47': '保安族', '48': '裕固族',
  '49': '京族', '50': '塔塔尔族', '51': '独龙族', '52': '鄂伦春族', '53': '赫哲族', '54': '门巴族', '55': '珞巴族', '56': '基诺族',
  '97': '其他',
} as const;

/** 学历: the categories of the union member register (全总会员实名制登记), highest first. */
export const educations = {
  postgraduate: '研究生',
  bachelor: '大学本科',
  junior_college: '大学专科',
  secondary_vocational: '中专',
  high_school: '高中',
  junior_high_or_below: '初中及以下',
} as const;

/**
 * 政治面貌: GB/T 4762-1984's codes 01 中共党员, 02 中共预备党员, 03 共青团员, 12 无党派人士 and
 * 13 群众, with the eight democratic parties (04–11) as one, as the member register asks.
 */
export const politicalStatuses = {
  cpc_member: '中共党员',
  cpc_probationary: '中共预备党员',
  cyl_member: '共青团员',
  democratic_party: '民主党派',
  non_party: '无党派人士',
  masses: '群众',
} as const;

/**
 * 新就业形态劳动者: not one (否), or one of the eight groups the ACFTU's campaign to bring them
 * into unions names (八大群体): truck drivers, couriers, food-delivery riders, ride-hailing
 * drivers, app-dispatched delivery workers, live streamers, domestic workers, online marketers.
 */
export const newFormGroups = {
  none: '否',
  truck_driver: '货车司机',
  courier: '快递员',
  food_delivery: '外卖送餐员',
  ride_hailing: '网约车司机',
  app_delivery: '网约配送员',
  streamer: '网络主播',
  domestic_worker: '家政服务员',
  online_marketer: '互联网营销师',
} as const;

export type Ethnicity = keyof typeof ethnicities;
export type Education = keyof typeof educations;
export type PoliticalStatus = keyof typeof politicalStatuses;
export type NewFormGroup = keyof typeof newFormGroups;

/** 是否农民工, as the template's cell says it. */
export const yesNo = { 是: true, 否: false } as const;

/** Is a member of this group a new-form worker (counted in coverage statistics)? */
export const isNewFormWorker = (group: string | null) => group !== null && group !== 'none';

/** The code a name stands for in a list (a cell of the import), or undefined. */
export function codeOf<T extends Record<string, string>>(list: T, name: string): keyof T | undefined {
  return (Object.keys(list) as (keyof T)[]).find((code) => list[code] === name);
}

/** Rates (建会率, 入会率) in percent with one decimal: the platform's one rounding of figures. */
export { percent } from '../../platform/overview.ts';

// ---------- what a cadre may do to an application or a transfer ----------

/** A join application is decided once, while pending: what approve and reject check, and what `actions` offers. */
export const checkApplicationDecision = (status: string): MessageCode | null => (status === 'pending' ? null : 'application_decided');

export const applicationActionNames = ['approve', 'reject'] as const;

/** Approve and reject, to a cadre who may decide the application (`decides`: the routes' scope filter holds), while it is pending. */
export const applicationActions = (status: string, decides: boolean) => (decides && !checkApplicationDecision(status) ? [...applicationActionNames] : []);

/** A transfer ends once, while pending: what accept, reject and cancel check. */
export const checkTransferDecision = (status: string): MessageCode | null => (status === 'pending' ? null : 'transfer_decided');

export const transferActionNames = ['accept', 'reject', 'cancel'] as const;

/**
 * The moves open on a pending transfer: accept and reject to the receiving union (`decides`),
 * cancel to the sending side or the member (`cancels`), each being the filter its route applies.
 */
export function transferActions(status: string, may: { decides: boolean; cancels: boolean }): (typeof transferActionNames)[number][] {
  if (checkTransferDecision(status)) return [];
  return transferActionNames.filter((name) => (name === 'cancel' ? may.cancels : may.decides));
}

// ---------- the e-card's QR code ----------

/**
 * How long a card token lives: issue #11 §3 asks the QR code to rotate at least every 5 minutes,
 * so a screenshot or a photo of someone else's card is useless soon after. The portal fetches a
 * new one a minute before (web/src/mobile/members/card-page.tsx), so the code shown always has a
 * minute left. No clock skew is allowed when verifying: the same server clock (or, with several
 * servers, NTP-synchronised ones) issues and checks, and the member's phone's clock plays no part.
 */
export const CARD_TOKEN_TTL_SECONDS = 5 * 60;

/**
 * Verifications per minute per verifier account: a busy gate lets a person through every few
 * seconds; more than one a second for a minute is a script, not a queue.
 */
export const CARD_VERIFY_PER_MINUTE = 60;

/** Why a card is refused: not made by this deployment, past its 5 minutes, or not of a member (any more, or of the verifier's unions). */
export const cardRefusals = ['expired', 'forged', 'not_member'] as const;

/** Statuses of an active membership, the ones a valid card shows. */
export const cardHolderStatuses = ['member', 'transferring', 'retained'] as const;
export type CardHolderStatus = (typeof cardHolderStatuses)[number];

/** A card is valid while the membership lasts (a transfer under way or a retained membership is still membership), not once the member left. */
export const holdsCard = (status: MemberStatus): status is CardHolderStatus => (cardHolderStatuses as readonly string[]).includes(status);
