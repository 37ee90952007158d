import { parseDeadline, type Period } from '../../core/plans/deadline';
import { fullNameKey, parseExecutors, personKey } from '../../core/plans/executors';
import { parseTargetSchools } from '../../core/plans/schools';
import type { Db } from '../../db/database';
import {
  bodiesOfMunicipality,
  insertActivity,
  replaceExecutors,
  replaceTargets,
  schoolsOfMunicipality,
  updateActivity,
  usersOfMunicipality,
  type ActivityInsert,
  type ActivityRow,
} from '../../db/repositories/plans';

/** Abbreviations of bodies in plans → the kind of body in the registry. */
const BODY_KINDS: Record<string, string[]> = {
  ИМЦ: ['imc'],
  ЦОКО: ['coko'],
  АР: ['uo'],
  УО: ['uo'],
  МОУО: ['uo'],
  РМО: ['rmo'],
};

/** What the municipality offers for linking executors and target schools; loaded once. */
export interface Directory {
  schoolsByNumber: Map<string, number>;
  bodies: { id: number; kind: string; shortName: string }[];
  usersByKey: Map<string, number>;
}

export async function loadDirectory(db: Db, municipalityId: number): Promise<Directory> {
  const schools = await schoolsOfMunicipality(db, municipalityId);
  const usersByKey = new Map<string, number>();
  const ambiguous = new Set<string>();
  for (const u of await usersOfMunicipality(db, municipalityId)) {
    const key = fullNameKey(u.fullName);
    if (!key) continue;
    if (usersByKey.has(key)) ambiguous.add(key);
    usersByKey.set(key, u.id);
  }
  for (const key of ambiguous) usersByKey.delete(key);
  return {
    schoolsByNumber: new Map(
      schools.filter((s) => s.number).map((s) => [String(s.number).toLowerCase(), s.id]),
    ),
    bodies: await bodiesOfMunicipality(db, municipalityId),
    usersByKey,
  };
}

function bodyFor(label: string, dir: Directory): number | null {
  const kinds = BODY_KINDS[label.toUpperCase()];
  const byKind = kinds ? dir.bodies.filter((b) => kinds.includes(b.kind)) : [];
  if (byKind.length === 1) return byKind[0]!.id;
  const byName = dir.bodies.filter((b) => b.shortName.toUpperCase().includes(label.toUpperCase()));
  return byName.length === 1 ? byName[0]!.id : null;
}

export interface ActivityFields {
  sectionId: number | null;
  objectiveId: number | null;
  parentId: number | null;
  position: number;
  number: string | null;
  text: string;
  deadlineText: string;
  result: string;
  executorsText: string;
  participants: string;
}

function derived(fields: ActivityFields, period: Period, dir: Directory) {
  const deadline = parseDeadline(fields.deadlineText, period);
  const numbers = parseTargetSchools(fields.text);
  const targets = numbers
    .map((n) => dir.schoolsByNumber.get(n))
    .filter((id): id is number => id !== undefined);
  const unmatched = numbers.filter((n) => !dir.schoolsByNumber.has(n));
  const executors = parseExecutors(fields.executorsText).map((e, position) => {
    const key = e.kind === 'person' ? personKey(e.label) : null;
    return {
      position,
      label: e.label,
      kind: e.kind,
      orgId: e.kind === 'body' ? bodyFor(e.label, dir) : null,
      userId: key ? (dir.usersByKey.get(key) ?? null) : null,
    };
  });
  return { deadline, targets: [...new Set(targets)], unmatched, executors };
}

/** Inserts an activity with its normalised deadline, linked executors and target schools. */
export async function insertResolvedActivity(
  db: Db,
  planId: number,
  fields: ActivityFields,
  period: Period,
  dir: Directory,
  status: ActivityInsert['status'] = 'planned',
): Promise<ActivityRow> {
  const d = derived(fields, period, dir);
  const row = await insertActivity(db, {
    planId,
    ...fields,
    deadlineKind: d.deadline.kind,
    deadlineFrom: d.deadline.from,
    deadlineTo: d.deadline.to,
    unmatchedSchoolNumbers: d.unmatched,
    status,
  });
  await replaceExecutors(db, row.id, d.executors);
  await replaceTargets(db, row.id, d.targets);
  return row;
}

/** Re-derives deadline, executors and targets after an edit (or a change of the plan's period). */
export async function updateResolvedActivity(
  db: Db,
  current: ActivityRow,
  changes: Partial<ActivityFields>,
  period: Period,
  dir: Directory,
): Promise<ActivityRow> {
  const fields: ActivityFields = { ...current, ...changes };
  const d = derived(fields, period, dir);
  const row = await updateActivity(db, current.id, {
    ...changes,
    deadlineKind: d.deadline.kind,
    deadlineFrom: d.deadline.from,
    deadlineTo: d.deadline.to,
    unmatchedSchoolNumbers: d.unmatched,
  });
  await replaceExecutors(db, row.id, d.executors);
  await replaceTargets(db, row.id, d.targets);
  return row;
}
