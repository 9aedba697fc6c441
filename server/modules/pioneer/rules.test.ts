import { describe, expect, it } from 'vitest';
import {
  addYears,
  aggregate,
  campaignStatuses,
  campaignTransitions,
  checkCampaignTransition,
  checkCandidateTransition,
  checkEligibility,
  checkRecommendation,
  checkStandard,
  judgeTotal,
  missingMarks,
  nextLevel,
  publicityLastDay,
  rank,
  type CampaignFacts,
  type CampaignStatus,
  type CampaignTransition,
} from './rules.ts';
import { DEFAULT_STANDARDS, DEFAULT_WEIGHTS } from './standards.ts';
import { sniff } from '../../platform/uploads.ts';
import { EVIDENCE_KINDS } from './evidence.ts';
import { checkTitleRow } from './title-files.ts';
import { makeUscc } from '../../platform/identity.ts';

/** Facts under which every guard passes. */
const clear: CampaignFacts = {
  today: '2025-06-10',
  quota: 3,
  candidates: 2,
  unsubmitted: 0,
  withoutJudges: 0,
  missingMarks: 0,
  nominees: 2,
  invalidNominees: 0,
  publicityLastDay: '2025-06-08',
  openObjections: 0,
  toName: 2,
};

describe('the campaign state machine', () => {
  const expected: Record<CampaignTransition, [CampaignStatus[], CampaignStatus]> = {
    close_registration: [['registration'], 'self_assessment'],
    start_scoring: [['self_assessment'], 'scoring'],
    aggregate: [['scoring'], 'showcase'],
    start_publicity: [['showcase'], 'publicity'],
    name: [['publicity'], 'named'],
    cancel: [['registration', 'self_assessment', 'scoring', 'showcase', 'publicity'], 'cancelled'],
  };

  it('has exactly the named transitions, each from its states to its state', () => {
    expect(Object.keys(campaignTransitions).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, [from, to]] of Object.entries(expected)) {
      expect([...campaignTransitions[name as CampaignTransition].from], name).toEqual(from);
      expect(campaignTransitions[name as CampaignTransition].to, name).toBe(to);
    }
  });

  it('allows each transition from its states and refuses it from every other state, naming both', () => {
    for (const [name, [from]] of Object.entries(expected) as [CampaignTransition, [CampaignStatus[], CampaignStatus]][]) {
      for (const status of campaignStatuses) {
        const r = checkCampaignTransition(status, name, clear);
        if (from.includes(status)) expect(r, `${name} from ${status}`).toBeNull();
        else expect(r, `${name} from ${status}`).toEqual({ code: 'pioneer_transition_illegal', params: { transition: `pioneer_transition_${name}`, status: `pioneer_status_${status}` } });
      }
    }
  });

  it('named and cancelled are final', () => {
    for (const name of Object.keys(expected) as CampaignTransition[]) {
      expect(checkCampaignTransition('named', name, clear)?.code).toBe('pioneer_transition_illegal');
      expect(checkCampaignTransition('cancelled', name, clear)?.code).toBe('pioneer_transition_illegal');
    }
  });

  it('closes registration only with a candidate', () => {
    expect(checkCampaignTransition('registration', 'close_registration', { ...clear, candidates: 0 })).toEqual({ code: 'pioneer_no_candidates' });
  });

  it('starts scoring only when every candidate has submitted or withdrawn', () => {
    expect(checkCampaignTransition('self_assessment', 'start_scoring', { ...clear, unsubmitted: 1 })).toEqual({ code: 'pioneer_unsubmitted_candidates', params: { count: 1 } });
  });

  it('aggregates only when every candidate has a judge and every mark is in', () => {
    expect(checkCampaignTransition('scoring', 'aggregate', { ...clear, withoutJudges: 2, missingMarks: 5 })?.code).toBe('pioneer_candidates_without_judges');
    expect(checkCampaignTransition('scoring', 'aggregate', { ...clear, missingMarks: 5 })).toEqual({ code: 'pioneer_scores_missing', params: { count: 5 } });
  });

  it('proposes within the quota: exactly the quota passes, one more is refused', () => {
    expect(checkCampaignTransition('showcase', 'start_publicity', { ...clear, nominees: 3 })).toBeNull();
    expect(checkCampaignTransition('showcase', 'start_publicity', { ...clear, nominees: 4 })).toEqual({ code: 'pioneer_quota_exceeded', params: { quota: 3, count: 4 } });
    expect(checkCampaignTransition('showcase', 'start_publicity', { ...clear, nominees: 0 })?.code).toBe('pioneer_nominees_required');
    expect(checkCampaignTransition('showcase', 'start_publicity', { ...clear, invalidNominees: 1 })?.code).toBe('pioneer_nominee_not_scored');
  });

  it('names only after the last day of publicity, with no objection open, within the quota', () => {
    expect(checkCampaignTransition('publicity', 'name', { ...clear, today: '2025-06-08' })).toEqual({ code: 'pioneer_publicity_not_over', params: { date: '2025-06-08' } });
    expect(checkCampaignTransition('publicity', 'name', { ...clear, today: '2025-06-09' })).toBeNull();
    expect(checkCampaignTransition('publicity', 'name', { ...clear, openObjections: 1 })).toEqual({ code: 'pioneer_objections_open', params: { count: 1 } });
    expect(checkCampaignTransition('publicity', 'name', { ...clear, toName: 4 })?.code).toBe('pioneer_quota_exceeded');
  });

  it('counts publicity days inclusively: 7 days from 2 June end on 8 June', () => {
    expect(publicityLastDay('2025-06-02', 7)).toBe('2025-06-08');
    expect(publicityLastDay('2025-02-25', 7)).toBe('2025-03-03');
    expect(publicityLastDay('2025-06-02', 1)).toBe('2025-06-02');
  });
});

