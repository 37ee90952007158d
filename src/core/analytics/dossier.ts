/**
 * The evidence dossier of a school-year, in Russian: which indicators, effect sizes in plain words,
 * p-values, sample sizes and the data behind each chart. Causes are worded as possible, never as
 * proof; small samples say so (FIOKO 2026: ≥ 50 informative, 20–49 rough, < 20 limited).
 */
import type { SchoolYear } from './analyze';
import type { ClassAnalysis } from './classes';
import type { ConcordanceDetails } from './indicators/concordance';
import type { CutExcessDetails } from './indicators/cutExcess';
import type { ItemProfileDetails } from './indicators/itemProfile';
import type { MisfitDetails } from './indicators/misfit';
import type { ObserverGapDetails } from './indicators/observerGap';
import type { IndicatorId, IndicatorResult } from './indicators/result';
import type { YearChangeDetails } from './indicators/yearChange';

export const INDICATOR_TITLES: Record<IndicatorId, string> = {
  cutExcess: 'Избыток работ у границ отметок',
  misfit: 'Несоответствие ответов модели (ошибки Гуттмана)',
  itemProfile: 'Трудные задания выполнены лучше лёгких',
  concordance: 'Расхождение с отметками по журналу',
  yearChange: 'Аномальное изменение результатов по годам',
  observerGap: 'Разница с годами, когда работа проходила с наблюдателем',
};

const CAUSES: Record<IndicatorId, string> = {
  cutExcess:
    'Возможная причина — мягкая проверка работ, близких к границе отметки; такой же рисунок изредка даёт случайность.',
  misfit:
    'Возможные причины — подсказки или помощь во время работы, списывание; также особая подготовка к отдельным заданиям.',
  itemProfile:
    'Возможные причины — помощь на трудных заданиях во время работы; также особая подготовка именно к этим заданиям.',
  concordance:
    'Возможные причины — завышение результатов работы или подгонка их под отметки журнала; расхождение само по себе нарушения не доказывает.',
  yearChange:
    'Возможные причины — изменение условий проведения или проверки; возможны и реальные перемены (другой состав учеников, смена учителя).',
  observerGap:
    'Возможная причина — влияние условий проведения: без наблюдателя результаты выше; возможны и случайные колебания.',
};

export interface Evidence {
  subject: string;
  grade: number;
  /** The class («5А») for a class-level indicator; null for the whole school. */
  className: string | null;
  indicator: IndicatorId;
  title: string;
  p: number;
  z: number | null;
  n: number;
  effect: number | null;
  /** Effect size in plain Russian. */
  text: string;
  /** Possible causes (never proof). */
  causes: string;
  sampleNote: string | null;
  /** The data behind the indicator's chart. */
  chart: unknown;
}

export interface Dossier {
  /** One-paragraph verdict in Russian. */
  summary: string;
  evidence: Evidence[];
  caveats: string[];
}

/** Indicators listed in the dossier: nominal p ≤ this level. */
export const EVIDENCE_LEVEL = 0.05;

export function sampleNote(n: number): string | null {
  if (n < 20)
    return `Мало работ (${n}): по рекомендациям ФИОКО вывод по выборке меньше 20 ограничен.`;
  if (n < 50)
    return `Выборка ${works(n)}: по рекомендациям ФИОКО это грубая оценка (информативно от 50).`;
  return null;
}

const fmt = (x: number, digits = 1): string => x.toFixed(digits).replace('.', ',');
export const formatP = (p: number): string => (p < 0.0001 ? '< 0,0001' : fmt(p, p < 0.01 ? 4 : 3));

/** «2 года», «5 лет». */
export function yearsText(n: number): string {
  const last = n % 10;
  const word =
    n % 100 >= 11 && n % 100 <= 14
      ? 'лет'
      : last === 1
        ? 'год'
        : last >= 2 && last <= 4
          ? 'года'
          : 'лет';
  return `${n} ${word}`;
}

/** «p = 0,012» or «p < 0,0001». */
export const eq = (name: string, p: number): string =>
  p < 0.0001 ? `${name} < 0,0001` : `${name} = ${formatP(p)}`;

