import { eq } from '../../core/analytics/dossier';
import { schoolRecommendations } from '../../core/objectivity/recommendations';
import type { Block, OfficialDocument } from '../docx/model';
import { signsOf } from './district';
import { formatNumber, type SchoolReportData } from './model';
import {
  causesList,
  closing,
  dataSection,
  evidenceTable,
  journalTable,
  marksTable,
  Numbering,
  recommendationsSection,
  runSource,
  source,
  testLabel,
} from './sections';
import { summariseCaveats } from './caveats';
import { evidenceCharts, testCharts } from './charts';

/**
 * The analytical report of one school: purpose, data, its results against the municipality and
 * the region, the signs found in its own results with possible causes, recommendations for the
 * school. Only this school's data and the municipal/regional aggregates appear; no teacher.
 */
export function buildSchoolReport(d: SchoolReportData): OfficialDocument {
  const numbering = new Numbering();
  const r = d.result;
  const works = d.tests.reduce((s, t) => s + (t.school?.participants ?? 0), 0);
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: '1. Цель' },
    {
      kind: 'paragraph',
      text: `Оценить объективность результатов ВПР ${d.year} года в ОО «${d.school.name}» в сравнении с муниципалитетом и регионом, указать выявленные статистические признаки с возможными причинами и определить меры по обеспечению объективности оценочных процедур в ОО.`,
    },
    ...dataSection(2, {
      run: d.run,
      year: d.year,
      tests: d.tests,
      coverage: `ОО: ${d.school.fullName || d.school.name} (логин ФИС ОКО ${d.school.login || '—'}); работ — ${works}.`,
      caveats: summariseCaveats([r?.caveats ?? []]),
      numbering,
    }),
    { kind: 'heading', level: 2, text: '3. Результаты' },
  ];
  if (!d.tests.length)
    blocks.push({
      kind: 'paragraph',
      text: `Результаты ВПР ${d.year} года этой ОО в системе не найдены.`,
    });
  else {
    blocks.push({ kind: 'heading', level: 3, text: '3.1. Распределение отметок' });
    blocks.push(...marksTable(d.tests, d.municipalityName, numbering), source(d.figuresSource));
    blocks.push({ kind: 'heading', level: 3, text: '3.2. Сравнение с отметками по журналу' });
    blocks.push(...journalTable(d.tests, d.municipalityName, numbering), source(d.figuresSource));
    const hard = d.tests.filter((t) => t.hardBeatsEasy);
    if (hard.length)
      blocks.push({
        kind: 'paragraph',
        text: `Задания повышенного или высокого уровня выполнены в среднем лучше заданий базового уровня («трудные лучше лёгких»): ${hard.map(testLabel).join('; ')}.`,
      });
    blocks.push({ kind: 'heading', level: 3, text: '3.3. Рисунки' });
    for (const t of d.tests) blocks.push(...testCharts(t, d.municipalityName, numbering));
  }

  blocks.push({ kind: 'heading', level: 2, text: '4. Выявленные признаки и возможные причины' });
  if (!r)
    blocks.push({
      kind: 'paragraph',
      text: `В запуске анализа № ${d.run.id} нет результатов этой ОО за ${d.year} год.`,
    });
  else {
    const status = r.flagged
      ? `ОО отнесена к зоне риска: признаки необъективности устойчивы к контролю ложных обнаружений (${eq('q', r.q)}; порог ${formatNumber(d.run.q, 2)})`
      : r.supportList
        ? `ОО включена в список поддержки: слабые признаки (${eq('q', r.q)}; порог ${formatNumber(d.run.supportQ, 2)})`
        : `ОО не относится к зоне риска (${eq('q', r.q)})`;
    blocks.push({
      kind: 'paragraph',
      text: `${status}. ${r.summary}`,
    });
    if (r.evidence.length) {
      blocks.push(...evidenceTable(r.evidence, numbering, 'Показатели с p ≤ 0,05'));
      blocks.push(source(runSource(d.run)));
      blocks.push(...causesList(r.evidence));
      const withSigns = d.tests.filter((t) =>
        r.evidence.some((e) => e.subject === t.subject && e.grade === t.grade),
      );
      if (withSigns.some((t) => t.detail)) {
        blocks.push({
          kind: 'paragraph',
          text: 'Рисунки к признакам: распределение первичных баллов ОО (границы отметок — пунктир, ожидаемое по модели распределение — линия) и выполнение заданий по уровням сложности.',
        });
        for (const t of withSigns) blocks.push(...evidenceCharts(t, d.municipalityName, numbering));
        blocks.push(source(d.figuresSource));
      }
    } else
      blocks.push({
        kind: 'paragraph',
        text: 'Ни один показатель не достиг уровня p ≤ 0,05.',
      });
  }

  const signs = r
    ? signsOf(r)
    : { name: d.school.name, flagged: false, supportList: false, signs: [] };
  blocks.push(
    ...recommendationsSection(5, schoolRecommendations(signs, d.year, d.today), numbering),
    ...closing(d.run, d.today, works),
  );
  return {
    heading: 'АНАЛИТИЧЕСКАЯ СПРАВКА',
    title: `об объективности результатов ВПР ${d.year} года: ${d.school.name}`,
    placeAndYear: `${d.municipalityName}, ${d.today.slice(0, 4)} г.`,
    blocks,
  };
}
