/**
 * The validation study's printed report (Markdown): per indicator, per kind of manipulation and
 * combined — empirical false-positive rate at nominal 5 %, power at an empirical 5 % false-positive
 * rate, realised FDR and recall after Benjamini–Hochberg — and the targets of
 * detection-methods.md §10 with a plain verdict for each.
 */
import { INDICATOR_TITLES } from '../dossier';
import { bhMetrics, INDICATORS, metrics, type Record, type ScenarioResult } from './study';

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
      name: 'Общая мощность (min-p по школе-году) при 5 % ложных, среднее по сильным видам',
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
    ['Общий p школы-года (Šidák min-p)', (r) => r.combined],
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
