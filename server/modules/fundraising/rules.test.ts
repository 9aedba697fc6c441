import { describe, expect, it } from 'vitest';
import { maskName } from '../../platform/pii.ts';
import { checkDonation, checkSpend, formatReceiptNo, publicName } from './rules.ts';

describe('fundraising rules', () => {
  it('numbers receipts by year and a six-digit serial', () => {
    expect(formatReceiptNo('2026', 7)).toBe('捐2026-000007');
    expect(formatReceiptNo('2026', 1_234_567)).toBe('捐2026-1234567');
  });

  it('wants money or goods in a donation', () => {
    expect(checkDonation(0, 0)?.code).toBe('fundraiser_donation_empty');
    expect(checkDonation(1, 0)).toBeNull();
    expect(checkDonation(0, 1)).toBeNull();
  });

  it('spends up to the balance, not a fen more', () => {
    expect(checkSpend(100, 100, 'money')).toBeNull();
    expect(checkSpend(100, 101, 'money')).toEqual({ code: 'fundraiser_balance_exceeded', params: { balance: '1.00' } });
    expect(checkSpend(3, 4, '冬装')).toEqual({ code: 'fundraiser_goods_exceeded', params: { name: '冬装', left: 3 } });
  });

  it('names a donor only when they agreed, and never a recipient', () => {
    expect(publicName('王小明', 'donation', true, maskName)).toBe('王小明');
    expect(publicName('王小明', 'donation', false, maskName)).toBe('王*明');
    expect(publicName('王小明', 'disbursement', true, maskName)).toBe('王*明');
    expect(publicName('嘉善智造软件有限公司', 'donation', false, maskName)).toBe('嘉善***');
    expect(publicName('李四', 'donation', false, maskName)).toBe('李*');
  });
});
