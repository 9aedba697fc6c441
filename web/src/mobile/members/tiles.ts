/** Labels of the home page's tiles this module opens (home.service.<key>): in the portal's first load, so only these; the module's other texts load with its pages (texts.ts). */
export const membersTilesZh = { join: '线上入会', card: '电子会员卡', verify: '会员卡核验' };

export const membersTilesEn: typeof membersTilesZh = { join: 'Join online', card: 'Member card', verify: 'Check a member card' };
