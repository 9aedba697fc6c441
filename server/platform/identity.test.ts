import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageOn, idBirthDate, idCheckChar, idNumberProblem, isValidIdNumber, isValidUscc, makeIdNumber, makeUscc, usccCheckChar } from './identity.ts';

const TODAY = '2025-06-02';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    '91350100M000100Y43', // the standard's own example
    '91110000710925462X', // 中国石油天然气股份有限公司
    '91330100716105852F', // 阿里巴巴（中国）有限公司
    '9144030071526726XG', // 腾讯科技（深圳）有限公司
    '914403001922038216', // 华为技术有限公司
  ])('accepts the real code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('refuses a real code with its check character changed', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91110000710925462Y')).toBe(false);
  });

  it('refuses the letters the alphabet leaves out (I, O, S, V, Z) and lower case', () => {
    expect(isValidUscc('91350100M000100YI3')).toBe(false);
    expect(isValidUscc('91350100M000100O43')).toBe(false);
    expect(isValidUscc('91350100m000100y43')).toBe(false);
  });

  it('refuses a wrong length and letters inside the six-digit region code', () => {
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M000100Y433')).toBe(false);
    expect(isValidUscc('9135A100M000100Y43')).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });

  it('computes the check character the standard gives (mod 31, 0 maps to 0)', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('9144030071526726X')).toBe('G');
    expect(usccCheckChar('9135010OM000100Y4')).toBe('');
  });

  it('makes codes that always validate, and a single changed character is always caught', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 16 }), (seq, pos) => {
        const code = makeUscc('330421', seq);
        expect(isValidUscc(code)).toBe(true);
        const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
        const other = alphabet[(alphabet.indexOf(code[pos]) + 1) % 31];
        const changed = code.slice(0, pos) + other + code.slice(pos + 1);
        // one changed character of the body changes the weighted sum by a weight not divisible by 31
        expect(usccCheckChar(changed.slice(0, 17))).not.toBe(code[17]);
      }),
    );
  });
});

describe('resident ID number (GB 11643-1999)', () => {
  it('accepts the standard’s example 11010519491231002X with its X check digit', () => {
    expect(isValidIdNumber('11010519491231002X', TODAY)).toBe(true);
    expect(idBirthDate('11010519491231002X')).toBe('1949-12-31');
  });

  it('refuses the right digits with a wrong check digit', () => {
    expect(isValidIdNumber('110105194912310021', TODAY)).toBe(false);
    expect(isValidIdNumber('11010519491231002x', TODAY)).toBe(false);
  });

  it('refuses a birth date that is no calendar date: 30 February, month 13, day 32', () => {
    const feb30 = makeIdNumber('330104', '1990-02-30', 1);
    expect(feb30.slice(10, 14)).toBe('0230');
    expect(idCheckChar(feb30.slice(0, 17))).toBe(feb30[17]);
    expect(isValidIdNumber(feb30, TODAY)).toBe(false);
    expect(idBirthDate(feb30)).toBeNull();
    expect(isValidIdNumber(makeIdNumber('330104', '1990-13-01', 1), TODAY)).toBe(false);
    expect(isValidIdNumber(makeIdNumber('330104', '1990-01-32', 1), TODAY)).toBe(false);
  });

  it('knows leap years: 29 February 2000 exists, 29 February 1900 does not', () => {
    expect(isValidIdNumber(makeIdNumber('330104', '2000-02-29', 7), TODAY)).toBe(true);
    expect(idBirthDate(makeIdNumber('330104', '1900-02-29', 7))).toBeNull();
  });

  it('refuses a birth date in the future or before 1900 even with a right check digit', () => {
    expect(isValidIdNumber(makeIdNumber('330104', '2025-06-03', 1), TODAY)).toBe(false);
    expect(isValidIdNumber(makeIdNumber('330104', '2025-06-02', 1), TODAY)).toBe(true);
    // The standard's 1880 example: the check digit is right, the date is out of range.
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(isValidIdNumber('440524188001010014', TODAY)).toBe(false);
  });

  it('refuses wrong lengths and letters other than a final X', () => {
    expect(isValidIdNumber('1101051949123100', TODAY)).toBe(false);
    expect(isValidIdNumber('11010519491231002X1', TODAY)).toBe(false);
    expect(isValidIdNumber('1101051949123100AX', TODAY)).toBe(false);
  });

  it('says which problem an ID number has, first one first', () => {
    expect(idNumberProblem('11010519491231002X', TODAY)).toBeNull();
    expect(idNumberProblem('1101051949123100', TODAY)).toBe('length');
    expect(idNumberProblem('1101051949123100AX', TODAY)).toBe('digits');
    expect(idNumberProblem('11010519491231002A', TODAY)).toBe('last_character');
    expect(idNumberProblem('110105194912310021', TODAY)).toBe('check_character');
    expect(idNumberProblem(makeIdNumber('110105', '1990-02-30', 1), TODAY)).toBe('birth_date');
    expect(idNumberProblem(makeIdNumber('110105', '1990-02-30', 1))).toBeNull();
  });

  it('counts age in whole years, turning over on the birthday itself', () => {
    expect(ageOn('2009-06-02', TODAY)).toBe(16);
    expect(ageOn('2009-06-03', TODAY)).toBe(15);
    expect(ageOn('1949-12-31', TODAY)).toBe(75);
  });
});
