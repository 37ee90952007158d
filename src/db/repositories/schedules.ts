import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import {
  assessmentScheduleEntries,
  assessmentSchedules,
  scheduleCurriculum,
  scheduleLessonsPerDay,
} from '../schema';

export type ScheduleRow = typeof assessmentSchedules.$inferSelect;

export async function findSchedule(db: Db, orgId: number, academicYearId: number) {
  const [row] = await db
    .select()
    .from(assessmentSchedules)
    .where(
      and(
        eq(assessmentSchedules.orgId, orgId),
        eq(assessmentSchedules.academicYearId, academicYearId),
      ),
    );
  if (!row) return null;
  const [entries, curriculum, lessons] = await Promise.all([
    db
      .select()
      .from(assessmentScheduleEntries)
      .where(eq(assessmentScheduleEntries.scheduleId, row.id))
      .orderBy(asc(assessmentScheduleEntries.position)),
    db
      .select()
      .from(scheduleCurriculum)
      .where(eq(scheduleCurriculum.scheduleId, row.id))
      .orderBy(asc(scheduleCurriculum.parallel), asc(scheduleCurriculum.subjectName)),
    db
      .select()
      .from(scheduleLessonsPerDay)
      .where(eq(scheduleLessonsPerDay.scheduleId, row.id))
      .orderBy(asc(scheduleLessonsPerDay.parallel), asc(scheduleLessonsPerDay.weekday)),
  ]);
  return { schedule: row, entries, curriculum, lessons };
}
export type ScheduleRecord = NonNullable<Awaited<ReturnType<typeof findSchedule>>>;

/** Creates or updates the schedule row and replaces the parts given (null keeps a part). */
export async function replaceSchedule(
  db: Db,
  head: typeof assessmentSchedules.$inferInsert,
  parts: {
    entries: Omit<typeof assessmentScheduleEntries.$inferInsert, 'scheduleId'>[];
    curriculum: Omit<typeof scheduleCurriculum.$inferInsert, 'scheduleId'>[] | null;
    lessons: Omit<typeof scheduleLessonsPerDay.$inferInsert, 'scheduleId'>[] | null;
  },
): Promise<number> {
  const [row] = await db
    .insert(assessmentSchedules)
    .values(head)
    .onConflictDoUpdate({
      target: [assessmentSchedules.orgId, assessmentSchedules.academicYearId],
      set: {
        sourceFileName: head.sourceFileName ?? null,
        updatedBy: head.updatedBy ?? null,
        updatedAt: new Date(),
      },
    })
    .returning({ id: assessmentSchedules.id });
  if (!row) throw new Error('upsert assessment_schedules returned nothing');
  const scheduleId = row.id;
  await db
    .delete(assessmentScheduleEntries)
    .where(eq(assessmentScheduleEntries.scheduleId, scheduleId));
  if (parts.entries.length) {
    await db
      .insert(assessmentScheduleEntries)
      .values(parts.entries.map((e) => ({ ...e, scheduleId })));
  }
  if (parts.curriculum) {
    await db.delete(scheduleCurriculum).where(eq(scheduleCurriculum.scheduleId, scheduleId));
    if (parts.curriculum.length)
      await db
        .insert(scheduleCurriculum)
        .values(parts.curriculum.map((c) => ({ ...c, scheduleId })));
  }
  if (parts.lessons) {
    await db.delete(scheduleLessonsPerDay).where(eq(scheduleLessonsPerDay.scheduleId, scheduleId));
    if (parts.lessons.length)
      await db
        .insert(scheduleLessonsPerDay)
        .values(parts.lessons.map((l) => ({ ...l, scheduleId })));
  }
  return scheduleId;
}
