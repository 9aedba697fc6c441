import { describe, expect, it } from 'vitest';
import { isAdvancedOrAbove, isCertificateNo, issuedInFuture, levelLabel, parseIssuerKind, parseLevel } from './rules.ts';

describe('skill-level rules', () => {
  it('reads a level from its number or either of its names', () => {
    expect(parseLevel('3')).toBe(3);
    expect(parseLevel('三级')).toBe(3);
    expect(parseLevel('高级工')).toBe(3);
    expect(parseLevel('一级/高级技师')).toBe(1);
    expect(parseLevel('五级（初级工）')).toBe(5);
    expect(parseLevel('技师')).toBe(2);
    for (const bad of ['0', '6', '七级', '学徒工', '特级技师', '']) expect(parseLevel(bad)).toBeNull();
  });

  it('counts levels 1–3 as 高级工 or above, and level 4 not', () => {
    expect([1, 2, 3, 4, 5].map(isAdvancedOrAbove)).toEqual([true, true, true, false, false]);
    expect(levelLabel(4)).toBe('四级/中级工');
  });

  it('keeps the certificate-number check permissive: 4–40 letters, digits or hyphens', () => {
    expect(isCertificateNo('S000000000000000001')).toBe(true);
    expect(isCertificateNo('AS-2024-0001')).toBe(true);
    expect(isCertificateNo('abc')).toBe(false);
    expect(isCertificateNo('x'.repeat(41))).toBe(false);
    expect(isCertificateNo('证书123')).toBe(false);
  });

  it('refuses an issue date after today, and reads the evaluation kind (empty: an agency)', () => {
    expect(issuedInFuture('2025-06-03', '2025-06-02')).toBe(true);
    expect(issuedInFuture('2025-06-02', '2025-06-02')).toBe(false);
    expect(parseIssuerKind('')).toBe('agency');
    expect(parseIssuerKind('企业自主评价')).toBe('enterprise');
    expect(parseIssuerKind('学校')).toBeNull();
  });
});
