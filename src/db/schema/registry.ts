import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const regions = pgTable('regions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  ...timestamps,
});

export const municipalities = pgTable(
  'municipalities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('municipalities_region_name_uq').on(t.regionId, t.name)],
);

export const organisations = pgTable(
  'organisations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    category: text('category', { enum: ['school', 'body'] }).notNull(),
    kind: text('kind').notNull(),
    /** ФИС ОКО login `sch…` (schools only). */
    fisLogin: text('fis_login').unique(),
    number: text('number'),
    fullName: text('full_name').notNull(),
    shortName: text('short_name').notNull(),
    address: text('address'),
    directorName: text('director_name'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (t) => [index('organisations_municipality_idx').on(t.municipalityId)],
);

export const academicYears = pgTable('academic_years', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  startYear: smallint('start_year').notNull().unique(),
  name: text('name').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  isCurrent: boolean('is_current').notNull().default(false),
});

export const subjects = pgTable('subjects', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  fisCode: text('fis_code'),
});

export const classes = pgTable(
  'classes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    academicYearId: integer('academic_year_id')
      .notNull()
      .references(() => academicYears.id),
    parallel: smallint('parallel').notNull(),
    letter: text('letter').notNull(),
    /** Profile or in-depth study, e.g. «углублённое изучение математики». */
    profile: text('profile'),
    studentCount: smallint('student_count'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('classes_org_year_name_uq').on(t.orgId, t.academicYearId, t.parallel, t.letter),
  ],
);

/** Students are pseudonymous codes inside their school: no names are ever stored. */
export const students = pgTable(
  'students',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('students_org_code_uq').on(t.orgId, t.code)],
);

export const classMemberships = pgTable(
  'class_memberships',
  {
    studentId: integer('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    classId: integer('class_id')
      .notNull()
      .references(() => classes.id),
  },
  (t) => [uniqueIndex('class_memberships_uq').on(t.studentId, t.classId)],
);
