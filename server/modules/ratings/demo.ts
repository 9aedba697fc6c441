import type { Caller, Deps } from '../../platform/context.ts';
import { addDays } from '../../platform/assessment/index.ts';
import { createRating, name, publicize, review } from './ratings.ts';
import type { RatingDimension, RatingKind, RatingLevel } from './rules.ts';

export interface RatingDemo {
  orgId: number;
  kind: RatingKind;
  level: RatingLevel;
  /** marks per dimension: organisation /25, democratic management /20, rights /20, services /20, own building /15 */
  marks: [number, number, number, number, number];
  evidence: string[];
  /** named this many days ago (absent: left at self-assessment, for the reviewer's to-do) */
  namedDaysAgo?: number;
}

const dimensions: RatingDimension[] = ['organization', 'democratic_management', 'rights', 'services', 'own_building'];

/**
 * Ratings from the seed (union-newspaper-page.zh.txt): 天水街道总工会 "先后被授予'杭州市示范职工之家'
 * '浙江省模范职工之家'" — a provincial model Workers' Home; 宁波云创青年小镇工会联合会 "今年获得'宁波市
 * 五星级活力基层工会联合会'" — five stars at city level (in the demo county's tree). Each runs the
 * whole lifecycle on the default scorecard, with the clock set to its days so publicity has passed.
 */
export async function seedRatingsDemo(deps: Deps, admin: Caller, ratings: RatingDemo[]): Promise<void> {
  const today = deps.clock().toISOString().slice(0, 10);
  const at = (date: string) => ({ deps: { ...deps, clock: () => new Date(`${date}T02:00:00.000Z`) }, caller: { ...admin, actor: { ...admin.actor, now: `${date}T02:00:00.000Z` } } });
  for (const r of ratings) {
    const scores = dimensions.map((dimension, i) => ({ dimension, value: r.marks[i] }));
    const start = addDays(today, -((r.namedDaysAgo ?? 0) + 20));
    let w = at(start);
    const year = Number(start.slice(0, 4));
    const { id } = await createRating(w.deps, w.caller, { orgId: r.orgId, kind: r.kind, level: r.level, year, selfScores: scores, evidence: r.evidence });
    if (r.namedDaysAgo === undefined) continue;
    w = at(addDays(start, 5));
    await review(w.deps, w.caller, id, { scores, comment: '经实地检查，材料齐全，同意按自评等级命名。' });
    await publicize(w.deps, w.caller, id);
    w = at(addDays(start, 20));
    await name(w.deps, w.caller, id);
  }
}
