/** Labels of the home page's tiles this module opens (home.service.<key>): in the portal's first load, so only these; the module's other texts load with its pages (texts.ts). */
export const activitiesTilesZh = { activity: '活动报名', vote: '投票评选' };

export const activitiesTilesEn: typeof activitiesTilesZh = { activity: 'Activities', vote: 'Voting' };
