/**
 * Check digits of the two national codes the platform lives on. Pure functions, no I/O.
 *
 * - Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
 *   31-character alphabet; the last is a mod-31 check character.
 * - Resident ID number (公民身份号码), GB 11643-1999: 17 digits + a mod-11 check character
 *   (0-9 or X); digits 7–14 are the birth date.
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) return '';
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** The birth date inside an ID number, or null when it is not a real calendar date. */
export function idBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > days) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * What is wrong with an ID number (upper case), first problem first, so a message can say it:
 * its length, a letter among the first 17 characters, a last character that is neither a digit
 * nor X, a check character that does not match, or (with `today`) a birth date that is not a
 * real date between 1900 and today. Null when it is valid.
 */
export type IdNumberProblem = 'length' | 'digits' | 'last_character' | 'check_character' | 'birth_date';

export function idNumberProblem(id: string, today?: string): IdNumberProblem | null {
  if (id.length !== 18) return 'length';
  if (!/^\d{17}/.test(id)) return 'digits';
  if (!/[\dX]$/.test(id)) return 'last_character';
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return 'check_character';
  if (today === undefined) return null;
  const birth = idBirthDate(id);
  return birth !== null && birth >= '1900-01-01' && birth <= today ? null : 'birth_date';
}

/** Format, check digit and a real birth date not in the future (`today` as YYYY-MM-DD). */
export function isValidIdNumber(id: string, today: string): boolean {
  return idNumberProblem(id, today) === null;
}

/** Whole years between a YYYY-MM-DD birth date and `today`. */
export function ageOn(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) >= birth.slice(5) ? years : years - 1;
}

/** Builds a valid fictional ID number (for demo and benchmark data only). */
export function makeIdNumber(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** Builds a valid fictional USCC (for demo and benchmark data only). */
export function makeUscc(region: string, sequence: number): string {
  const body = String(sequence).padStart(9, '0');
  const first17 = `91${region}${body}`;
  return first17 + usccCheckChar(first17);
}
