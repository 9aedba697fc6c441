import type { Generated } from 'kysely';

/** The training module's tables (migrations 0032-training, 0033-lesson-files). No other module writes them. */
export interface CourseTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  description: string | null;
  /** places: the smallest session's capacity, held on a seat pool (platform/seats.ts) */
  capacity: number;
  seat_pool_id: number;
  /** when the organiser recorded completion (hours and certificates); null while running */
  completed_at: string | null;
  completed_by: number | null;
  created_by: number | null;
  created_at: string;
}

export interface CourseSessionTable {
  id: Generated<number>;
  course_id: number;
  /** the session's activity (kind 'training'): its check-in codes record attendance */
  activity_id: number;
  place: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  /** class hours credited for attending */
  hours: number;
}

export interface CourseLessonTable {
  id: Generated<number>;
  course_id: number;
  position: number;
  title: string;
  video_url: string | null;
  /** the uploaded file (课件, a PDF or an MP4; platform/uploads.ts): its key under the data directory's training folder (migration 0033-lesson-files) */
  storage_key: string | null;
  /** the name the uploader gave, for display only */
  file_name: string | null;
  /** its whitelisted content type */
  file_type: string | null;
  file_size: number | null;
  hours: number;
}

export interface CourseEnrolmentTable {
  id: Generated<number>;
  course_id: number;
  member_id: number;
  user_id: number;
  /** the member's union, for the cadres' scope */
  org_id: number;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  /** `${course}:${member}` while not cancelled: one open enrolment per member */
  open_key: string | null;
  created_at: string;
  cancelled_at: string | null;
  /** recorded at completion */
  hours: number | null;
  completed: number;
  certificate_no: string | null;
}

export interface CourseAttendanceTable {
  id: Generated<number>;
  session_id: number;
  enrolment_id: number;
  member_id: number;
  at: string;
}

export interface LessonProgressTable {
  id: Generated<number>;
  lesson_id: number;
  enrolment_id: number;
  percent: number;
  finished_at: string | null;
  updated_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    courses: CourseTable;
    course_sessions: CourseSessionTable;
    course_lessons: CourseLessonTable;
    course_enrolments: CourseEnrolmentTable;
    course_attendance: CourseAttendanceTable;
    lesson_progress: LessonProgressTable;
  }
}
