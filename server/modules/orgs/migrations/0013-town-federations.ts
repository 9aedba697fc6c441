import type { Kysely, Migration } from 'kysely';

/**
 * Towns (镇) and streets (街道) are federations of the same rank under a county, but not the same
 * thing: a town's federation is a 乡镇总工会, and was shown as a 街道总工会 while both had the level
 * `street`. Towns now have the level `town`. Federations created before it as streets whose name
 * ends in 镇总工会 (嘉善's 西塘镇总工会, 姚庄镇总工会…) are towns.
 */
export const townFederations: Migration = {
  async up(db: Kysely<any>) {
    await db
      .updateTable('orgs')
      .set({ level: 'town' })
      .where('kind', '=', 'federation')
      .where('level', '=', 'street')
      .where('name', 'like', '%镇总工会')
      .execute();
  },
};
