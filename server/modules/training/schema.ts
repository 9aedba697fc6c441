import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, instant, optionalText, pageQuery, text } from '../../platform/validation.ts';

export const sessionBody = z.object({
  startsAt: instant,
  endsAt: instant,
  place: text(200),
  capacity: z.number().int().min(1).max(100_000),
});
export const lessonBody = z.object({
  title: text(100),
  videoUrl: z.url({ protocol: /^https?$/ }).max(500).nullish().describe('a video link; or upload a file to the lesson afterwards'),
  hours: z.number().min(0.5).max(40).multipleOf(0.5).default(1),
});
export const createCourseBody = z.object({
  orgId: id,
  title: text(100),
  description: optionalText(2000),
  sessions: z.array(sessionBody).max(50).default([]),
  lessons: z.array(lessonBody).max(100).default([]),
});

export const sessionView = z.object({
  id: z.number().int(),
  activityId: z.number().int().describe('the session’s activity: check people in there with their codes'),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  hours: z.number(),
  attended: z.number().int(),
});
export const lessonView = z.object({
  id: z.number().int(),
  title: z.string(),
  videoUrl: z.string().nullable(),
  fileName: z.string().nullable().describe('the uploaded file’s name (课件), if any'),
  fileUrl: z.string().nullable().describe('where the file is downloaded: cadres in scope and members with a confirmed place'),
  hours: z.number(),
});
export const lessonFileView = z.object({ id: z.number().int(), fileName: z.string(), fileUrl: z.string(), size: z.number().int() });
export const courseView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  sessions: z.number().int(),
  lessons: z.number().int(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedCount: z.number().int(),
});
export const courseDetail = courseView.extend({ sessionList: z.array(sessionView), lessonList: z.array(lessonView) });
export const courseListQuery = pageQuery.extend({ orgId: id.optional(), status: z.enum(['running', 'completed']).optional(), q: z.string().trim().max(50).optional().describe('part of the title') });

export const enrolmentStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export const enrolmentListQuery = pageQuery.extend({ status: z.enum(enrolmentStatuses).optional() });
export const attendanceExportQuery = exportQueryOf(enrolmentListQuery);
export const enrolmentView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  name: z.string(),
  orgName: z.string(),
  status: z.enum(enrolmentStatuses),
  createdAt: z.string(),
  attended: z.number().int(),
  lessonsFinished: z.number().int(),
  hours: z.number().nullable(),
  completed: z.boolean(),
  certificateNo: z.string().nullable(),
});

export const openCourse = courseView.omit({ completedCount: true, completedAt: true }).extend({
  sessionList: z.array(sessionView.omit({ attended: true, activityId: true })),
  lessonList: z.array(lessonView),
  mine: z.enum(enrolmentStatuses).nullable().describe('my enrolment, if any'),
});

export const myCourse = z.object({
  courseId: z.number().int(),
  enrolmentId: z.number().int(),
  title: z.string(),
  orgName: z.string(),
  status: z.enum(enrolmentStatuses),
  memberName: z.string(),
  sessions: z.array(sessionView.omit({ attended: true, activityId: true }).extend({ attended: z.boolean(), code: z.string().nullable().describe('my check-in code (QR: GONGHUI:CHECKIN:<code>)') })),
  lessons: z.array(lessonView.extend({ percent: z.number().int(), finished: z.boolean() })),
  hours: z.number().describe('the hours recorded at completion; until then those earned so far'),
  totalHours: z.number(),
  completedAt: z.string().nullable().describe('when the course’s completion was recorded'),
  completed: z.boolean(),
  certificateNo: z.string().nullable(),
});

export const progressBody = z.object({ percent: z.number().int().min(0).max(100) });
export const statsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const trainingStats = z.object({
  courses: z.number().int(),
  enrolments: z.number().int(),
  attendanceRate: z.number().describe('attended session places over confirmed places, in percent'),
  hours: z.number(),
  completed: z.number().int(),
});
export const trainingOverviewView = z.object({ courses: z.number().int(), enrolments: z.number().int(), completed: z.number().int(), hours: z.number() });
