/** Labels of the home page's tiles this module opens (home.service.<key>): in the portal's first load, so only these; the module's other texts load with its pages (texts.ts). */
export const pioneerTilesZh = { judging: '评审打分' };

export const pioneerTilesEn: typeof pioneerTilesZh = { judging: 'Judging' };