describe('a candidate’s own transitions', () => {
  const ready = { campaignStatus: 'self_assessment' as const, unscoredCriteria: 0, evidence: 1 };
  it('submits from registered only, with every criterion self-marked and evidence', () => {
    expect(checkCandidateTransition('registered', 'submit', ready)).toBeNull();
    expect(checkCandidateTransition('registered', 'submit', { ...ready, unscoredCriteria: 2 })).toEqual({ code: 'pioneer_self_assessment_incomplete', params: { count: 2 } });
    expect(checkCandidateTransition('registered', 'submit', { ...ready, evidence: 0 })).toEqual({ code: 'pioneer_evidence_required' });
    expect(checkCandidateTransition('submitted', 'submit', ready)?.code).toBe('pioneer_transition_illegal');
    expect(checkCandidateTransition('registered', 'submit', { ...ready, campaignStatus: 'scoring' })?.code).toBe('pioneer_transition_illegal');
  });

  it('withdraws while teams prepare, never after scoring starts', () => {
    expect(checkCandidateTransition('registered', 'withdraw', { ...ready, campaignStatus: 'registration' })).toBeNull();
    expect(checkCandidateTransition('submitted', 'withdraw', ready)).toBeNull();
    expect(checkCandidateTransition('submitted', 'withdraw', { ...ready, campaignStatus: 'scoring' })?.code).toBe('pioneer_transition_illegal');
    for (const status of ['withdrawn', 'scored', 'nominated', 'named', 'not_named'] as const) {
      expect(checkCandidateTransition(status, 'withdraw', ready)?.code, status).toBe('pioneer_transition_illegal');
    }
  });
});

