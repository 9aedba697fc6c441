import type { Tx } from '../../db/database.ts';
import type { Deps } from '../../platform/context.ts';
import type { Actor } from '../../platform/audit.ts';
import type { AwardGrade } from '../../platform/assessment/index.ts';
import { recordSkillLevel } from '../skills/index.ts';
import { recognisedLevel } from './rules.ts';

/**
 * Results feed skill levels (issue #12 §1): where the contest's rule says so, an award winner is
 * recognised one level above the level the event was held at, as a skill-level record written by
 * the skills module's `recordSkillLevel` (source `competition`) in the publishing transaction.
 * Returns entry id → the record's id.
 */
export async function feedSkillLevels(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  c: { id: number; year: number; issuer: string; levelUpAwards: AwardGrade[]; day: string },
  e: { name: string; occupation: string | null; level: number | null },
  winners: { entryId: number; memberId: number; award: AwardGrade | null }[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const w of winners) {
    const level = recognisedLevel(w.award, c.levelUpAwards, e.level);
    if (level === null) continue;
    const { id } = await recordSkillLevel(tx, deps, actor, {
      memberId: w.memberId,
      occupation: e.occupation ?? e.name,
      level,
      certificateNo: `JS-${c.year}-${c.id}-${w.entryId}`,
      issuedOn: c.day,
      issuer: c.issuer,
      issuerKind: 'agency',
      source: 'competition',
    });
    out.set(w.entryId, id);
  }
  return out;
}
