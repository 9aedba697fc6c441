import { describe, expect, it } from 'vitest';
import { checkValue, nextWishStatus, WISH_VALUE_CAP_FEN } from './rules.ts';

describe('micro-wish rules', () => {
  it('walks pending → open → claimed → fulfilled → confirmed, or pending → rejected', () => {
    expect(nextWishStatus('pending', 'approve')).toEqual({ to: 'open' });
    expect(nextWishStatus('pending', 'reject')).toEqual({ to: 'rejected' });
    expect(nextWishStatus('open', 'claim')).toEqual({ to: 'claimed' });
    expect(nextWishStatus('claimed', 'fulfil')).toEqual({ to: 'fulfilled' });
    expect(nextWishStatus('fulfilled', 'confirm')).toEqual({ to: 'confirmed' });
  });

  it('refuses a step out of turn: no claim before approval, no second confirmation, no reopening a rejected wish', () => {
    expect(nextWishStatus('pending', 'claim')).toEqual({ code: 'wish_wrong_step', params: { status: 'pending' } });
    expect(nextWishStatus('confirmed', 'confirm')).toMatchObject({ code: 'wish_wrong_step' });
    expect(nextWishStatus('rejected', 'approve')).toMatchObject({ code: 'wish_wrong_step' });
    expect(nextWishStatus('open', 'fulfil')).toMatchObject({ code: 'wish_wrong_step' });
  });

  it('caps a wish’s value at ¥200', () => {
    expect(checkValue(WISH_VALUE_CAP_FEN)).toBeNull();
    expect(checkValue(WISH_VALUE_CAP_FEN + 1)).toEqual({ code: 'wish_over_cap', params: { cap: 200 } });
  });
});