describe('eligibility', () => {
  const base = { hasUnion: true, incidents: [], year: 2025, today: '2025-06-02' };
  it('needs a union of the enterprise’s own', () => {
    expect(checkEligibility({ ...base, hasUnion: false })).toEqual({ code: 'pioneer_ineligible_no_union' });
    expect(checkEligibility(base)).toBeNull();
  });

  it('bars a safety accident, serious occupational hazard or mass incident for exactly three years', () => {
    for (const kind of ['safety_accident', 'occupational_hazard', 'mass_incident'] as const) {
      expect(checkEligibility({ ...base, incidents: [{ kind, occurredOn: '2022-06-02' }] }), `${kind} exactly 3 years ago`).toBeNull();
      expect(checkEligibility({ ...base, incidents: [{ kind, occurredOn: '2022-06-03' }] })).toEqual({ code: 'pioneer_ineligible_incident', params: { date: '2022-06-03', kind: `incident_${kind}` } });
      expect(checkEligibility({ ...base, incidents: [{ kind, occurredOn: '2025-06-02' }] })?.code).toBe('pioneer_ineligible_incident');
      expect(checkEligibility({ ...base, incidents: [{ kind, occurredOn: '2025-06-03' }] }), 'a date after today').toBeNull();
    }
  });

  it('counts three years back from 29 February to 28 February', () => {
    expect(addYears('2024-02-29', -3)).toBe('2021-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    const leap = { ...base, today: '2024-02-29', year: 2024 };
    expect(checkEligibility({ ...leap, incidents: [{ kind: 'safety_accident', occurredOn: '2021-02-28' }] })).toBeNull();
    expect(checkEligibility({ ...leap, incidents: [{ kind: 'safety_accident', occurredOn: '2021-03-01' }] })?.code).toBe('pioneer_ineligible_incident');
  });

  it('bars wage arrears and unpaid social insurance in the campaign’s year only', () => {
    for (const kind of ['wage_arrears', 'social_insurance_arrears'] as const) {
      expect(checkEligibility({ ...base, incidents: [{ kind, occurredOn: '2025-01-01' }] })).toEqual({ code: 'pioneer_ineligible_arrears', params: { year: 2025, kind: `incident_${kind}` } });
      expect(checkEligibility({ ...base, incidents: [{ kind, occurredOn: '2024-12-31' }] })).toBeNull();
    }
  });
});

describe('scoring', () => {
  const criteria = [
    { id: 1, dimension: 'infrastructure' as const, maxPoints: 10 },
    { id: 2, dimension: 'organization' as const, maxPoints: 10 },
    { id: 3, dimension: 'workforce' as const, maxPoints: 10 },
    { id: 4, dimension: 'management' as const, maxPoints: 10 },
    { id: 5, dimension: 'effectiveness' as const, maxPoints: 20 },
  ];
  const sheet = (...p: number[]) => new Map(p.map((v, i) => [i + 1, v]));

  it('weights each dimension’s share of its points, in hundredths out of 100', () => {
    expect(judgeTotal(criteria, DEFAULT_WEIGHTS, sheet(10, 10, 10, 10, 20))).toBe(10000);
    expect(judgeTotal(criteria, DEFAULT_WEIGHTS, sheet(0, 0, 0, 0, 0))).toBe(0);
    // 15·1 + 15·0.5 + 20·0 + 20·1 + 30·0.5 = 57.5
    expect(judgeTotal(criteria, DEFAULT_WEIGHTS, sheet(10, 5, 0, 10, 10))).toBe(5750);
  });

  it('has no total while a criterion is unmarked, and counts what is missing', () => {
    const partial = new Map([[1, 10], [2, 10]]);
    expect(judgeTotal(criteria, DEFAULT_WEIGHTS, partial)).toBeNull();
    expect(missingMarks(criteria, [partial, sheet(1, 1, 1, 1, 1), new Map()])).toBe(3 + 0 + 5);
  });

  it('averages, or drops the highest and lowest with five or more judges', () => {
    expect(aggregate('mean', [9000, 7000])).toBe(8000);
    expect(aggregate('trimmed_mean', [9000, 7000])).toBe(8000);
    expect(aggregate('trimmed_mean', [10000, 2000, 8000, 8000])).toBe(7000);
    expect(aggregate('trimmed_mean', [10000, 2000, 8000, 8000, 8000])).toBe(8000);
    expect(aggregate('mean', [10000, 2000, 8000, 8000, 8000])).toBe(7200);
    // ties at the extremes: one of each is dropped, not all of them
    expect(aggregate('trimmed_mean', [9000, 9000, 9000, 5000, 5000, 7000])).toBe(7500);
    expect(aggregate('mean', [])).toBeNull();
  });

  it('rounds the mean half up to the hundredth', () => {
    expect(aggregate('mean', [8001, 8002])).toBe(8002);
    expect(aggregate('mean', [1, 1, 2])).toBe(1);
  });

  it('ranks ties equally and skips the next rank', () => {
    const r = rank([
      { id: 4, score: 7000 },
      { id: 1, score: 9000 },
      { id: 3, score: 9000 },
      { id: 2, score: 8000 },
      { id: 5, score: 7000 },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      [1, 1],
      [3, 1],
      [2, 3],
      [4, 4],
      [5, 4],
    ]);
    expect(rank([])).toEqual([]);
  });
});

describe('standards', () => {
  it('ships five default standards that pass their own checks', () => {
    expect(DEFAULT_STANDARDS.map((s) => s.type).sort()).toEqual(['model_education', 'modern_management', 'quality_service', 'safe_production', 'tech_innovation']);
    for (const s of DEFAULT_STANDARDS) expect(checkStandard(s.weights, s.criteria), s.type).toEqual([]);
  });

  it('refuses weights not adding up to 100 and a dimension without criteria', () => {
    const s = DEFAULT_STANDARDS[0];
    expect(checkStandard({ ...s.weights, effectiveness: 10 }, s.criteria).map((e) => e.field)).toEqual(['weights']);
    expect(checkStandard(s.weights, s.criteria.filter((c) => c.dimension !== 'management')).map((e) => e.field)).toEqual(['criteria']);
  });
});

describe('titles', () => {
  it('recommends county → city → province → national, never past the top, never a revoked or already recommended title', () => {
    expect(nextLevel('county')).toBe('city');
    expect(nextLevel('city')).toBe('province');
    expect(nextLevel('province')).toBe('national');
    expect(nextLevel('national')).toBeNull();
    expect(checkRecommendation({ status: 'active', level: 'county' }, 0)).toBeNull();
    expect(checkRecommendation({ status: 'active', level: 'national' }, 0)?.code).toBe('pioneer_recommendation_top');
    expect(checkRecommendation({ status: 'revoked', level: 'county' }, 0)?.code).toBe('pioneer_title_revoked');
    expect(checkRecommendation({ status: 'active', level: 'city' }, 1)?.code).toBe('pioneer_recommendation_open');
  });

  it('checks an imported row on its own', () => {
    expect(checkTitleRow({ teamName: '一车间', uscc: makeUscc('330421', 7), type: '安全生产型', level: '县级', year: '2018' }, 2025)).toEqual([]);
    expect(checkTitleRow({ teamName: '一车间', uscc: makeUscc('330421', 7).slice(0, 17) + '?', type: '全国', level: '全国', year: '2025' }, 2025).map((e) => e.field)).toEqual(['uscc', 'type']);
    const errors = checkTitleRow({ teamName: '', uscc: '', type: '安全型', level: '区级', year: '2026' }, 2025).map((e) => e.field);
    expect(errors).toEqual(['teamName', 'uscc', 'type', 'level', 'year']);
  });
});

describe('evidence types', () => {
  const zip = (part: string) => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from(`....${part}....`, 'latin1')]);
  it.each([
    ['a.pdf', Buffer.from('%PDF-1.7'), 'pdf'],
    ['a.JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'jpg'],
    ['a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'png'],
    ['a.docx', zip('word/document.xml'), 'docx'],
    ['a.xlsx', zip('xl/workbook.xml'), 'xlsx'],
    ['a.xlsx', zip('word/document.xml'), null],
    ['a.pdf', Buffer.from('<html>'), null],
    ['a.html', Buffer.from('%PDF-1.7'), null],
    ['a', Buffer.from('%PDF-1.7'), null],
  ])('%s with its bytes is %s', (name, data, kind) => {
    expect(sniff(name, data.subarray(0, 12), EVIDENCE_KINDS, () => data)).toBe(kind);
  });
});
