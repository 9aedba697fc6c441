import { describe, expect, it } from 'vitest';
import { balanceOf, covers, donationPoints, MAX_POINTS_PER_DONATION, servicePoints, shanghaiYear } from './rules.ts';

describe('love-points rules', () => {
  it('credits 10 points per whole service hour, nothing for a part hour or a negative one', () => {
    expect(servicePoints(3)).toBe(30);
    expect(servicePoints(2.9)).toBe(20);
    expect(servicePoints(-1)).toBe(0);
  });

  it('credits a point per ¥10 and per unit of goods donated, capped', () => {
    expect(donationPoints({ amountFen: 5_999 })).toBe(5);
    expect(donationPoints({ amountFen: 2_000, goodsUnits: 3 })).toBe(5);
    expect(donationPoints({ amountFen: 10_000_000 })).toBe(MAX_POINTS_PER_DONATION);
  });

  it('never lets a spend go beyond the balance', () => {
    expect(covers(50, 50)).toBe(true);
    expect(covers(49, 50)).toBe(false);
    expect(covers(50, 0)).toBe(false);
    expect(balanceOf([{ points: 30 }, { points: -20 }, { points: 10 }])).toBe(20);
  });

  it('counts the year in China time: New Year’s Eve after 16:00 UTC is already the next year', () => {
    expect(shanghaiYear('2025-12-31T15:59:00.000Z')).toBe(2025);
    expect(shanghaiYear('2025-12-31T16:00:00.000Z')).toBe(2026);
  });
});
