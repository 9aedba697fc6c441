/** Labels of the home page's tiles this module opens (home.service.<key>): in the portal's first load, so only these; the module's other texts load with its pages (texts.ts). */
export const communityTilesZh = { wishes: '微心愿', volunteer: '志愿服务' };

export const communityTilesEn: typeof communityTilesZh = { wishes: 'Micro-wishes', volunteer: 'Volunteering' };