/** «1 проверке», «12 проверкам» (dative after «по»). */
function checks(n: number): string {
  return `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'проверке' : 'проверкам'}`;
}

/** «7 работ», «1 работа», «3 работы». */
export function works(n: number): string {
  const k = Math.abs(Math.round(n));
  const last = k % 10;
  const word =
    k % 100 >= 11 && k % 100 <= 14
      ? 'работ'
      : last === 1
        ? 'работа'
        : last >= 2 && last <= 4
          ? 'работы'
          : 'работ';
  return `${k} ${word}`;
}

function describe(ind: IndicatorResult, klass: ClassAnalysis | null): string {
  switch (ind.indicator) {
    case 'cutExcess': {
      const d = ind.details as CutExcessDetails;
      const parts = d.cuts
        .filter((c) => c.atCut + c.below > 0)
        .map(
          (c) =>
            `ровно проходной балл на «${c.mark}» (${c.cut}) — ${works(c.atCut)} при ожидаемых ${fmt(c.expectedAtCut)}, на 1–2 балла ниже — ${works(c.below)}`,
        );
      const total = Math.round(ind.effect ?? 0);
      return `Ровно на границах отметок оказалось на ${works(total)} больше ожидаемого (ожидание — по отметкам журнала этих же учеников, среди работ с баллом от границы до двух ниже неё): ${parts.join('; ')}.`;
    }
    case 'misfit':
    case 'itemProfile': {
      const d = ind.details as MisfitDetails;
      const where = klass ? `в классе ${klass.name}` : 'по школе';
      if (ind.indicator === 'misfit') {
        return `Средний индекс несоответствия Gnormed.p ${where} ${fmt(d.observedMean ?? 0, 3)} при ожидаемом ${fmt(d.expectedMean ?? 0, 3)} для учеников с такими же суммами баллов (${works(d.n)}): ответы чаще нарушают порядок «лёгкое раньше трудного».`;
      }
      const pd = ind.details as ItemProfileDetails;
      const r = pd.residualDifficultyCorrelation;
      return `Трудные задания ${where} выполнены лучше, чем предсказывают суммы баллов учеников, а лёгкие — хуже${r === null ? '' : ` (корреляция отклонений с трудностью заданий ${fmt(r, 2)})`}.`;
    }
    case 'concordance': {
      const d = ind.details as ConcordanceDetails;
      return `Понизили ${d.lowered} (ожидалось ${fmt(d.expectedLowered)}), подтвердили ${d.confirmed} (ожидалось ${fmt(d.expectedConfirmed)}), повысили ${d.raised} (ожидалось ${fmt(d.expectedRaised)}) из ${d.pairs}; «не понизили» на ${fmt(ind.effect ?? 0)} больше ожидаемого для таких же отметок журнала${d.kappa === null ? '' : `; взвешенная каппа ${fmt(d.kappa, 2)}`}; различие на 2 и более отметки — у ${d.differByTwo}.`;
    }
    case 'yearChange': {
      const d = ind.details as YearChangeDetails;
      const spike =
        d.spikeThenDrop !== null && d.spikeThenDrop > 1.5
          ? ' На следующий год результат снова упал (рост, затем спад).'
          : '';
      return `Средний балл ${fmt(d.currentMean ?? 0)} при ${fmt(d.previousMean ?? 0)} в прежние годы; прирост выше ожидаемого на ${fmt(d.residualPoints ?? 0)} балла (${fmt(d.residual ?? 0, 2)} станд. откл. результатов района).${spike}`;
    }
    case 'observerGap': {
      const d = ind.details as ObserverGapDetails;
      return `Без наблюдателя средний балл ${fmt(d.currentMean ?? 0)}, в годы с наблюдателем (${d.observedYears.join(', ')}) — ${fmt(d.observedMean ?? 0)}; разница сверх обычной ${fmt(d.gapPoints ?? 0)} балла.`;
    }
  }
}

