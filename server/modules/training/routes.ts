import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { id, idParams, pageOf } from '../../platform/validation.ts';
import { sendWorkbook } from '../../platform/spreadsheet.ts';
import { fileHeaders } from '../../platform/uploads.ts';
import * as s from './schema.ts';
import * as tr from './training.ts';
import { lessonFile, uploadLessonFile } from './lesson-files.ts';
import { LESSON_FILE_MAX_BYTES } from './rules.ts';

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const tags = ['training'];
  app.post(
    '/courses',
    { config: { access: 'training.write' }, schema: { summary: 'Create a course of an org: sessions (each a training activity with its places and check-in) and online lessons', tags, body: s.createCourseBody, response: { 201: z.object({ id: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await tr.createCourse(deps, req.caller, req.body)),
  );
  app.get(
    '/courses',
    { config: { access: 'training.read' }, schema: { summary: 'Courses in scope with places, enrolments and completion', tags, querystring: s.courseListQuery, response: { 200: pageOf(s.courseView) } } },
    async (req) => tr.listCourses(deps, req.caller, req.query),
  );
  app.get(
    '/courses/open',
    { config: { access: 'authenticated' }, schema: { summary: 'Courses of my union’s chain still open, with my enrolment', tags, response: { 200: z.object({ items: z.array(s.openCourse) }) } } },
    async (req) => tr.openCourses(deps, req.caller),
  );
  app.get(
    '/courses/:id',
    { config: { access: 'training.read' }, schema: { summary: 'A course with its sessions (attendance) and lessons', tags, params: idParams, response: { 200: s.courseDetail } } },
    async (req) => tr.getCourse(deps, req.caller, req.params.id),
  );
  app.get(
    '/courses/:id/enrolments',
    { config: { access: 'training.read' }, schema: { summary: 'A course’s enrolments with attendance, lessons finished, hours and certificates', tags, params: idParams, querystring: s.enrolmentListQuery, response: { 200: pageOf(s.enrolmentView) } } },
    async (req) => tr.listEnrolments(deps, req.caller, req.params.id, req.query),
  );
  app.get(
    '/courses/:id/attendance/export',
    { config: { access: 'training.read' }, schema: { summary: 'A course’s attendance in Excel (audited)', tags, params: idParams, querystring: s.attendanceExportQuery } },
    async (req, reply) => {
      const file = await tr.exportAttendance(deps, req.caller, req.params.id, req.query);
      return sendWorkbook(reply, file.name, file.body);
    },
  );
  app.post(
    '/courses/:id/enrolments',
    { config: { access: 'authenticated' }, schema: { summary: 'Enrol in a course (a member): confirmed while places last, else waitlisted; once (409 course_enrolled)', tags, params: idParams, response: { 201: z.object({ id: z.number().int(), status: z.enum(['confirmed', 'waitlisted']) }) } } },
    async (req, reply) => reply.status(201).send(await tr.enrol(deps, req.caller, req.params.id)),
  );
  app.delete(
    '/courses/:id/enrolments/mine',
    { config: { access: 'authenticated' }, schema: { summary: 'Cancel my enrolment: my place goes to the first waitlisted member, who is notified', tags, params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await tr.cancelEnrolment(deps, req.caller, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/courses/:id/complete',
    { config: { access: 'training.write' }, schema: { summary: 'Record completion once every session has ended: hours and certificates of the confirmed', tags, params: idParams, response: { 200: z.object({ enrolments: z.number().int(), completed: z.number().int() }) } } },
    async (req) => tr.completeCourse(deps, req.caller, req.params.id),
  );
  app.put(
    '/lessons/:id/progress',
    { config: { access: 'authenticated' }, schema: { summary: 'Record my progress in a lesson (it never goes back; 90 % finishes it)', tags, params: idParams, body: s.progressBody, response: { 200: z.object({ percent: z.number().int(), finished: z.boolean() }) } } },
    async (req) => tr.recordProgress(deps, req.caller, req.params.id, req.body.percent),
  );
  app.post(
    '/lessons/:id/file',
    {
      config: { access: 'training.write' },
      schema: { summary: 'Upload a lesson’s file (课件; multipart: file — a PDF up to 50 MB or an MP4 up to 200 MB, by content), replacing the earlier one', tags, params: idParams, consumes: ['multipart/form-data'], response: { 201: s.lessonFileView } },
    },
    async (req, reply) => reply.status(201).send(await uploadLessonFile(deps, req.caller, req.params.id, req.parts({ limits: { fileSize: LESSON_FILE_MAX_BYTES.mp4 } }))),
  );
  app.get(
    '/lessons/:id/file',
    { config: { access: 'authenticated' }, schema: { summary: 'A lesson’s file: for cadres who may read the course and members with a confirmed place (else 404); a video inline (for a player), a PDF as an attachment', tags, params: idParams } },
    async (req, reply) => {
      const f = await lessonFile(deps, req.caller, req.params.id);
      // A PDF opened inline under the sandbox policy is blocked by browsers' viewers: it downloads instead.
      return reply.headers(fileHeaders(f.contentType, f.fileName, f.contentType.startsWith('video/'))).header('cache-control', 'private, no-cache').send(f.body);
    },
  );
  app.get(
    '/training/mine',
    { config: { access: 'authenticated' }, schema: { summary: 'My courses with sessions (my check-in codes), lessons (my progress), hours and completion', tags, response: { 200: z.object({ items: z.array(s.myCourse) }) } } },
    async (req) => tr.myTraining(deps, req.caller),
  );
  app.get(
    '/orgs/:id/training-stats',
    { config: { access: 'training.read' }, schema: { summary: 'Training over the subtree: courses, enrolments, attendance rate, hours, completions', tags, params: z.object({ id }), querystring: s.statsQuery, response: { 200: s.trainingStats } } },
    async (req) => tr.trainingStats(deps, req.caller, req.params.id, req.query.year),
  );
};
