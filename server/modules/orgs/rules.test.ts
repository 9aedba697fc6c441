import { describe, expect, it } from 'vitest';
import { checkClose, checkMove, checkPlacement, hasUnion, needsUnion, unionDueFoundedBy, type OrgShape } from './rules.ts';

const county: OrgShape = { kind: 'federation', level: 'county' };
const street: OrgShape = { kind: 'federation', level: 'street' };
const town: OrgShape = { kind: 'federation', level: 'town' };
const joint: OrgShape = { kind: 'joint_union', level: null };
const grassroots: OrgShape = { kind: 'grassroots_union', level: null };
const branch: OrgShape = { kind: 'branch', level: null };

describe('placement in the union tree', () => {
  it('lets only a county federation start a tree', () => {
    expect(checkPlacement(county, null)).toBeNull();
    for (const shape of [street, joint, grassroots, branch]) expect(checkPlacement(shape, null)).toEqual({ code: 'org_root_kind' });
  });

  it('puts a street federation under a county federation only', () => {
    expect(checkPlacement(street, county)).toBeNull();
    expect(checkPlacement(street, street)).toMatchObject({ code: 'org_parent_kind', params: { kind: 'street', parentKind: 'street' } });
    expect(checkPlacement(county, county)).toMatchObject({ code: 'org_parent_kind', params: { kind: 'county', parentKind: 'county' } });
  });

  it('puts a town federation where a street one goes, and unions under it', () => {
    expect(checkPlacement(town, county)).toBeNull();
    expect(checkPlacement(town, street)).toMatchObject({ code: 'org_parent_kind', params: { kind: 'town', parentKind: 'street' } });
    expect(checkPlacement(joint, town)).toBeNull();
    expect(checkPlacement(grassroots, town)).toBeNull();
    expect(checkPlacement(branch, town)).toMatchObject({ code: 'org_parent_kind' });
  });

  it('puts joint unions under federations, grassroots unions under federations or joint unions', () => {
    expect(checkPlacement(joint, county)).toBeNull();
    expect(checkPlacement(joint, street)).toBeNull();
    expect(checkPlacement(joint, joint)).toMatchObject({ code: 'org_parent_kind' });
    expect(checkPlacement(grassroots, street)).toBeNull();
    expect(checkPlacement(grassroots, county)).toBeNull();
    expect(checkPlacement(grassroots, joint)).toBeNull();
    expect(checkPlacement(grassroots, grassroots)).toMatchObject({ code: 'org_parent_kind' });
  });

  it('puts a branch under a union, never under a federation or another branch', () => {
    expect(checkPlacement(branch, joint)).toBeNull();
    expect(checkPlacement(branch, grassroots)).toBeNull();
    expect(checkPlacement(branch, street)).toMatchObject({ code: 'org_parent_kind', params: { kind: 'branch', parentKind: 'street' } });
    expect(checkPlacement(branch, branch)).toMatchObject({ code: 'org_parent_kind' });
  });
});

describe('moving an org', () => {
  it('refuses a move under itself or anything in its own subtree', () => {
    // org 5 under 2; target 9 has ancestors 1 → 2 → 5 → 9
    expect(checkMove(5, 2, [1, 2, 5, 9])).toEqual({ code: 'org_move_into_self' });
    expect(checkMove(5, 2, [1, 2, 5])).toEqual({ code: 'org_move_into_self' });
  });

  it('refuses moving the top of a tree', () => {
    expect(checkMove(1, null, [7])).toEqual({ code: 'org_move_root' });
  });

  it('allows a move under a sibling subtree', () => {
    expect(checkMove(5, 2, [1, 3])).toBeNull();
  });
});

describe('closing an org', () => {
  it('refuses while open children remain, naming how many', () => {
    expect(checkClose(2, 0)).toEqual({ code: 'org_has_open_children', params: { count: 2 } });
  });
  it('refuses while it still covers active enterprises', () => {
    expect(checkClose(0, 3)).toEqual({ code: 'org_has_enterprises', params: { count: 3 } });
  });
  it('allows closing an empty org', () => {
    expect(checkClose(0, 0)).toBeNull();
  });
});

describe('enterprises without a union (未建会)', () => {
  it('counts an enterprise covered only by a federation as having no union', () => {
    expect(hasUnion('federation')).toBe(false);
    expect(hasUnion('grassroots_union')).toBe(true);
    expect(hasUnion('joint_union')).toBe(true);
    expect(hasUnion('branch')).toBe(true);
  });

  it('prompts for a union exactly one year after founding, not a day before', () => {
    expect(needsUnion('federation', '2024-06-02', '2025-06-01')).toBe(false);
    expect(needsUnion('federation', '2024-06-02', '2025-06-02')).toBe(true);
    expect(needsUnion('federation', '2024-06-02', '2026-01-01')).toBe(true);
  });

  it('counts a 29 February founding as a year old from 1 March of the next year', () => {
    expect(needsUnion('federation', '2024-02-29', '2025-02-28')).toBe(false);
    expect(needsUnion('federation', '2024-02-29', '2025-03-01')).toBe(true);
  });

  it('gives the founding day by which an enterprise is due a union, for SQL to compare with', () => {
    expect(unionDueFoundedBy('2025-06-02')).toBe('2024-06-02');
    expect('2024-02-29' <= unionDueFoundedBy('2025-02-28')).toBe(false);
    expect('2024-02-29' <= unionDueFoundedBy('2025-03-01')).toBe(true);
  });

  it('never prompts an enterprise that has a union or no founding date', () => {
    expect(needsUnion('grassroots_union', '2000-01-01', '2025-06-02')).toBe(false);
    expect(needsUnion('federation', null, '2025-06-02')).toBe(false);
  });
});
