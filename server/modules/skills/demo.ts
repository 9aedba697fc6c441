import type { Caller, Deps } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import type { IssuerKind, SkillLevel } from './rules.ts';

/**
 * The seed's skill-level self-evaluation (union-newspaper-page.zh.txt): at 浙江安胜科技股份有限公司 in
 * 永康, 812 young workers passed the enterprise's own evaluation, 43 of them at 高级工 or above. The
 * page gives only those two figures; how the 43 split between 三级, 二级 and 一级, and the 769
 * between 四级 and 五级, is the demo's choice (most at the entry levels, as in a first evaluation).
 */
export const ANSHENG = { passed: 812, advancedOrAbove: 43 };
const SPLIT: [level: SkillLevel, count: number][] = [
  [1, 2],
  [2, 6],
  [3, 35],
  [4, 286],
  [5, 483],
];
const OCCUPATIONS = ['钳工', '车工', '焊工', '电工', '数控车工', '装配钳工', '冲压工', '抛光工', '质检员', '模具工', '机修钳工', '包装工'];

export interface DemoRecord {
  memberId: number;
  occupation: string;
  level: SkillLevel;
  certificateNo: string;
  issuedOn: string;
  issuer: string;
  issuerKind: IssuerKind;
}

/** Writes demo records in batches with one audit entry per org, as an import does. */
export async function seedSkillRecords(deps: Deps, admin: Caller, orgId: number, records: DemoRecord[]) {
  await deps.db.transaction().execute(async (tx) => {
    for (let i = 0; i < records.length; i += 200) {
      await tx
        .insertInto('skill_levels')
        .values(
          records.slice(i, i + 200).map((r) => ({
            member_id: r.memberId,
            occupation: r.occupation,
            level: r.level,
            certificate_no: r.certificateNo,
            issued_on: r.issuedOn,
            issuer: r.issuer,
            issuer_kind: r.issuerKind,
            source: 'demo' as const,
            status: 'valid' as const,
            replaces_id: null,
            reason: null,
            closed_by: null,
            closed_at: null,
            created_by: admin.actor.userId,
            created_at: admin.actor.now,
          })),
        )
        .execute();
    }
    await audit(tx, admin.actor, { action: 'skill_level.import', entity: 'org', entityId: orgId, orgId, after: { imported: records.length } });
  });
}

/**
 * 安胜科技's evaluation: one record per member given (812 of them), levels as SPLIT (43 at level 3
 * or above), issued by the enterprise itself in two sittings of the last two years.
 */
export function anshengRecords(memberIds: number[], enterprise: string, today: string): DemoRecord[] {
  const levels = SPLIT.flatMap(([level, count]) => Array.from({ length: count }, () => level));
  if (memberIds.length !== levels.length) throw new Error(`安胜科技 needs ${levels.length} members, got ${memberIds.length}`);
  const year = Number(today.slice(0, 4));
  return memberIds.map((memberId, i) => {
    // The higher levels went to the earlier sitting's best, spread over the roll.
    const level = levels[(i * 409) % levels.length];
    const sitting = i % 3 === 0 ? `${year - 2}-11-20` : `${year - 1}-06-28`;
    return {
      memberId,
      occupation: OCCUPATIONS[(i * 7) % OCCUPATIONS.length],
      level,
      certificateNo: `S${year - (i % 3 === 0 ? 2 : 1)}3307840${String(10001 + i).padStart(6, '0')}`,
      issuedOn: sitting,
      issuer: enterprise,
      issuerKind: 'enterprise' as const,
    };
  });
}
