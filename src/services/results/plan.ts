import { createHash } from 'node:crypto';
import type { Actor } from '../../core/access/actor';
import { inScope, resolveScope } from '../../core/access/scope';
import { issue, type ImportIssue } from '../../core/results/issues';
import { describeTestKey, type TestKey } from '../../core/results/types';
import type { Db } from '../../db/database';
import {
  findOrgByFisLogin,
  findOrgById,
  findOrgsByFisLogins,
  type OrgRow,
} from '../../db/repositories/organisations';
import { listMunicipalities, listSubjects } from '../../db/repositories/reference';
import { findActiveBatches, findFilesBySha } from '../../db/repositories/resultImports';
import { findTestByKey, type CatalogTest } from '../../db/repositories/testCatalog';
import {
  analyseResults,
  detectTestKey,
  type ResultsAnalysis,
  type TestChoice,
} from '../../importers/results/analyse';
import { parseResultsFile, type ParsedResultsFile } from '../../importers/results';

export interface ImportRequest {
  fileName: string;
  bytes: Buffer;
  choice: TestChoice & { orgId?: number | undefined };
}

export interface PlanOptions {
  /** Create schools a municipal export names but the registry lacks (CLI, administrator). */
  createSchools: boolean;
  /** Municipality for created schools when the file's «Муниципалитет» matches none. */
  municipalityId?: number | undefined;
}

export interface SchoolPlan {
  login: string | null;
  name: string | null;
  municipality: string | null;
  org: OrgRow | null;
  /** Set when the school will be created: its municipality. */
  createIn: number | null;
  /** Index of the school in `analysis.schools` (its works: `analysis.schoolOf[i] === summary`). */
  summary: number;
  works: number;
  absent: number;
  classes: string[];
  replacesBatchId: number | null;
}

export interface ImportPlan {
  fileName: string;
  sha256: string;
  parsed: ParsedResultsFile;
  key: TestKey | null;
  subjectId: number | null;
  testName: string | null;
  catalogTest: CatalogTest | null;
  analysis: ResultsAnalysis | null;
  schools: SchoolPlan[];
  issues: ImportIssue[];
  alreadyImported: boolean;
  ok: boolean;
}

/**
 * Everything an import would do, computed without changing anything: the test, the structure,
 * the schools (found, to be created, or refused as outside the caller's scope), the batches a
 * corrected file replaces, and every issue. Preview shows it; commit carries it out.
 */
export async function buildImportPlan(
  db: Db,
  actor: Actor,
  req: ImportRequest,
  options: PlanOptions,
): Promise<ImportPlan> {
  const sha256 = createHash('sha256').update(req.bytes).digest('hex');
  const parsed = await parseResultsFile(req.fileName, req.bytes, {
    grade: req.choice.grade ?? null,
  });
  const where = { file: parsed.file, sheet: parsed.sheet };
  const subjects = await listSubjects(db);
  const base = {
    fileName: req.fileName,
    sha256,
    parsed,
    key: null,
    subjectId: null,
    testName: null,
    catalogTest: null,
    analysis: null,
    schools: [],
    alreadyImported: false,
    ok: false,
  };
  if (!parsed.kind) return { ...base, issues: parsed.issues };
  const detected = detectTestKey(parsed, req.choice, subjects);
  const key = detected.key;
  if (!key) return { ...base, issues: [...parsed.issues, ...detected.issues] };
  const subject = subjects.find((s) => s.code === key.subjectCode);
  if (!subject) {
    return {
      ...base,
      issues: [...parsed.issues, issue(where, 'error', `Предмет «${key.subjectCode}» не найден`)],
    };
  }
  const catalogTest = await findTestByKey(db, key, subject.id);
  const testName = describeTestKey(key, subject.name);
  const analysis = analyseResults(parsed, key, catalogTest, testName);
  const issues = [...detected.issues, ...analysis.issues];
  const schools = await planSchools(db, actor, req, parsed, analysis, options, issues);

  if (catalogTest) {
    const active = await findActiveBatches(
      db,
      catalogTest.id,
      schools.flatMap((s) => (s.org ? [s.org.id] : [])),
    );
    for (const s of schools)
      s.replacesBatchId = active.find((b) => b.orgId === s.org?.id)?.id ?? null;
  }
  const earlier = await findFilesBySha(db, sha256);
  const alreadyImported =
    earlier.length > 0 &&
    earlier.every((e) => e.batch.status === 'active') &&
    schools.every((s) => earlier.some((e) => e.batch.orgId === s.org?.id));
  if (alreadyImported) {
    issues.push(
      issue(
        where,
        'note',
        'Этот файл уже загружен (совпадает содержимое): повторная загрузка ничего не изменит',
      ),
    );
  }
  return {
    ...base,
    key,
    subjectId: subject.id,
    testName,
    catalogTest,
    analysis,
    schools,
    issues,
    alreadyImported,
    ok: !issues.some((i) => i.severity === 'error'),
  };
}

