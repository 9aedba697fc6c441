import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Caller, Deps } from '../../platform/context.ts';
import { checkIn } from '../activities/index.ts';
import { completeCourse, createCourse, enrol, myTraining, recordProgress } from './training.ts';
import { storeLessonFile } from './lesson-files.ts';
import { spoolDir } from '../../platform/files.ts';

const DAY = 86_400_000;

/**
 * Training from the seed: 信息港's 技能培训班 (a first class finished — its trainee 陈思远 `egang`
 * attended, finished the 杭工云课 lessons and holds a certificate — and a second class open for
 * enrolment), 萧山's 杭工云课 online course, a training for enterprise technical staff at 天水's
 * 坤和楼宇 activity base, and 浙江安胜科技's 成人双证 文化课培训. Built through the services, audited;
 * the second class's first lesson carries a PDF handout (课件).
 */
export async function seedTrainingDemo(deps: Deps, admin: Caller): Promise<void> {
  const org = async (name: string) => (await deps.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const now = deps.clock().getTime();
  const at = (days: number, hour: number) => {
    const d = new Date(now + days * DAY);
    // a Shanghai wall-clock hour on that day
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour - 8)).toISOString();
  };
  const as = (c: Caller, when: string): Caller => ({ ...c, actor: { ...c.actor, now: when } });
  const xxg = await org('杭州湾信息港基层工会联合会');
  const cloud = [
    { title: '杭工云课：安全生产与职业健康', videoUrl: 'https://www.hzgh.org/yunke/anquan', hours: 1 },
    { title: '杭工云课：劳动合同法入门', videoUrl: 'https://www.hzgh.org/yunke/laodonghetong', hours: 1 },
  ];

  // the first class, already over: enrolled, checked in, lessons finished, completion recorded
  const first = await createCourse(deps, as(admin, at(-45, 10)), {
    orgId: xxg,
    title: '信息港技能培训班（第一期）',
    description: '面向信息港小镇企业职工的技能提升培训：数字技能、电子商务运营与岗位安全，结业颁发证书。',
    sessions: [
      { startsAt: at(-30, 14), endsAt: at(-30, 17), place: '信息港小镇会议中心 201 室', capacity: 40 },
      { startsAt: at(-23, 14), endsAt: at(-23, 17), place: '信息港小镇会议中心 201 室', capacity: 40 },
    ],
    lessons: cloud,
  });
  const trainees = await deps.db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
    .where('org_closure.ancestor_id', '=', xxg)
    .where('members.status', '=', 'member')
    .select(['users.id', 'users.username', 'users.display_name'])
    .execute();
  const callers = trainees.map((u) => ({ ...admin, user: { id: u.id, username: u.username, displayName: u.display_name, grants: [], sessionId: '', csrfToken: '' }, actor: { ...admin.actor, userId: u.id } }) as Caller);
  for (const c of callers) {
    await enrol(deps, as(c, at(-40, 9)), first.id);
    const mine = (await myTraining(deps, c)).items.find((x) => x.courseId === first.id)!;
    const sessions = await deps.db.selectFrom('course_sessions').select(['activity_id', 'starts_at']).where('course_id', '=', first.id).orderBy('starts_at').execute();
    for (const [i, s] of sessions.entries()) await checkIn(deps, as(admin, s.starts_at), s.activity_id, mine.sessions[i].code!);
    for (const l of mine.lessons) await recordProgress(deps, as(c, at(-20, 20)), l.id, 100);
  }
  await completeCourse(deps, as(admin, at(-20, 10)), first.id);

  // the second class, open for enrolment; its first lesson has a handout (课件)
  const second = await createCourse(deps, admin, {
    orgId: xxg,
    title: '信息港技能培训班（第二期）',
    description: '信息港工会技能培训班第二期：工业互联网基础、短视频电商实操，两次面授加杭工云课线上学习，出勤并完成线上课程即可结业。',
    sessions: [
      { startsAt: at(6, 14), endsAt: at(6, 17), place: '信息港小镇会议中心 201 室', capacity: 40 },
      { startsAt: at(13, 14), endsAt: at(13, 17), place: '信息港小镇会议中心 201 室', capacity: 40 },
    ],
    lessons: cloud,
  });
  const handoutLesson = await deps.db.selectFrom('course_lessons').select('id').where('course_id', '=', second.id).orderBy('position').executeTakeFirstOrThrow();
  await attachHandout(deps, admin, handoutLesson.id, '安全生产与职业健康讲义.pdf');

  // 杭工云课: online lessons for the members of 萧山; the trainees have started
  const online = await createCourse(deps, admin, {
    orgId: await org('杭州市萧山区总工会'),
    title: '杭工云课·职工素质提升',
    description: '“杭工e家”线上课堂：随时随地学习，每课计 1 学时。',
    sessions: [],
    lessons: [
      { title: '职场沟通与团队协作', videoUrl: 'https://www.hzgh.org/yunke/goutong', hours: 1 },
      { title: '职工心理健康讲座', videoUrl: 'https://www.hzgh.org/yunke/xinli', hours: 1 },
      { title: '工会会员权益知多少', videoUrl: 'https://www.hzgh.org/yunke/quanyi', hours: 1 },
    ],
  });
  for (const c of callers) {
    await enrol(deps, c, online.id);
    const mine = (await myTraining(deps, c)).items.find((x) => x.courseId === online.id)!;
    await recordProgress(deps, c, mine.lessons[0].id, 100);
    await recordProgress(deps, c, mine.lessons[1].id, 40);
  }

  // 天水: a training for enterprise technical staff at 坤和楼宇's activity base
  await createCourse(deps, admin, {
    orgId: await org('天水街道总工会'),
    title: '企业技术人员专题培训',
    description: '面向武林商圈楼宇企业技术人员的专题培训，在坤和楼宇活动阵地举办。',
    sessions: [{ startsAt: at(9, 14), endsAt: at(9, 17), place: '坤和楼宇活动阵地', capacity: 60 }],
    lessons: [],
  });

  // 安胜科技: 成人双证（技能证、学历证）文化课培训, with the school, four evenings
  await createCourse(deps, admin, {
    orgId: await org('浙江安胜科技股份有限公司工会'),
    title: '成人双证文化课培训',
    description: '校企合作开展技能考核和成人双证（技能证、学历证）文化课培训，助力青年职工技能与学历双提升。',
    sessions: [4, 11, 18, 25].map((d) => ({ startsAt: at(d, 19), endsAt: at(d, 21), place: '安胜科技职工学校', capacity: 50 })),
    lessons: [{ title: '成人高考语文复习', videoUrl: 'https://www.hzgh.org/yunke/yuwen', hours: 2 }],
  });
}

/** A one-page PDF handout, stored as a lesson's file as an upload would be. */
async function attachHandout(deps: Deps, admin: Caller, lessonId: number, name: string) {
  const text = 'Hangzhou Trade Union Cloud Class - Work Safety and Occupational Health (handout)';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 40} >>\nstream\nBT /F1 14 Tf 40 780 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const data = Buffer.from(body, 'latin1');
  const dir = spoolDir(deps.config.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, crypto.randomUUID());
  fs.writeFileSync(file, data);
  const sha256 = crypto.createHash('sha256').update(data).digest('hex');
  await storeLessonFile(deps, admin, lessonId, { file, name, size: data.length, sha256, kind: 'pdf', type: 'application/pdf' });
}
