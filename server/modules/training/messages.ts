import type { Catalog, ModuleTexts, NoticeCatalog, Texts } from '../../platform/i18n.ts';

/** The training module's texts in Chinese and English. */
export const messages = {
  course_enrolled: { zh: '您已报名该培训', en: 'You have already enrolled in this course' },
  course_not_member: { zh: '仅限工会会员报名', en: 'For union members only' },
  course_closed: { zh: '该培训已结束报名', en: 'Enrolment for this course has closed' },
  course_completed: { zh: '该培训已记录结业', en: 'Completion of this course has already been recorded' },
  course_not_ended: { zh: '培训尚有场次未结束，暂不能记录结业', en: 'Some sessions have not ended yet' },
  course_not_confirmed: { zh: '报名确认后才能学习线上课程', en: 'Lessons open once your place is confirmed' },
} as const satisfies Texts;

export const rules = {
  session_times_order: { zh: '结束时间须晚于开始时间', en: 'Must end after it starts' },
  lesson_file_too_large: { zh: '{kind} 课件不能超过 {mb} MB', en: '{kind} lesson files can be at most {mb} MB' },
  lesson_source: { zh: '请填写视频链接（或创建后上传课件）', en: 'Give a video link (or upload a file after creating)' },
} as const satisfies Texts;

export const labels = {
  course: { zh: '培训', en: 'course' },
  course_enrolment: { zh: '培训报名', en: 'enrolment' },
  course_lesson: { zh: '线上课程', en: 'lesson' },
  course_file: { zh: '课件', en: 'lesson file' },
} satisfies Texts;

export const fields = {
  sessions: { zh: '场次', en: 'Sessions' },
  lessons: { zh: '线上课程', en: 'Lessons' },
  videoUrl: { zh: '视频链接', en: 'Video link' },
  percent: { zh: '学习进度', en: 'Progress' },
} satisfies Texts;

export const notices = {
  course_promoted: {
    title: { zh: '培训候补转为正式', en: 'Your place is confirmed' },
    body: { zh: '您候补的培训“{title}”有了空位，报名已确认。', en: 'A place came free on "{title}": your enrolment is confirmed.' },
  },
  course_certified: {
    title: { zh: '培训结业', en: 'Course completed' },
    body: { zh: '您已完成培训“{title}”，获得 {hours} 学时，可在“我的培训”查看结业证书。', en: 'You completed "{title}" with {hours} hours; your certificate is in My training.' },
  },
} as const;

export const exportTexts = {
  attendance: { zh: '培训考勤', en: 'Training attendance' },
  name: { zh: '姓名', en: 'Name' },
  memberNo: { zh: '会员编号', en: 'Member no.' },
  union: { zh: '所在工会', en: 'Union' },
  status: { zh: '报名状态', en: 'Status' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  waitlisted: { zh: '候补', en: 'Waitlisted' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  attended: { zh: '出勤场次', en: 'Sessions attended' },
  lessonsDone: { zh: '完成课程', en: 'Lessons finished' },
  hours: { zh: '学时', en: 'Hours' },
  completed: { zh: '结业', en: 'Completed' },
  certificate: { zh: '证书编号', en: 'Certificate' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
} satisfies Texts;

export const actions = {
  'course.create': { zh: '创建培训', en: 'Create course' },
  'course.enrol': { zh: '报名培训', en: 'Enrol in course' },
  'course.cancel_enrolment': { zh: '取消培训报名', en: 'Cancel enrolment' },
  'course.attend': { zh: '培训签到', en: 'Attend session' },
  'course.progress': { zh: '记录学习进度', en: 'Record lesson progress' },
  'course.lesson_file': { zh: '上传课件', en: 'Upload lesson file' },
  'course.complete': { zh: '记录培训结业', en: 'Record completion' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
