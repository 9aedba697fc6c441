import { shanghaiDate, endOfShanghaiDay } from '../../platform/dates.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../platform/identity.ts';
import { registerTexts } from '../../platform/i18n.ts';
import { texts } from './messages.ts';
import { checkIdentity, checkStatusChange, checkTransferStart, canHoldMembers, formatMemberNo, genderOf, overdueCutoff } from './rules.ts';
import { checkRow } from './roll-files.ts';

describe('member rules', () => {
  it('accepts a worker who turns 16 today and refuses one who turns 16 tomorrow', () => {
    expect(checkIdentity(makeIdNumber('330421', '2009-06-02', 1), '2025-06-02')).toBeNull();
    expect(checkIdentity(makeIdNumber('330421', '2009-06-03', 1), '2025-06-02')).toBe('id_number_too_young');
  });

  it('refuses a wrong check digit and an impossible birth date', () => {
    const good = makeIdNumber('330421', '1990-03-07', 1);
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkIdentity(wrong, '2025-06-02')).toBe('id_number_checksum');
    expect(checkIdentity(makeIdNumber('330421', '1990-02-30', 1), '2025-06-02')).toBe('id_number_checksum');
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

  it('lets unions, branches and street federations hold members, not county federations', () => {
    expect(canHoldMembers('grassroots_union', null)).toBe(true);
    expect(canHoldMembers('branch', null)).toBe(true);
    expect(canHoldMembers('federation', 'street')).toBe(true);
    expect(canHoldMembers('federation', 'county')).toBe(false);
  });
});

describe('import row check', () => {
  // Row errors are explained by the module's registered field rules, as in the running app.
  beforeAll(() => registerTexts('members', texts));
  const row = { name: '王一', idNumber: makeIdNumber('330421', '1990-03-07', 1), phone: '13800000000', uscc: '', joinedOn: '2024-03-01' };
  it('accepts a clean row', () => {
    expect(checkRow(row, '2025-06-02')).toEqual([]);
  });
  it('names each bad column', () => {
    const errors = checkRow({ name: '', idNumber: '3.30421199003071E+17', phone: '1380000', uscc: 'ABC', joinedOn: '2026-01-01' }, '2025-06-02');
    expect(errors.map((e) => e.field)).toEqual(['name', 'idNumber', 'phone', 'uscc', 'joinedOn']);
    expect(errors[1].message.zh).toContain('文本格式');
    expect(errors[4].message.zh).toContain('晚于今天');
  });
});
