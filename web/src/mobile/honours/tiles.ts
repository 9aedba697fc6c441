/** Labels of the home page's tiles this module opens (home.service.<key>): in the portal's first load, so only these; the module's other texts load with its pages (texts.ts). */
export const honoursTilesZh = { craftsmanMarking: '工匠评审' };

export const honoursTilesEn: typeof honoursTilesZh = { craftsmanMarking: 'Craftsman marking' };
