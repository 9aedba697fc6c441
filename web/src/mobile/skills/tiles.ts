/** Labels of the home page's tiles this module opens (home.service.<key>): in the portal's first load, so only these; the module's other texts load with its pages (texts.ts). */
export const skillsTilesZh = { skills: '技能等级' };

export const skillsTilesEn: typeof skillsTilesZh = { skills: 'Skill levels' };
