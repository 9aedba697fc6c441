import { describe, expect, it } from 'vitest';
import { checkAgreement, checkClaim, checkOwnPartner, itemStatuses, nextStatus, type ClaimAction, type ItemStatus } from './rules.ts';

describe('co-building rules', () => {
  it('lets only the other side claim, and only an open item (a second claim is the 409 list_item_claimed)', () => {
    expect(checkClaim({ partnerId: null, status: 'open' }, 'partner')).toBeNull();
    expect(checkClaim({ partnerId: 7, status: 'open' }, 'union')).toBeNull();
    expect(checkClaim({ partnerId: null, status: 'open' }, 'union')?.code).toBe('list_item_same_side');
    expect(checkClaim({ partnerId: 7, status: 'open' }, 'partner')?.code).toBe('list_item_same_side');
    for (const status of ['claimed', 'in_progress', 'done', 'rated'] as const) expect(checkClaim({ partnerId: null, status }, 'partner')?.code).toBe('list_item_claimed');
  });

  it('moves claimed → in progress → done → rated, or back to open on withdrawal, and nothing else', () => {
    const allowed: Record<ClaimAction, [ItemStatus, ItemStatus]> = { start: ['claimed', 'in_progress'], finish: ['in_progress', 'done'], withdraw: ['claimed', 'open'], rate: ['done', 'rated'] };
    for (const [action, [from, to]] of Object.entries(allowed) as [ClaimAction, [ItemStatus, ItemStatus]][]) {
      for (const status of itemStatuses) {
        expect(nextStatus(status, action)).toEqual(status === from ? { to } : { code: 'list_item_wrong_step', params: { status } });
      }
    }
  });

  it('keeps a partner contact to its own partner, and agreements in order', () => {
    expect(checkOwnPartner(undefined, 3)).toBeNull();
    expect(checkOwnPartner(3, 3)).toBeNull();
    expect(checkOwnPartner(4, 3)?.code).toBe('list_item_foreign_partner');
    expect(checkAgreement('2026-03-01', '2028-02-29')).toBeNull();
    expect(checkAgreement('2026-03-01', null)).toBeNull();
    expect(checkAgreement('2026-03-01', '2026-02-28')?.code).toBe('partner_agreement_dates');
  });
});
