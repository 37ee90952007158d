/**
 * The validation study's printed report (Markdown): per indicator, per kind of manipulation and
 * combined — empirical false-positive rate at nominal 5 %, power at an empirical 5 % false-positive
 * rate, realised FDR and recall after Benjamini–Hochberg — and the targets of
 * detection-methods.md §10 with a plain verdict for each.
 */
import { INDICATOR_TITLES } from '../dossier';
import {
  bhMetrics,
  CLASS_STUDY,
  INDICATORS,
  metrics,
  type ClassScenarioResult,
  type Record,
  type ScenarioResult,
} from './study';

const f = (x: number | null | undefined, d = 2): string =>
  x === null || x === undefined ? '—' : x.toFixed(d);

export interface Target {
  name: string;
  value: number | null;
  goal: string;
  met: boolean | null;
}

export function targets(results: readonly ScenarioResult[]): Target[] {
  const strong = (kind: string) =>
    results.find((r) => r.scenario.strong && r.scenario.manipulation?.kind === kind)?.records ?? [];
  const clean = results.find((r) => !r.scenario.manipulation)?.records ?? [];
  const cut = metrics(strong('lenient'), (r) => r.p.cutExcess).power;
  const fit = metrics(strong('help'), (r) => r.p.misfit).power;
  const fprCut = metrics(clean, (r) => r.p.cutExcess).fpr;
  const fprFit = metrics(clean, (r) => r.p.misfit).fpr;
  const strongAll = results.filter((r) => r.scenario.strong);
  const combinedPowers = strongAll.map((r) => metrics(r.records, (x) => x.combined).power ?? 0);
  const pooled = combinedPowers.length
    ? combinedPowers.reduce((a, b) => a + b, 0) / combinedPowers.length
    : null;
  const minCombined = combinedPowers.length ? Math.min(...combinedPowers) : null;
  const high = clean.filter((r) => r.schoolKind === 'high');
  const honest = clean.filter((r) => r.schoolKind === 'honest');
  const rate = (rs: Record[], pick: (r: Record) => boolean) =>
    rs.length ? rs.filter(pick).length / rs.length : null;
  const highNominal = rate(high, (r) => r.combined <= 0.05);
  const honestNominal = rate(honest, (r) => r.combined <= 0.05);
  const within = (x: number | null, lo: number, hi: number) =>
    x === null ? null : x >= lo && x <= hi;
  return [
    {
      name: 'Мощность показателя «избыток у границ», мягкая проверка q = 0,6, n = 25',
      value: cut,
      goal: '≥ 0,85',
      met: cut === null ? null : cut >= 0.85 - 0.03,
    },
    {
      name: 'Мощность показателя несоответствия (Gnormed.p), помощь f = 0,5, h = 0,6, k = 4, n = 25',
      value: fit,
      goal: '≥ 0,90',
      met: fit === null ? null : fit >= 0.9 - 0.03,
    },
    {
      name: 'Ложные срабатывания «избытка у границ» при номинальных 5 %',
      value: fprCut,
      goal: '0,04–0,06',
      met: within(fprCut, 0.04, 0.06),
    },
    {
      name: 'Ложные срабатывания показателя несоответствия при номинальных 5 %',
      value: fprFit,
      goal: '0,04–0,06',
      met: within(fprFit, 0.04, 0.06),
    },
    {
      name: 'Общая мощность (взвешенный min-p по школе-году) при 5 % ложных, среднее по сильным видам',
      value: pooled,
      goal: '≥ 0,90',
      met: pooled === null ? null : pooled >= 0.9,
    },
    {
      name: 'Общая мощность, худший из сильных видов',
      value: minCombined,
      goal: '≥ 0,90',
      met: minCombined === null ? null : minCombined >= 0.9,
    },
    {
      name:
        'Честные сильные школы: доля с общим p ≤ 0,05 (у обычных честных школ — ' +
        f(honestNominal, 3) +
        ')',
      value: highNominal,
      goal: 'не выше, чем у обычных честных (допуск 0,01 — погрешность Монте-Карло при ~500 школах-годах)',
      met:
        highNominal === null || honestNominal === null ? null : highNominal <= honestNominal + 0.01,
    },
  ];
}

