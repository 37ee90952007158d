import type { WorkColumns } from '../../db/repositories/resultImports';
import type { ResultsAnalysis } from '../../importers/results/analyse';

/**
 * The analysed works of a file as COPY columns, in file order: each work goes to its school's
 * batch (`batchOf` by school index); works of schools without a batch (-1) are left out.
 */
export function workColumns(
  analysis: ResultsAnalysis,
  testId: number,
  batchOf: Int32Array,
  orgOf: Int32Array,
): WorkColumns & { schoolIndex(k: number): number } {
  const ready = analysis.works;
  const store = ready.store;
  const schoolOf = analysis.schoolOf;
  let order: Int32Array | null = null;
  if (schoolOf.some((s) => (batchOf[s] ?? -1) < 0)) {
    order = new Int32Array(schoolOf.length);
    let n = 0;
    for (let i = 0; i < schoolOf.length; i++) {
      if ((batchOf[schoolOf[i] as number] ?? -1) >= 0) order[n++] = i;
    }
    order = order.subarray(0, n);
  }
  const at = order ? (k: number) => order[k] as number : (k: number) => k;
  const school = (k: number) => schoolOf[at(k)] as number;
  return {
    length: order ? order.length : store.length,
    schoolIndex: school,
    taskCount: store.taskCount,
    batchId: (k) => batchOf[school(k)] as number,
    testId: () => testId,
    orgId: (k) => orgOf[school(k)] as number,
    participantCode: (k) => store.participantCode(at(k)),
    className: (k) => store.className(at(k)),
    parallel: (k) => store.parallel(at(k)),
    variant: (k) => store.variant(at(k)),
    absent: (k) => store.absent(at(k)),
    score: (k, t) => store.score(at(k), t),
    total: (k) => ready.total(at(k)),
    testScore: (k) => store.testScore(at(k)),
    mark: (k) => ready.finalMark(at(k)),
    markFromFile: (k) => ready.markFromFile(at(k)),
    journalMark: (k) => store.journalMark(at(k)),
    gender: (k) => store.gender(at(k)),
    sourceRow: (k) => store.row(at(k)),
  };
}
