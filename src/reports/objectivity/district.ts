import { INDICATOR_TITLES, formatP } from '../../core/analytics/dossier';
import type { IndicatorId } from '../../core/analytics/indicators/result';
import { signCountChart } from '../../core/objectivity/chartsReport';
import {
  districtRecommendations,
  testsText,
  type SchoolSigns,
} from '../../core/objectivity/recommendations';
import type { Block, OfficialDocument } from '../docx/model';
import { formatNumber, type DistrictReportData, type ReportSchoolResult } from './model';
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
} from './sections';
import { summariseCaveats } from './caveats';
import { districtCharts } from './charts';

export const signsOf = (r: ReportSchoolResult): SchoolSigns => ({
  name: r.name,
  flagged: r.flagged,
  supportList: r.supportList,
  signs: r.evidence.map((e) => ({ indicator: e.indicator, subject: e.subject, grade: e.grade })),
});

/** «Избыток работ у границ отметок: математика — 4, 5 кл.» per indicator of the evidence. */
const indicatorsText = (r: ReportSchoolResult) =>
  [...new Set(r.evidence.map((e) => e.title))]
    .map((title) => `${title}: ${testsText(r.evidence.filter((e) => e.title === title))}`)
    .join('; ') || '—';

/**
 * The district's analytical report on the objectivity of one year's results: purpose, data,
 * results (marks, journal comparison, schools with signs), signs with possible causes,
 * recommendations. Every figure comes from the stored run and its figures; no teacher appears.
 */
export function buildDistrictReport(d: DistrictReportData): OfficialDocument {
  const numbering = new Numbering();
  const flagged = d.results.filter((r) => r.flagged);
  const support = d.results.filter((r) => !r.flagged && r.supportList);
  const works = d.tests.reduce((s, t) => s + t.municipality.participants, 0);
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: '1. Цель' },
    {
      kind: 'paragraph',
      text: `Выявить общеобразовательные организации (ОО) муниципалитета «${d.municipalityName}», в которых результаты ВПР ${d.year} года имеют статистические признаки необъективности, оценить их с учётом возможных причин и определить меры по обеспечению объективности оценочных процедур в следующем учебном году.`,
    },
    ...dataSection(2, {
      run: d.run,
      year: d.year,
      tests: d.tests,
      coverage: `Охват: ОО — ${d.results.length}, работ — ${works}.`,
      caveats: summariseCaveats(d.results.map((r) => r.caveats)),
      numbering,
    }),
    { kind: 'heading', level: 2, text: '3. Результаты' },
    { kind: 'heading', level: 3, text: '3.1. Распределение отметок' },
    ...marksTable(d.tests, d.municipalityName, numbering),
    source(d.figuresSource),
    ...districtCharts(d.tests, numbering),
    { kind: 'heading', level: 3, text: '3.2. Сравнение с отметками по журналу' },
    ...journalTable(d.tests, d.municipalityName, numbering),
    source(d.figuresSource),
    { kind: 'heading', level: 3, text: '3.3. ОО с признаками необъективности' },
    {
      kind: 'paragraph',
      text: `Проанализировано ОО: ${d.results.length}. Признаки необъективности (после контроля доли ложных обнаружений, q ≤ ${formatNumber(d.run.q, 2)}) выявлены у ${flagged.length} ОО; слабые признаки (список поддержки, q ≤ ${formatNumber(d.run.supportQ, 2)}) — ещё у ${support.length} ОО.`,
    },
  ];
  const listed = [...flagged, ...support];
  if (listed.length) {
    blocks.push(numbering.table('ОО с признаками необъективности и их показатели'), {
      kind: 'table',
      fontSize: 9,
      columns: [
        { title: '№', width: 0.6 },
        { title: 'ОО', width: 2.4 },
        { title: 'Логин ФИС ОКО', width: 1.8 },
        { title: 'Статус', width: 1.6 },
        { title: 'p (общий)', width: 1.2 },
        { title: 'q', width: 1.2 },
        { title: 'Лет подряд', width: 1 },
        { title: 'Показатели с p ≤ 0,05', width: 5 },
      ],
      rows: listed.map((r, i) => ({
        cells: [
          String(i + 1),
          r.name,
          r.login || '—',
          r.flagged ? 'признаки' : 'список поддержки',
          formatP(r.p),
          formatP(r.q),
          String(r.yearsInRow),
          indicatorsText(r),
        ],
      })),
    });
    blocks.push(source(runSource(d.run)));
    const counts = (Object.keys(INDICATOR_TITLES) as IndicatorId[]).map((id) => ({
      title: INDICATOR_TITLES[id],
      schools: flagged.filter((r) => r.evidence.some((e) => e.indicator === id)).length,
    }));
    blocks.push(
      ...numbering.figure(
        signCountChart('ОО с признаками: число ОО по показателям', counts),
        'Число ОО с признаками по каждому показателю',
        80 + 36 * counts.filter((c) => c.schools).length,
      ),
    );
  }

  blocks.push({ kind: 'heading', level: 2, text: '4. Выявленные признаки и возможные причины' });
  if (!flagged.length)
    blocks.push({
      kind: 'paragraph',
      text: `Признаков необъективности результатов ВПР ${d.year} года, устойчивых к контролю ложных обнаружений, не выявлено.`,
    });
  flagged.forEach((r, i) => {
    blocks.push({ kind: 'heading', level: 3, text: `4.${i + 1}. ${r.name}` });
    blocks.push({
      kind: 'paragraph',
      text: r.summary,
    });
    if (r.evidence.length) {
      blocks.push(...evidenceTable(r.evidence, numbering, `Показатели: ${r.name}`));
      blocks.push(source(runSource(d.run)));
      blocks.push(...causesList(r.evidence));
    }
  });
  if (support.length)
    blocks.push({
      kind: 'paragraph',
      text: `Слабые признаки (список поддержки): ${support.map((r) => `${r.name} (${indicatorsText(r)})`).join('; ')}. Эти ОО не относятся к зоне риска; рекомендуется выборочный контроль.`,
    });

  blocks.push(
    ...recommendationsSection(
      5,
      districtRecommendations(listed.map(signsOf), d.year, d.today),
      numbering,
    ),
    ...closing(d.run, d.today, works),
  );
  return {
    heading: 'АНАЛИТИЧЕСКАЯ СПРАВКА',
    title: `об объективности результатов ВПР ${d.year} года в общеобразовательных организациях (${d.municipalityName})`,
    placeAndYear: `${d.municipalityName}, ${d.today.slice(0, 4)} г.`,
    blocks,
  };
}
