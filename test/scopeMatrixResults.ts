import { SYSTEM_ACTOR } from '../src/core/access/actor';
import { KNOWN_TESTS } from '../src/core/results/knownTests';
import { schoolFormTable, tableToCsv } from '../src/importers/results/writers';
import type { TestContext } from './app';
import { multipart } from './multipart';
import type { ScopeWorld, TargetRecords } from './scopeWorld';

/**
 * Scope-matrix cases of the results routes (catalog, imports, browser), kept apart from the
 * shared matrix file. Every target school gets results of ВПР 2023 Mathematics grade 4 (a school
 * form, structure from the shipped catalog) before the matrix runs.
 */
interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
type ResultCase =
  | {
      kind: 'target';
      permission: string;
      call(t: TargetRecords, seq: number, world: ScopeWorld): Call | Promise<Call>;
    }
  | { kind: 'list'; permission: string; url: string; orgIds(data: unknown): (number | null)[] }
  | { kind: 'self'; call(): Call };

export interface ResultFixtures {
  testId: number;
}

const TEST = { procedure: 'vpr', year: 2023, subjectCode: 'math', grade: 4 } as const;
const TASKS =
  KNOWN_TESTS.find((t) => t.year === 2023 && t.subjectCode === 'math' && t.grade === 4)?.tasks ??
  [];

/** A school form with one participant whose code makes the bytes unique. */
function formFile(code: string): Buffer {
  const table = schoolFormTable({
    tasks: TASKS,
    works: [
      {
        schoolLogin: '',
        schoolName: '',
        participantCode: code,
        className: '4А',
        variant: 1,
        absent: false,
        scores: TASKS.map(() => 1),
        mark: null,
        journalMark: 4,
        gender: 'Ж',
      },
    ],
  });
  return tableToCsv(table, { encoding: 'utf-8' });
}

async function importFor(ctx: TestContext, orgId: number, code: string) {
  return ctx.services.resultImports.importFile(
    SYSTEM_ACTOR,
    { fileName: `protocol-${code}.csv`, bytes: formFile(code), choice: { ...TEST, orgId } },
    { createSchools: false },
  );
}

/** A journal export with one mark; the code makes the bytes unique. */
const journalFile = (code: string) =>
  `Код обучающегося;Предмет;Период;Отметка\n${code};Математика;Промежуточная аттестация;4\n`;
const JOURNAL_MAPPING = { studentCode: 0, subject: 1, period: 2, mark: 3 };

async function journalBody(ctx: TestContext, orgId: number, code: string) {
  const fileName = `${code}.csv`;
  const p = await ctx.services.journalMarks.upload(
    SYSTEM_ACTOR,
    { orgId, year: 2024 },
    { fileName, bytes: Buffer.from(journalFile(code)) },
  );
  return { uploadKey: p.uploadKey, fileName, orgId, year: 2024, mapping: JOURNAL_MAPPING };
}

export async function seedResults(ctx: TestContext, world: ScopeWorld): Promise<ResultFixtures> {
  let testId = 0;
  for (const t of Object.values(world.targets)) {
    testId = (await importFor(ctx, t.orgId, `seed-${t.orgId}`)).testId;
    await ctx.services.journalMarks.importBytes(
      SYSTEM_ACTOR,
      { orgId: t.orgId, year: 2024 },
      `seed-${t.orgId}.csv`,
      Buffer.from(journalFile(`seed-${t.orgId}`)),
      JOURNAL_MAPPING,
    );
  }
  return { testId };
}

