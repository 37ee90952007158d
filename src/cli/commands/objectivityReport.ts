import { writeFileSync } from 'node:fs';
import { SYSTEM_ACTOR } from '../../core/access/actor';
import { municipalitiesWithResults } from '../../db/repositories/analysisRuns';
import { findOrgByFisLogin, findOrgsByIds } from '../../db/repositories/organisations';
import { listMunicipalities } from '../../db/repositories/reference';
import type { ReportFormat } from '../../shared/objectivityReport';
import { describeDatabase, openRuntime, readEnv } from '../runtime';

export interface ObjectivityReportOptions {
  year?: number;
  school?: string;
  municipalityId?: number;
  out: string;
}

/**
 * `vsoko objectivity:report [--year 2025] [--school <login|id>] [--municipality-id N] --out f`:
 * the аналитическая справка on the objectivity of results for the district (or one school) from
 * the latest stored analysis run; DOCX or PDF by the extension of `--out`.
 */
export async function objectivityReportCommand(o: ObjectivityReportOptions) {
  const lower = o.out.toLowerCase();
  const format: ReportFormat | null = lower.endsWith('.pdf')
    ? 'pdf'
    : lower.endsWith('.docx')
      ? 'docx'
      : null;
  if (!format) throw new Error(`--out должен быть файлом .docx или .pdf, получено «${o.out}»`);
  if (o.year !== undefined && !Number.isInteger(o.year))
    throw new Error('--year должен быть годом, например 2025');
  const runtime = await openRuntime(readEnv());
  try {
    const { db } = runtime.database;
    const progress = (message: string) => console.log(`  ${message}`);
    console.log(`База данных: ${describeDatabase(runtime.database)}`);
    const service = runtime.services.objectivityReport;
    let file;
    if (o.school) {
      const org = /^\d+$/.test(o.school)
        ? (await findOrgsByIds(db, [Number(o.school)]))[0]
        : await findOrgByFisLogin(db, o.school);
      if (!org) throw new Error(`ОО с логином или id «${o.school}» не найдена`);
      console.log(`Справка по ОО «${org.shortName}»`);
      file = await service.school(SYSTEM_ACTOR, org.id, { year: o.year }, format, progress);
    } else {
      const withResults = await municipalitiesWithResults(db);
      const candidates = (await listMunicipalities(db)).filter((m) =>
        o.municipalityId === undefined ? withResults.includes(m.id) : m.id === o.municipalityId,
      );
      if (candidates.length !== 1)
        throw new Error(
          o.municipalityId !== undefined
            ? `Муниципалитет с id ${o.municipalityId} не найден`
            : candidates.length
              ? `Результаты есть у нескольких муниципалитетов, укажите --municipality-id: ${candidates.map((m) => `${m.id} (${m.name})`).join(', ')}`
              : 'В базе нет загруженных результатов: сначала загрузите их (vsoko import)',
        );
      const m = candidates[0] as (typeof candidates)[number];
      console.log(`Справка по муниципалитету «${m.name}»`);
      file = await service.district(
        SYSTEM_ACTOR,
        { year: o.year, municipalityId: m.id },
        format,
        progress,
      );
    }
    writeFileSync(o.out, file.bytes);
    console.log(`Записано: ${o.out} (${Math.round(file.bytes.length / 1024)} КБ)`);
  } finally {
    await runtime.close();
  }
}
