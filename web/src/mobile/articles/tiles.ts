/** Labels of the home page's tiles this module opens (home.service.<key>): in the portal's first load, so only these; the module's other texts load with its pages (texts.ts). */
export const articlesTilesZh = { news: '工会资讯' };

export const articlesTilesEn: typeof articlesTilesZh = { news: 'Union news' };
