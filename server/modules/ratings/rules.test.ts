import { describe, expect, it } from 'vitest';
import { bandOf, bandsOrdered } from '../../platform/assessment/index.ts';
import { checkScorecard, defaultScorecards, gradeOf, totalScore, validUntil, recheckDueOn } from './rules.ts';

const star = defaultScorecards.star_rating;
const home = defaultScorecards.workers_home_rating;

describe('score bands', () => {
  it('grades at each band’s lower edge', () => {
    expect(gradeOf(star, 9000)).toBe(5);
    expect(gradeOf(star, 8999)).toBe(4);
    expect(gradeOf(star, 5000)).toBe(1);
    expect(gradeOf(star, 4999)).toBeNull();
    expect(gradeOf(home, 9000)).toBe('model');
    expect(gradeOf(home, 8000)).toBe('advanced');
    expect(gradeOf(home, 7999)).toBeNull();
  });
  it('is generic in the assessment mechanism', () => {
    expect(bandOf(70, [{ min: 60, grade: 'b' }, { min: 80, grade: 'a' }])).toBe('b');
    expect(bandsOrdered(star.bands)).toBe(true);
  });
});

describe('scorecards', () => {
  it('weights sum to 100 and the total is out of 100 in hundredths', () => {
    expect(checkScorecard('star_rating', star)).toBeNull();
    expect(checkScorecard('star_rating', { ...star, criteria: star.criteria.slice(1) })?.code).toBe('rating_weights_sum');
    expect(checkScorecard('workers_home_rating', star)?.code).toBe('rating_band_grade');
    expect(totalScore(star, star.criteria.map((c) => ({ dimension: c.dimension, value: c.max })))).toBe(10000);
  });
  it('dates validity and re-check from naming', () => {
    expect(validUntil(star, '2026-07-01')).toBe('2029-07-01');
    expect(recheckDueOn(star, '2026-07-01')).toBe('2027-07-01');
    expect(validUntil(home, '2026-07-01')).toBe('2031-07-01');
  });
});
