/**
 * External vs internal results of the same students (seed 001 item 3.2): an external procedure's
 * mark (ВПР, ОГЭ, ЕГЭ) against the school's own mark for промежуточная or итоговая аттестация in
 * the same subject and school year. Per group: the agreement table (external × internal mark),
 * the share of equal marks, «Понизили / Подтвердили / Повысили» as ФИС ОКО words them (the
 * external mark below, equal to or above the internal one) and Spearman's rank correlation with
 * n and a note when the sample is small. Pure.
 */

export const MARKS = [2, 3, 4, 5] as const;
export type MarkValue = (typeof MARKS)[number];

export const INTERNAL_KINDS = ['intermediate', 'final'] as const;
export type InternalKind = (typeof INTERNAL_KINDS)[number];
export const INTERNAL_KIND_LABELS: Record<InternalKind, string> = {
  intermediate: 'Промежуточная аттестация',
  final: 'Итоговая аттестация',
};

/** One student's pair of marks in one group. */
export interface MarkPair {
  external: number;
  internal: number;
}

export interface Agreement {
  n: number;
  /** counts[external − 2][internal − 2]. */
  table: number[][];
  /** Share of equal marks, 0..1 (null for n = 0). */
  agreement: number | null;
  lowered: { count: number; share: number | null };
  confirmed: { count: number; share: number | null };
  raised: { count: number; share: number | null };
  meanExternal: number | null;
  meanInternal: number | null;
  spearman: number | null;
  /** Russian note on how far the figures can be trusted (null when n is large enough). */
  note: string | null;
}

/** Below this n the correlation is not computed. */
export const MIN_CORRELATION_N = 10;
/** Below this n the figures are rough. */
export const SMALL_SAMPLE_N = 30;

const share = (count: number, n: number) => (n ? count / n : null);
const mean = (xs: readonly number[]) =>
  xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;

/** Ranks 1..n with ties given their average rank. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Pearson's r; null when either variable is constant or n < 2. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = mean(xs) as number;
  const my = mean(ys) as number;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rho: Pearson's r of the average ranks (handles ties). */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  return pearson(averageRanks(xs), averageRanks(ys));
}

/** The agreement of one group's pairs; marks outside 2..5 are ignored. */
export function compareMarks(pairs: readonly MarkPair[]): Agreement {
  const valid = pairs.filter(
    (p) =>
      Number.isInteger(p.external) &&
      Number.isInteger(p.internal) &&
      p.external >= 2 &&
      p.external <= 5 &&
      p.internal >= 2 &&
      p.internal <= 5,
  );
  const n = valid.length;
  const table = MARKS.map(() => MARKS.map(() => 0));
  let lowered = 0;
  let confirmed = 0;
  let raised = 0;
  for (const p of valid) {
    table[p.external - 2]![p.internal - 2]!++;
    if (p.external < p.internal) lowered++;
    else if (p.external === p.internal) confirmed++;
    else raised++;
  }
  const ext = valid.map((p) => p.external);
  const int = valid.map((p) => p.internal);
  const rho = n >= MIN_CORRELATION_N ? spearman(ext, int) : null;
  let note: string | null = null;
  if (n < MIN_CORRELATION_N)
    note = `Пар отметок ${n}: меньше ${MIN_CORRELATION_N}, корреляция не рассчитывается, проценты только для сведения`;
  else if (rho === null) note = 'Все отметки одной из процедур одинаковы: корреляция не определена';
  else if (n < SMALL_SAMPLE_N)
    note = `Малая выборка (n = ${n} < ${SMALL_SAMPLE_N}): оценки грубые, выводы — только вместе с другими данными`;
  return {
    n,
    table,
    agreement: share(confirmed, n),
    lowered: { count: lowered, share: share(lowered, n) },
    confirmed: { count: confirmed, share: share(confirmed, n) },
    raised: { count: raised, share: share(raised, n) },
    meanExternal: mean(ext),
    meanInternal: mean(int),
    spearman: rho,
    note,
  };
}

