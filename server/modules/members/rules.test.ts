import { shanghaiDate, endOfShanghaiDay } from '../../platform/dates.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../platform/identity.ts';
import { registerTexts } from '../../platform/i18n.ts';
import { texts } from './messages.ts';
import {
  checkIdentity,
  checkIdNumberFormat,
  checkStatusChange,
  checkTransferStart,
  canHoldMembers,
  codeOf,
  ethnicities,
  formatMemberNo,
  genderOf,
  holdsCard,
  newFormGroups,
  overdueCutoff,
  percent,
  politicalStatuses,
} from './rules.ts';
import { checkRow, importColumns, sampleRow } from './roll-files.ts';

describe('member rules', () => {
  it('accepts a worker who turns 16 today and refuses one who turns 16 tomorrow', () => {
    expect(checkIdentity(makeIdNumber('330421', '2009-06-02', 1), '2025-06-02')).toBeNull();
    expect(checkIdentity(makeIdNumber('330421', '2009-06-03', 1), '2025-06-02')).toBe('id_number_too_young');
  });

  it('says what is wrong with an ID number: length, digits, last character, check character, birth date', () => {
    const good = makeIdNumber('330421', '1990-03-07', 1);
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkIdentity(good.slice(0, 17), '2025-06-02')).toBe('id_number_length');
    expect(checkIdentity(`3304A1${good.slice(6)}`, '2025-06-02')).toBe('id_number_digits');
    // 18 characters ending in A: not "enter 18 characters", but what is wrong with the last one
    expect(checkIdentity(`${good.slice(0, 17)}A`, '2025-06-02')).toBe('id_number_last_character');
    expect(checkIdNumberFormat(`${good.slice(0, 17)}A`)).toBe('id_number_last_character');
    expect(checkIdentity(wrong, '2025-06-02')).toBe('id_number_check_character');
    expect(checkIdentity(makeIdNumber('330421', '1990-02-30', 1), '2025-06-02')).toBe('id_number_birth_date');
    expect(checkIdNumberFormat(makeIdNumber('330421', '1990-02-30', 1))).toBeNull();
  });

  it('reads gender from the 17th digit', () => {
    expect(genderOf('11010519491231002X')).toBe('female');
    expect(genderOf('110105194912310010')).toBe('male');
  });

  it('formats member numbers as year + 8 digits', () => {
    expect(formatMemberNo('2026', 42)).toBe('202600000042');
  });

  it('counts 15 working days back, skipping weekends', () => {
    // Monday 2025-06-23: 15 working days back is Monday 2025-06-02; the day before it is the cutoff.
    expect(overdueCutoff('2025-06-23')).toBe('2025-06-01');
    expect(overdueCutoff('2025-06-24')).toBe('2025-06-02');
    // a Sunday counts like the Friday before it
    expect(overdueCutoff('2025-06-22')).toBe(overdueCutoff('2025-06-21'));
  });

  it('uses the Asia/Shanghai day', () => {
    expect(shanghaiDate(new Date('2025-06-01T16:30:00Z'))).toBe('2025-06-02');
    expect(endOfShanghaiDay('2025-06-02')).toBe('2025-06-02T16:00:00.000Z');
  });

  it('refuses status changes during a transfer or after leaving', () => {
    expect(checkStatusChange('transferring', { to: 'left' })).toBe('member_transferring');
    expect(checkStatusChange('left', { to: 'member' })).toBe('member_left');
    expect(checkStatusChange('member', { to: 'member' })).toBe('member_status_unchanged');
    expect(checkStatusChange('member', { to: 'retained', reason: 'retired' })).toBeNull();
  });

  it('starts a transfer only from an active membership toward another org', () => {
    expect(checkTransferStart('member', 1, 2)).toBeNull();
    expect(checkTransferStart('retained', 1, 2)).toBeNull();
    expect(checkTransferStart('transferring', 1, 2)).toBe('transfer_pending');
    expect(checkTransferStart('member', 1, 1)).toBe('transfer_same_org');
  });

  it('lets unions, branches, and street and town federations hold members, not county federations', () => {
    expect(canHoldMembers('grassroots_union', null)).toBe(true);
    expect(canHoldMembers('branch', null)).toBe(true);
    expect(canHoldMembers('federation', 'street')).toBe(true);
    expect(canHoldMembers('federation', 'town')).toBe(true);
    expect(canHoldMembers('federation', 'county')).toBe(false);
  });

  it('lists the 56 ethnic groups and 其他 by their GB/T 3304 codes, the six political statuses and the eight new-form groups', () => {
    expect(Object.keys(ethnicities)).toHaveLength(57);
    expect(new Set(Object.values(ethnicities)).size).toBe(57);
    expect(codeOf(ethnicities, '汉族')).toBe('01');
    expect(codeOf(ethnicities, '基诺族')).toBe('56');
    expect(codeOf(ethnicities, '其他')).toBe('97');
    expect(codeOf(ethnicities, '汉')).toBeUndefined();
    expect(Object.values(politicalStatuses)).toEqual(['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众']);
    expect(Object.keys(newFormGroups).filter((g) => g !== 'none')).toHaveLength(8);
  });

  it('gives rates in percent with one decimal, and none without a denominator', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('import row check', () => {
  // Row errors are explained by the module's registered field rules, as in the running app.
  beforeAll(() => registerTexts('members', texts));
  const row = { name: '王一', idNumber: makeIdNumber('330421', '1990-03-07', 1), phone: '13800000000', uscc: '', joinedOn: '2024-03-01' };
  it('accepts a clean row', () => {
    expect(checkRow(row, '2025-06-02')).toEqual([]);
  });
  it('passes the template’s own sample row, check digit included', () => {
    const cells = Object.fromEntries(importColumns.map((c, i) => [c.field, sampleRow[i]]));
    expect(checkRow(cells, '2025-06-02')).toEqual([]);
  });
  it('checks the optional standard columns against their lists, naming the column', () => {
    const errors = checkRow({ ...row, ethnicity: '汉', education: '本科', politicalStatus: '党员', migrantWorker: 'Y', newFormGroup: '骑手' }, '2025-06-02');
    expect(errors.map((e) => e.field)).toEqual(['migrantWorker', 'ethnicity', 'education', 'politicalStatus', 'newFormGroup']);
    expect(errors.map((e) => e.message.zh.slice(0, 4))).toEqual(['是否农民', '民族须填', '学历须为', '政治面貌', '新就业形']);
    expect(checkRow({ ...row, ethnicity: '畲族', education: '研究生', politicalStatus: '中共预备党员', migrantWorker: '是', newFormGroup: '外卖送餐员' }, '2025-06-02')).toEqual([]);
  });
  it('names each bad column', () => {
    const errors = checkRow({ name: '', idNumber: '3.30421199003071E+17', phone: '1380000', uscc: 'ABC', joinedOn: '2026-01-01' }, '2025-06-02');
    expect(errors.map((e) => e.field)).toEqual(['name', 'idNumber', 'phone', 'uscc', 'joinedOn']);
    expect(errors[1].message.zh).toContain('文本格式');
    expect(errors[4].message.zh).toContain('晚于今天');
  });
});

describe('the e-card', () => {
  it('is valid while the membership lasts (a transfer under way, a retained membership), not once the member left', () => {
    expect(['member', 'transferring', 'retained', 'left'].filter((s) => holdsCard(s as 'member'))).toEqual(['member', 'transferring', 'retained']);
  });
});