export function resultCases(
  ctx: () => TestContext,
  fixtures: () => ResultFixtures,
  next: () => number,
): Record<string, ResultCase> {
  return {
    'GET /api/results/catalog': {
      kind: 'self',
      call: () => ({ method: 'GET', url: '/api/results/catalog?year=2023' }),
    },
    'POST /api/results/catalog': {
      kind: 'target',
      permission: 'catalog.manage',
      call: () => {
        const n = next();
        return {
          method: 'POST',
          url: '/api/results/catalog',
          body: {
            procedure: 'internal',
            year: 2040 + (Math.floor(n / 11) % 60),
            subjectId: 1,
            grade: (n % 11) + 1,
            tasks: [],
            maxTotal: 10,
            cutScores: null,
            source: null,
          },
        };
      },
    },
    'PATCH /api/results/catalog/:id': {
      kind: 'target',
      permission: 'catalog.manage',
      call: () => ({
        method: 'PATCH',
        url: `/api/results/catalog/${fixtures().testId}`,
        body: { source: `Источник ${next()}` },
      }),
    },
    'POST /api/results/imports/preview': {
      kind: 'target',
      permission: 'result.import',
      call: (t) => {
        const form = multipart(
          { ...TEST, orgId: t.orgId },
          { name: 'protocol.csv', type: 'text/csv', content: formFile(`p-${next()}`) },
        );
        return {
          method: 'POST',
          url: '/api/results/imports/preview',
          body: form.payload,
          headers: form.headers,
        };
      },
    },
    'POST /api/results/imports': {
      kind: 'target',
      permission: 'result.import',
      call: async (t) => {
        const code = `c-${next()}`;
        const { uploadKey } = await ctx().services.resultImports.preview(SYSTEM_ACTOR, {
          fileName: `${code}.csv`,
          bytes: formFile(code),
          choice: { ...TEST, orgId: t.orgId },
        });
        return {
          method: 'POST',
          url: '/api/results/imports',
          body: { uploadKey, fileName: `${code}.csv`, ...TEST, orgId: t.orgId },
        };
      },
    },
    'GET /api/results/imports': {
      kind: 'list',
      permission: 'result.read',
      url: '/api/results/imports?pageSize=500',
      orgIds: (d) => (d as { items: { orgId: number }[] }).items.map((b) => b.orgId),
    },
    'POST /api/results/imports/:id/undo': {
      kind: 'target',
      permission: 'result.import',
      call: async (t) => {
        const out = await importFor(ctx(), t.orgId, `u-${next()}`);
        return { method: 'POST', url: `/api/results/imports/${out.batchIds[0]}/undo` };
      },
    },
    'GET /api/results/tests': {
      kind: 'list',
      permission: 'result.read',
      url: '/api/results/tests',
      orgIds: (d) =>
        (d as { schools: { orgId: number }[] }[]).flatMap((t) => t.schools.map((s) => s.orgId)),
    },
    'POST /api/results/tests/:id/links': {
      kind: 'target',
      permission: 'result.import',
      call: (t) => {
        const form = multipart(
          { orgId: t.orgId },
          { name: 'codes.csv', type: 'text/csv', content: 'Код участника;Код обучающегося\n' },
        );
        return {
          method: 'POST',
          url: `/api/results/tests/${fixtures().testId}/links`,
          body: form.payload,
          headers: form.headers,
        };
      },
    },
    'POST /api/results/journal/upload': {
      kind: 'target',
      permission: 'result.import',
      call: (t) => {
        const form = multipart(
          { orgId: t.orgId, year: 2024 },
          { name: 'journal.csv', type: 'text/csv', content: journalFile(`j-${next()}`) },
        );
        return {
          method: 'POST',
          url: '/api/results/journal/upload',
          body: form.payload,
          headers: form.headers,
        };
      },
    },
    'POST /api/results/journal/preview': {
      kind: 'target',
      permission: 'result.import',
      call: async (t) => ({
        method: 'POST',
        url: '/api/results/journal/preview',
        body: await journalBody(ctx(), t.orgId, `jp-${next()}`),
      }),
    },
    'POST /api/results/journal/imports': {
      kind: 'target',
      permission: 'result.import',
      call: async (t) => ({
        method: 'POST',
        url: '/api/results/journal/imports',
        body: await journalBody(ctx(), t.orgId, `ji-${next()}`),
      }),
    },
    'GET /api/results/journal/imports': {
      kind: 'list',
      permission: 'result.read',
      url: '/api/results/journal/imports',
      orgIds: (d) => (d as { orgId: number }[]).map((f) => f.orgId),
    },
    'POST /api/results/journal/imports/:id/undo': {
      kind: 'target',
      permission: 'result.import',
      call: async (t) => {
        const code = `ju-${next()}`;
        const out = await ctx().services.journalMarks.importBytes(
          SYSTEM_ACTOR,
          { orgId: t.orgId, year: 2024 },
          `${code}.csv`,
          Buffer.from(journalFile(code)),
          JOURNAL_MAPPING,
        );
        return { method: 'POST', url: `/api/results/journal/imports/${out.fileId}/undo` };
      },
    },
    'GET /api/results/journal/marks': {
      kind: 'target',
      permission: 'result.read',
      call: (t) => ({ method: 'GET', url: `/api/results/journal/marks?orgId=${t.orgId}` }),
    },
    'GET /api/results/tests/:id/works': {
      kind: 'target',
      permission: 'result.read',
      call: (t) => ({
        method: 'GET',
        url: `/api/results/tests/${fixtures().testId}/works?orgId=${t.orgId}`,
      }),
    },
  };
}
