import type { Actor } from '../../core/access/actor';
import { conflict, invalid, notFound } from '../../core/errors';
import { KNOWN_TESTS } from '../../core/results/knownTests';
import { checkCutScores } from '../../core/results/marks';
import { describeTestKey, tasksTotal, type TestDef } from '../../core/results/types';
import type { Db } from '../../db/database';
import { listSubjects } from '../../db/repositories/reference';
import { countBatchesForTest } from '../../db/repositories/resultImports';
import {
  findTestById,
  findTestByKey,
  insertMissingTests,
  insertTest,
  listTests,
  testColumns,
  updateTest,
  type CatalogTest,
  type TestFilter,
} from '../../db/repositories/testCatalog';
import type { CreateTestRequest, UpdateTestRequest } from '../../shared/results';
import { audit, diff } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireScope } from '../guard';

/** Adds the shipped ВПР structures and scales that the catalog lacks (never edits rows). */
export async function ensureKnownTests(db: Db): Promise<void> {
  const subjects = await listSubjects(db);
  const idOf = new Map(subjects.map((s) => [s.code, s.id]));
  await insertMissingTests(
    db,
    KNOWN_TESTS.flatMap((t) => {
      const id = idOf.get(t.subjectCode);
      return id ? [testColumns(t, id)] : [];
    }),
  );
}

export const testName = (t: CatalogTest): string => describeTestKey(t, t.subjectName);

/** Problems with a test's tasks, maximum and scale, in Russian. */
export function checkTestDef(def: Pick<TestDef, 'tasks' | 'maxTotal' | 'cutScores'>): string[] {
  const problems: string[] = [];
  const codes = def.tasks.map((t) => t.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) problems.push(`Задание ${dup} указано дважды`);
  const sum = tasksTotal(def.tasks);
  if (sum !== null && def.maxTotal !== null && sum !== def.maxTotal) {
    problems.push(
      `Сумма максимальных баллов заданий (${sum}) не равна максимальному баллу ${def.maxTotal}`,
    );
  }
  if (def.cutScores) problems.push(...checkCutScores(def.cutScores, def.maxTotal ?? sum));
  return problems;
}

export class TestCatalogService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, filter: TestFilter) {
    requireScope(actor, 'reference.read');
    return listTests(this.deps.database.db, filter);
  }

  async get(actor: Actor, id: number) {
    requireScope(actor, 'reference.read');
    const test = await findTestById(this.deps.database.db, id);
    if (!test) throw notFound('Работа');
    return test;
  }

  async create(actor: Actor, input: CreateTestRequest) {
    requireScope(actor, 'catalog.manage');
    return this.deps.database.transaction(async ({ db }) => {
      const subjects = await listSubjects(db);
      const subject = subjects.find((s) => s.id === input.subjectId);
      if (!subject) throw invalid('Предмет не найден');
      const tasks = input.tasks.map((t) => ({ ...t, skill: t.skill ?? null }));
      const maxTotal = input.maxTotal ?? tasksTotal(tasks);
      const problems = checkTestDef({ tasks, maxTotal, cutScores: input.cutScores });
      if (problems.length) throw invalid(problems.join('; '));
      const key = { ...input, subjectCode: subject.code };
      if (await findTestByKey(db, key, subject.id)) {
        throw conflict(`Работа «${describeTestKey(key, subject.name)}» уже есть в каталоге`);
      }
      const row = await insertTest(
        db,
        testColumns(
          {
            ...key,
            tasks,
            maxTotal,
            cutScores: input.cutScores,
            structureCertainty: tasks.length || maxTotal ? 'manual' : null,
            scaleCertainty: input.cutScores ? 'manual' : null,
            source: input.source,
          },
          subject.id,
        ),
      );
      await audit(db, actor, {
        action: 'create',
        entity: 'assessment_test',
        entityId: row.id,
        municipalityId: null,
        orgId: null,
        summary: `В каталог добавлена работа «${describeTestKey(key, subject.name)}»`,
        after: row,
      });
      return (await findTestById(db, row.id)) as CatalogTest;
    });
  }

  async update(actor: Actor, id: number, input: UpdateTestRequest) {
    requireScope(actor, 'catalog.manage');
    return this.deps.database.transaction(async ({ db }) => {
      const current = await findTestById(db, id);
      if (!current) throw notFound('Работа');
      const tasks = input.tasks?.map((t) => ({ ...t, skill: t.skill ?? null })) ?? current.tasks;
      const maxTotal =
        input.maxTotal !== undefined
          ? input.maxTotal
          : input.tasks
            ? tasksTotal(tasks)
            : current.maxTotal;
      const cutScores = input.cutScores !== undefined ? input.cutScores : current.cutScores;
      const problems = checkTestDef({ tasks, maxTotal, cutScores });
      if (problems.length) throw invalid(problems.join('; '));
      const shape = (list: typeof tasks) => list.map((t) => `${t.code}:${t.max}`).join(',');
      if (shape(tasks) !== shape(current.tasks) && (await countBatchesForTest(db, id))) {
        throw conflict(
          'По этой работе уже загружены результаты: состав заданий и их максимальные баллы менять нельзя (уровни, описания и шкалу отметок — можно)',
        );
      }
      const structureChanged =
        JSON.stringify(tasks) !== JSON.stringify(current.tasks) || maxTotal !== current.maxTotal;
      const scaleChanged = JSON.stringify(cutScores) !== JSON.stringify(current.cutScores);
      const next = {
        ...current,
        tasks,
        maxTotal,
        cutScores,
        source: input.source !== undefined ? input.source : current.source,
        structureCertainty: structureChanged ? ('manual' as const) : current.structureCertainty,
        scaleCertainty: scaleChanged
          ? cutScores
            ? ('manual' as const)
            : null
          : current.scaleCertainty,
      };
      await updateTest(db, id, testColumns(next, current.subjectId));
      const changes = diff(
        current as unknown as Record<string, unknown>,
        next as unknown as Record<string, unknown>,
        ['tasks', 'maxTotal', 'cutScores', 'source'],
      );
      if (changes) {
        await audit(db, actor, {
          action: 'update',
          entity: 'assessment_test',
          entityId: id,
          municipalityId: null,
          orgId: null,
          summary: `Изменена работа «${testName(current)}» в каталоге`,
          ...changes,
        });
      }
      return (await findTestById(db, id)) as CatalogTest;
    });
  }
}