/** Plain words for a rank correlation (Chaddock scale, as Russian reports use it). */
export function correlationWords(rho: number | null): string {
  if (rho === null) return 'не определена';
  const a = Math.abs(rho);
  const strength =
    a < 0.1
      ? 'отсутствует'
      : a < 0.3
        ? 'слабая'
        : a < 0.5
          ? 'умеренная'
          : a < 0.7
            ? 'заметная'
            : a < 0.9
              ? 'высокая'
              : 'весьма высокая';
  if (a < 0.1) return 'связь отсутствует';
  return `${strength} ${rho > 0 ? 'прямая' : 'обратная'} связь`;
}

/** One external work with the student's internal mark of one kind. */
export interface ComparedRow {
  procedure: string;
  year: number;
  subject: string;
  grade: number;
  kind: InternalKind;
  external: number;
  internal: number;
}

export interface ComparisonGroup {
  procedure: string;
  year: number;
  subject: string;
  grade: number;
  kind: InternalKind;
  result: Agreement;
}

const PROCEDURE_ORDER = ['vpr', 'oge', 'ege'];

/** Groups rows by procedure, year, subject, grade and internal kind, in a stable order. */
export function compareGroups(rows: readonly ComparedRow[]): ComparisonGroup[] {
  const groups = new Map<string, { key: Omit<ComparisonGroup, 'result'>; pairs: MarkPair[] }>();
  for (const r of rows) {
    const id = [r.procedure, r.year, r.subject, r.grade, r.kind].join('\u0000');
    let g = groups.get(id);
    if (!g) {
      g = {
        key: {
          procedure: r.procedure,
          year: r.year,
          subject: r.subject,
          grade: r.grade,
          kind: r.kind,
        },
        pairs: [],
      };
      groups.set(id, g);
    }
    g.pairs.push({ external: r.external, internal: r.internal });
  }
  return [...groups.values()]
    .map((g) => ({ ...g.key, result: compareMarks(g.pairs) }))
    .sort(
      (a, b) =>
        b.year - a.year ||
        PROCEDURE_ORDER.indexOf(a.procedure) - PROCEDURE_ORDER.indexOf(b.procedure) ||
        a.subject.localeCompare(b.subject, 'ru') ||
        a.grade - b.grade ||
        INTERNAL_KINDS.indexOf(a.kind) - INTERNAL_KINDS.indexOf(b.kind),
    );
}

/** A linked external work: its student, subject and the calendar year of the test. */
export interface LinkedWork {
  procedure: string;
  year: number;
  grade: number;
  subjectId: number;
  subject: string;
  studentId: number;
  mark: number | null;
}

/** An internal attestation mark; `year` is the school year by its start (2025 = 2025/26). */
export interface AttestationMark {
  id: number;
  studentId: number | null;
  subjectId: number;
  year: number;
  kind: string;
  mark: number;
}

/**
 * Pairs each linked external work with the same student's промежуточная and итоговая mark in
 * the test's subject and school year (a spring test of year Y belongs to school year Y − 1).
 * When a student has two marks of one kind (two files), the latest imported (highest id) wins.
 */
export function pairExternalInternal(
  works: readonly LinkedWork[],
  marks: readonly AttestationMark[],
): ComparedRow[] {
  const latest = new Map<string, AttestationMark>();
  for (const m of marks) {
    if (m.studentId === null) continue;
    const key = `${m.studentId}:${m.subjectId}:${m.year}:${m.kind}`;
    const prev = latest.get(key);
    if (!prev || prev.id < m.id) latest.set(key, m);
  }
  const rows: ComparedRow[] = [];
  for (const w of works) {
    if (w.mark === null) continue;
    for (const kind of INTERNAL_KINDS) {
      const m = latest.get(`${w.studentId}:${w.subjectId}:${w.year - 1}:${kind}`);
      if (!m) continue;
      rows.push({
        procedure: w.procedure,
        year: w.year,
        subject: w.subject,
        grade: w.grade,
        kind,
        external: w.mark,
        internal: m.mark,
      });
    }
  }
  return rows;
}
