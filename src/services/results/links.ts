import type { Actor } from '../../core/access/actor';
import { invalid, notFound } from '../../core/errors';
import { formatIssue, issue, type ImportIssue } from '../../core/results/issues';
import { listCodeLinks, replaceCodeLinks } from '../../db/repositories/codeLinks';
import { findOrgById } from '../../db/repositories/organisations';
import { listActiveWorks } from '../../db/repositories/resultImports';
import { findStudentsByCodes } from '../../db/repositories/students';
import { findTestById } from '../../db/repositories/testCatalog';
import { parseCodeList } from '../../importers/results/codeList';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireWritable } from '../guard';

export interface LinkOutcome {
  linked: number;
  works: number;
  /** Works of the school and test still without a student. */
  unlinked: number;
  issues: ImportIssue[];
}

/**
 * A school links one administration's participant codes to its own pseudonymous students by
 * uploading its code list. All or nothing: an unknown student code or a repeated participant
 * code refuses the list; participant codes without a work are warnings.
 */
export class CodeLinkService {
  constructor(private readonly deps: ServiceDeps) {}

  async upload(
    actor: Actor,
    testId: number,
    orgId: number,
    file: { fileName: string; bytes: Buffer },
  ): Promise<LinkOutcome> {
    return this.deps.database.transaction(async ({ db }) => {
      const org = await findOrgById(db, orgId);
      if (!org) throw notFound('Организация');
      requireWritable(
        actor,
        'result.read',
        'result.import',
        { orgId, municipalityId: org.org.municipalityId },
        'Организация',
      );
      const test = await findTestById(db, testId);
      if (!test) throw notFound('Работа');
      const parsed = await parseCodeList(file.fileName, file.bytes);
      const where = { file: file.fileName, sheet: null };
      const issues = [...parsed.issues];
      const found = await findStudentsByCodes(
        db,
        orgId,
        parsed.links.map((l) => l.studentCode),
      );
      const idByCode = new Map(found.map((s) => [s.code, s.id]));
      for (const l of parsed.links) {
        if (!idByCode.has(l.studentCode)) {
          issues.push(
            issue(
              where,
              'error',
              `код обучающегося «${l.studentCode}» не найден в ОО (добавьте его в разделе «Организации» → коды обучающихся)`,
              l.row,
            ),
          );
        }
      }
      const works = await listActiveWorks(db, testId, [orgId]);
      const codes = new Set(works.map((w) => w.participantCode));
      const strangers = parsed.links.filter((l) => !codes.has(l.participantCode));
      if (strangers.length) {
        issues.push(
          issue(
            where,
            'warning',
            `${strangers.length} код(ов) участника нет среди работ ОО по этой работе (например, строка ${strangers[0]?.row}: ${strangers[0]?.participantCode})`,
          ),
        );
      }
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length) {
        throw invalid(
          `Список кодов не загружен. ${errors.slice(0, 5).map(formatIssue).join('; ')}`,
          { issues },
        );
      }
      const links = parsed.links.map((l) => ({
        participantCode: l.participantCode,
        studentId: idByCode.get(l.studentCode) as number,
      }));
      await replaceCodeLinks(db, orgId, testId, links);
      const listed = new Set(parsed.links.map((l) => l.participantCode));
      const linked = works.filter((w) => listed.has(w.participantCode)).length;
      await audit(db, actor, {
        action: 'link',
        entity: 'result_code_links',
        entityId: testId,
        municipalityId: org.org.municipalityId,
        orgId,
        summary: `Загружен список кодов участников для «${org.org.shortName}»: связано работ ${linked} из ${works.length}`,
        after: { fileName: file.fileName, links: links.length },
      });
      return { linked, works: works.length, unlinked: works.length - linked, issues };
    });
  }

  /** participant code → student code for the works browser. */
  async linksOf(orgId: number, testId: number): Promise<Map<string, string>> {
    const rows = await listCodeLinks(this.deps.database.db, orgId, testId);
    return new Map(rows.map((r) => [r.participantCode, r.studentCode]));
  }
}