async function planSchools(
  db: Db,
  actor: Actor,
  req: ImportRequest,
  parsed: ParsedResultsFile,
  analysis: ResultsAnalysis,
  options: PlanOptions,
  issues: ImportIssue[],
): Promise<SchoolPlan[]> {
  const where = { file: parsed.file, sheet: parsed.sheet };
  const scope = resolveScope(actor, 'result.import');
  const refuseOutside = (org: OrgRow, login: string | null) => {
    if (inScope(scope, { orgId: org.id, municipalityId: org.municipalityId })) return false;
    issues.push(
      issue(
        where,
        'error',
        `Файл содержит результаты ОО ${login ?? ''} «${org.shortName}», которая вне вашей области доступа: загружать можно только результаты своих ОО`,
      ),
    );
    return true;
  };
  const plans: SchoolPlan[] = [];

  if (parsed.kind === 'school_form') {
    let org: OrgRow | null = null;
    const hint = parsed.schoolLoginHint;
    const hinted = hint ? await findOrgByFisLogin(db, hint) : null;
    if (req.choice.orgId) {
      org = (await findOrgById(db, req.choice.orgId))?.org ?? null;
      if (!org) issues.push(issue(where, 'error', 'Выбранная ОО не найдена'));
      else if (hint && org.fisLogin !== hint) {
        issues.push(
          issue(
            where,
            'error',
            `Файл относится к ОО с логином ${hint}${hinted ? ` («${hinted.shortName}»)` : ''}, а загружается для «${org.shortName}»${org.fisLogin ? ` (${org.fisLogin})` : ''}: загрузите файл своей ОО`,
          ),
        );
        return [];
      }
    } else if (hinted) {
      org = hinted;
    } else if (hint) {
      issues.push(issue(where, 'error', `ОО с логином ${hint} из имени файла нет в реестре`));
    } else {
      issues.push(
        issue(where, 'error', 'В форме сбора результатов нет ОО: выберите ОО при загрузке'),
      );
    }
    if (!org || refuseOutside(org, org.fisLogin)) return [];
    const summary = analysis.schools[0];
    plans.push({
      login: org.fisLogin,
      name: org.shortName,
      municipality: null,
      org,
      createIn: null,
      summary: 0,
      works: analysis.works.length,
      absent: summary?.absent ?? 0,
      classes: summary?.classes ?? [],
      replacesBatchId: null,
    });
    return plans;
  }

  const municipalities = options.createSchools ? await listMunicipalities(db) : [];
  const orgs = await findOrgsByFisLogins(
    db,
    analysis.schools.flatMap((s) => (s.login ? [s.login] : [])),
  );
  for (const [summary, s] of analysis.schools.entries()) {
    const login = s.login ?? '';
    const org = (login && orgs.get(login)) || null;
    let createIn: number | null = null;
    if (org) {
      if (req.choice.orgId && org.id !== req.choice.orgId) {
        issues.push(
          issue(
            where,
            'error',
            `Файл содержит результаты другой ОО (${login} «${org.shortName}»): загружать можно только результаты выбранной ОО`,
          ),
        );
        continue;
      }
      if (refuseOutside(org, login)) continue;
    } else if (options.createSchools) {
      const byName = municipalities.find(
        (m) => s.municipality && m.name.toLowerCase() === s.municipality.toLowerCase(),
      );
      createIn =
        byName?.id ??
        options.municipalityId ??
        (municipalities.length === 1 ? (municipalities[0]?.id ?? null) : null);
      if (createIn === null) {
        issues.push(
          issue(
            where,
            'error',
            `ОО ${login} «${s.name ?? ''}» нет в реестре, а муниципалитет «${s.municipality ?? ''}» не найден: укажите --municipality-id`,
          ),
        );
        continue;
      }
    } else {
      issues.push(
        issue(
          where,
          'error',
          `ОО с логином ${login} («${s.name ?? ''}») нет в реестре: добавьте её в реестр организаций или загрузите файл командой vsoko import, которая создаёт недостающие ОО`,
        ),
      );
      continue;
    }
    plans.push({
      login: s.login,
      name: s.name,
      municipality: s.municipality,
      org,
      createIn,
      summary,
      works: s.works,
      absent: s.absent,
      classes: s.classes,
      replacesBatchId: null,
    });
  }
  return plans;
}