function chartData(ind: IndicatorResult): unknown {
  switch (ind.indicator) {
    case 'cutExcess':
      return { kind: 'histogram', ...(ind.details as CutExcessDetails) };
    case 'itemProfile':
      return { kind: 'taskProfile', tasks: (ind.details as ItemProfileDetails).tasks };
    default:
      return { kind: ind.indicator, ...(ind.details as object) };
  }
}

/** Within-class homogeneity in words (supporting evidence only). */
function homogeneityText(c: ClassAnalysis): string {
  const h = c.homogeneity;
  if (h.sd === null || h.expectedSd === null) return '';
  const same =
    h.identicalShare !== null && h.identicalShare > 0
      ? `; у ${Math.round(h.identicalShare * 100)} % учеников набор баллов по заданиям совпадает с чьим-то ещё`
      : '';
  return ` Однородность класса (дополнительный признак, сам по себе ни о чём не говорит): разброс первичных баллов ${fmt(h.sd)} при ожидаемом ${fmt(h.expectedSd)}${same}.`;
}

export function buildDossier(sy: SchoolYear, subjectName: (code: string) => string): Dossier {
  const evidence: Evidence[] = [];
  for (const unit of sy.units) {
    const groups: { klass: ClassAnalysis | null; indicators: IndicatorResult[]; works: number }[] =
      [
        { klass: null, indicators: unit.indicators, works: unit.works },
        ...unit.classes.map((c) => ({ klass: c, indicators: c.indicators, works: c.works })),
      ];
    for (const { klass, indicators, works: n } of groups) {
      for (const ind of indicators) {
        if (ind.p === null || ind.p > EVIDENCE_LEVEL) continue;
        evidence.push({
          subject: subjectName(unit.subject),
          grade: unit.grade,
          className: klass?.name ?? null,
          indicator: ind.indicator,
          title: INDICATOR_TITLES[ind.indicator],
          p: ind.p,
          z: ind.z,
          n: ind.n,
          effect: ind.effect,
          text: klass
            ? `Класс ${klass.name}: ${describe(ind, klass)}${homogeneityText(klass)}`
            : describe(ind, null),
          causes: CAUSES[ind.indicator],
          sampleNote: sampleNote(n),
          chart: chartData(ind),
        });
      }
    }
  }
  evidence.sort((a, b) => a.p - b.p);
  const caveats = [
    'Статистические признаки указывают, где нужна проверка (наблюдение, перепроверка работ), но не доказывают нарушения.',
  ];
  const notes = sy.units.flatMap((u) =>
    u.indicators
      .filter((i) => i.note)
      .map(
        (i) =>
          `${subjectName(u.subject)}, ${u.grade} класс — ${INDICATOR_TITLES[i.indicator]}: ${i.note}`,
      ),
  );
  if (notes.length) caveats.push(`Не рассчитано: ${notes.join('; ')}.`);
  const small = sy.units.filter((u) => u.works < 20);
  if (small.length)
    caveats.push(
      `Мало работ (меньше 20): ${small.map((u) => `${subjectName(u.subject)}, ${u.grade} класс (${u.works})`).join('; ')}.`,
    );
  let summary: string;
  if (!sy.tests) summary = 'Недостаточно данных: ни один показатель не рассчитан.';
  else if (sy.flagged)
    summary = `Есть статистические признаки необъективности результатов (показателей с p ≤ 0,05: ${evidence.length}; общий ${eq('p', sy.p)} с поправкой на множественность по ${checks(sy.tests)}; после поправки Бенджамини–Хохберга по школам года ${eq('q', sy.q)}).${sy.yearsInRow > 1 ? ` Признаки ${yearsText(sy.yearsInRow)} подряд.` : ''}`;
  else if (sy.supportList)
    summary = `Слабые признаки (список поддержки, q ≤ 0,10): общий ${eq('p', sy.p)}, ${eq('q', sy.q)}.`;
  else
    summary = `Признаков необъективности не выявлено (общий ${eq('p', sy.p)}, ${eq('q', sy.q)}).`;
  return { summary, evidence, caveats };
}
