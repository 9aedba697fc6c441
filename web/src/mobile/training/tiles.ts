/** Labels of the home page's tiles this module opens (home.service.<key>): in the portal's first load, so only these; the module's other texts load with its pages (texts.ts). */
export const trainingTilesZh = { training: '职工培训' };

export const trainingTilesEn: typeof trainingTilesZh = { training: 'Training' };
