/** Labels of the home page's tiles this module opens (home.service.<key>): in the portal's first load, so only these; the module's other texts load with its pages (texts.ts). */
export const competitionsTilesZh = { competition: '技能竞赛' };

export const competitionsTilesEn: typeof competitionsTilesZh = { competition: 'Skill contests' };
