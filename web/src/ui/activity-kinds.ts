/** The kinds of activity (server/db/schema.ts `activityKinds`) in both languages, for the console and the portal. */
export const activityKindZh = {
  training: '培训',
  performance: '文艺演出/送文化',
  youth_social: '青年交友',
  sports: '体育',
  volunteering: '志愿服务',
  lecture: '讲座',
  culture: '文化',
  other: '其他',
};

export const activityKindEn: typeof activityKindZh = {
  training: 'Training',
  performance: 'Performance / culture to villages',
  youth_social: 'Youth social',
  sports: 'Sports',
  volunteering: 'Volunteering',
  lecture: 'Lecture',
  culture: 'Culture',
  other: 'Other',
};
