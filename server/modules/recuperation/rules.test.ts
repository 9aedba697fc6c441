import { describe, expect, it } from 'vitest';
import { checkApplicant, checkBatchDates, checkPriorityFirst, checkQuotaFits, defaultSettings, priorityOf, resolveSettings, statusOnApplying, workingDaysBetween, agreementValidOn } from './rules.ts';

describe('recuperation rules', () => {
  it('counts working days Monday to Friday, both ends included', () => {
    expect(workingDaysBetween('2025-09-15', '2025-09-19')).toBe(5); // Mon–Fri
    expect(workingDaysBetween('2025-09-13', '2025-09-14')).toBe(0); // a weekend
    expect(workingDaysBetween('2025-09-15', '2025-09-22')).toBe(6);
  });

  it('limits a trip to 5 working days in the province and 7 to partner regions by default', () => {
    expect(checkBatchDates('2025-09-15', '2025-09-19', 'province', defaultSettings)).toBeNull();
    expect(checkBatchDates('2025-09-15', '2025-09-22', 'province', defaultSettings)).toEqual({ code: 'recuperation_trip_too_long', params: { days: 6, max: 5 } });
    expect(checkBatchDates('2025-09-15', '2025-09-23', 'partner', defaultSettings)).toBeNull();
    expect(checkBatchDates('2025-09-15', '2025-09-24', 'partner', defaultSettings)?.code).toBe('recuperation_trip_too_long');
    expect(checkBatchDates('2025-09-19', '2025-09-15', 'province', defaultSettings)?.code).toBe('recuperation_dates_order');
    expect(checkBatchDates('2025-09-15', '2025-09-18', 'province', resolveSettings({ maxWorkingDaysInProvince: 3 }))?.code).toBe('recuperation_trip_too_long');
  });

  it('never lets a quota exceed the giver’s free places', () => {
    expect(checkQuotaFits(5, 5)).toBeNull();
    expect(checkQuotaFits(6, 5)).toEqual({ code: 'recuperation_quota_exceeded', params: { places: 6, free: 5 } });
  });

  it('needs the working years and allows one trip a year', () => {
    expect(checkApplicant({ workingYears: 1, tripsThisYear: 0 }, defaultSettings)).toBeNull();
    expect(checkApplicant({ workingYears: 0, tripsThisYear: 0 }, defaultSettings)?.code).toBe('recuperation_working_years');
    expect(checkApplicant({ workingYears: 5, tripsThisYear: 1 }, defaultSettings)?.code).toBe('recuperation_yearly_limit');
    expect(checkApplicant({ workingYears: 5, tripsThisYear: 1 }, resolveSettings({ tripsPerYear: 2 }))).toBeNull();
  });

  it('names the priority group: model worker, then frontline, then long service', () => {
    expect(priorityOf({ modelWorker: true, frontline: true, workingYears: 30 }, defaultSettings)).toBe('model_worker');
    expect(priorityOf({ modelWorker: false, frontline: true, workingYears: 30 }, defaultSettings)).toBe('frontline');
    expect(priorityOf({ modelWorker: false, frontline: false, workingYears: 20 }, defaultSettings)).toBe('long_service');
    expect(priorityOf({ modelWorker: false, frontline: false, workingYears: 19 }, defaultSettings)).toBeNull();
  });

  it('serves priority groups first only when places are short', () => {
    expect(checkPriorityFirst(null, 3, 2)).toBeNull();
    expect(checkPriorityFirst(null, 2, 2)?.code).toBe('recuperation_priority_first');
    expect(checkPriorityFirst('frontline', 1, 5)).toBeNull();
    expect(checkPriorityFirst(null, 0, 0)).toBeNull();
  });

  it('waitlists beyond the free places, and counts an agreement from signing to its end', () => {
    expect(statusOnApplying(2, 1)).toBe('pending');
    expect(statusOnApplying(2, 2)).toBe('waitlisted');
    expect(agreementValidOn({ signed_on: '2019-06-01', valid_until: '2025-12-31' }, '2025-12-31')).toBe(true);
    expect(agreementValidOn({ signed_on: '2019-06-01', valid_until: '2025-12-31' }, '2026-01-01')).toBe(false);
  });
});
