/** Labels of the home page's tiles this module opens (home.service.<key>): in the portal's first load, so only these; the module's other texts load with its pages (texts.ts). */
export const recuperationTilesZh = { recuperation: '疗休养' };

export const recuperationTilesEn: typeof recuperationTilesZh = { recuperation: 'Recuperation' };