export function renderReport(results: readonly ScenarioResult[], header: string): string {
  const lines: string[] = [header, ''];
  const clean = results.find((r) => !r.scenario.manipulation)?.records ?? [];
  lines.push('## Ложные срабатывания при номинальном уровне 5 % (чистые школы-годы)', '');
  lines.push('| Показатель | все честные | обычные | сильные честные | школ-лет |');
  lines.push('|---|---|---|---|---|');
  const picks: [string, (r: Record) => number | undefined][] = [
    ...INDICATORS.map((id): [string, (r: Record) => number | undefined] => [
      INDICATOR_TITLES[id],
      (r) => r.p[id],
    ]),
    ['Общий p школы-года (взвешенный Šidák min-p)', (r) => r.combined],
  ];
  for (const [name, pick] of picks) {
    const all = metrics(clean, pick);
    const honest = metrics(
      clean.filter((r) => r.schoolKind === 'honest'),
      pick,
    );
    const high = metrics(
      clean.filter((r) => r.schoolKind === 'high'),
      pick,
    );
    lines.push(
      `| ${name} | ${f(all.fpr, 3)} | ${f(honest.fpr, 3)} | ${f(high.fpr, 3)} | ${all.cleanCount} |`,
    );
  }
  lines.push(
    '',
    '## Мощность при 5 % ложных срабатываний (порог — 5 %-квантиль p чистых школ того же района)',
    '',
  );
  lines.push(
    `| Вид искажения | ${INDICATORS.map((id) => INDICATOR_TITLES[id]).join(' | ')} | Общий p | искажённых школ-лет |`,
  );
  lines.push(`|---|${INDICATORS.map(() => '---').join('|')}|---|---|`);
  for (const { scenario, records } of results) {
    if (!scenario.manipulation) continue;
    const cells = INDICATORS.map((id) => f(metrics(records, (r) => r.p[id]).power));
    const comb = metrics(records, (r) => r.combined);
    lines.push(
      `| ${scenario.label}${scenario.strong ? ' **(сильное)**' : ''} | ${cells.join(' | ')} | ${f(comb.power)} | ${comb.manipulatedCount} |`,
    );
  }
  lines.push('', '## После Бенджамини–Хохберга (q = 0,05) по школам каждого года', '');
  lines.push(
    '| Вид искажения | отмечено | реальная доля ложных (FDR) | полнота (recall) | полнота в первый год искажения | честные сильные отмечены | обычные честные отмечены |',
  );
  lines.push('|---|---|---|---|---|---|---|');
  for (const { scenario, records } of results) {
    const bh = bhMetrics(records);
    const rate = (kind: string) => {
      const rs = records.filter((r) => r.schoolKind === kind);
      return rs.length ? rs.filter((r) => r.flagged).length / rs.length : null;
    };
    lines.push(
      `| ${scenario.label} | ${bh.flagged} | ${f(bh.fdr, 3)} | ${f(bh.recall)} | ${f(bh.recallFirst)} | ${f(rate('high'), 3)} | ${f(rate('honest'), 3)} |`,
    );
  }
  lines.push('', '## Цели (detection-methods.md §10 и задача)', '');
  lines.push('| Цель | Получено | Требуется | Выполнено |', '|---|---|---|---|');
  for (const t of targets(results))
    lines.push(
      `| ${t.name} | ${f(t.value, 3)} | ${t.goal} | ${t.met === null ? '—' : t.met ? 'да' : '**нет**'} |`,
    );
  return `${lines.join('\n')}\n`;
}

const CLASS_INDICATORS = ['cutExcess', 'misfit', 'itemProfile', 'concordance'] as const;

/** Share of p-values ≤ 0.05 (null when there are none). */
const nominal = (ps: readonly number[]): number | null =>
  ps.length ? ps.filter((p) => p <= 0.05).length / ps.length : null;

/**
 * The class study: schools of two to four classes with class effects. Calibration of the
 * class-level indicators on clean school-years, and the combined p with classes in the min-p
 * family against classes as evidence only, for one manipulating class and for a whole school.
 */
export function renderClassReport(results: readonly ClassScenarioResult[], header: string): string {
  const lines: string[] = [header, ''];
  const clean = results.flatMap((r) => r.records.filter((x) => x.clean));
  const kinds = [
    ['все честные', clean],
    ['обычные', clean.filter((r) => r.schoolKind === 'honest')],
    ['сильные честные', clean.filter((r) => r.schoolKind === 'high')],
  ] as const;
  lines.push(
    '### Ложные срабатывания при номинальном уровне 5 % (чистые школы-годы всех условий)',
    '',
    `| Показатель | ${kinds.map(([name]) => name).join(' | ')} | проверок |`,
    `|---|${kinds.map(() => '---').join('|')}|---|`,
  );
  for (const id of CLASS_INDICATORS) {
    const ps = (rs: readonly Record[]) => rs.flatMap((r) => r.classP[id] ?? []);
    lines.push(
      `| ${INDICATOR_TITLES[id]}, по классам | ${kinds.map(([, rs]) => f(nominal(ps(rs)), 3)).join(' | ')} | ${ps(clean).length} |`,
    );
  }
  for (const [name, pick] of [
    ['Общий p школы-года, классы в семействе min-p', (r: Record) => r.combined],
    ['Общий p школы-года, классы только как пояснение', (r: Record) => r.combinedSchoolOnly],
  ] as const)
    lines.push(
      `| ${name} | ${kinds.map(([, rs]) => f(nominal(rs.map(pick)), 3)).join(' | ')} | ${clean.length} |`,
    );
  lines.push(
    '',
    '### Мощность при 5 % ложных срабатываний: классы в семействе min-p и только как пояснение',
    '',
    '| Вид искажения | кто искажает | классы в семействе | классы только как пояснение | искажённых школ-лет |',
    '|---|---|---|---|---|',
  );
  for (const { scenario, scope, records } of results) {
    const withClasses = metrics(records, (r) => r.combined);
    const schoolOnly = metrics(records, (r) => r.combinedSchoolOnly);
    lines.push(
      `| ${scenario.label} | ${scope === 'class' ? 'один класс' : 'вся школа'} | ${f(withClasses.power)} | ${f(schoolOnly.power)} | ${withClasses.manipulatedCount} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Header line of the class study. */
export function classStudyHeader(seed: number, replicates: number, schools: number): string {
  return [
    '## Классы',
    '',
    `Зерно ${seed}; ${replicates} смоделированных района на каждое условие, в районе ${schools} школ по ${CLASS_STUDY.sizes.join('/')} учеников`,
    `(2–4 класса по ~25), классы внутри школы различаются (σ = ${String(CLASS_STUDY.sigmaClass).replace('.', ',')}); искажает один класс школы (сильные условия)`,
    'или вся школа (условие на ступень слабее сильного). Класс проверяется отдельно, если в школе два класса по 10 работ и больше.',
  ].join('\n');
}
