/**
 * Figures of every test of an analysed dataset: the municipality, each school (with the engine's
 * expected primary-score distribution) and each class of at least MIN_CLASS_FIGURES works, plus the
 * region level from the dataset's imported aggregates. Computed once per analysis run and stored.
 */
import type { AnalysisResult } from '../analytics/analyze';
import { testKey, type Dataset } from '../analytics/types';
import { splitUnits } from '../analytics/unit';
import { computeFigures, MIN_CLASS_FIGURES, sumExpected, type Figures } from './figures';
import { regionFigures, type RegionFigures, type RegionMissing } from './figuresRegion';

export interface ClassFigures {
  /** Class name as in the results file («5А»). */
  name: string;
  figures: Figures;
}

export interface SchoolFigures {
  /** The school as named in the dataset (the run uses the organisation id as text). */
  school: string;
  figures: Figures;
  classes: ClassFigures[];
}

export interface TestFigures {
  subject: string;
  grade: number;
  year: number;
  municipality: Figures;
  schools: SchoolFigures[];
  region: RegionFigures | RegionMissing;
}

/** `result` must be `analyze(data)`: it supplies each school's expected distribution. */
export function runFigures(data: Dataset, result: AnalysisResult): TestFigures[] {
  const expectedByUnit = new Map<string, number[]>();
  for (const sy of result.schools)
    for (const u of sy.units)
      expectedByUnit.set(`${sy.school}|${u.subject}|${u.grade}|${u.year}`, u.expected);
  const out: TestFigures[] = [];
  for (const test of data.tests) {
    const { subject, grade, year } = test.design;
    const { schools, classes } = splitUnits(test);
    const schoolFigures: SchoolFigures[] = schools.map((unit) => {
      const school = data.schools[unit.school] as string;
      const expected = expectedByUnit.get(`${school}|${subject}|${grade}|${year}`) ?? null;
      return {
        school,
        figures: computeFigures(test, unit.works, 'school', expected),
        classes: (classes.get(unit.school) ?? [])
          .filter((c) => c.works.length >= MIN_CLASS_FIGURES)
          .map((c) => {
            const qualified = data.classes[c.klass] ?? String(c.klass);
            return {
              name: qualified.slice(qualified.indexOf(' ') + 1),
              figures: computeFigures(test, c.works, 'class'),
            };
          })
          .sort((a, b) => a.name.localeCompare(b.name, 'ru', { numeric: true })),
      };
    });
    out.push({
      subject,
      grade,
      year,
      municipality: computeFigures(
        test,
        Int32Array.from({ length: test.n }, (_, i) => i),
        'municipality',
        sumExpected(schoolFigures.map((s) => s.figures.scores.expected)),
      ),
      schools: schoolFigures,
      region: regionFigures(data.region?.get(testKey(subject, grade, year)), test.design),
    });
  }
  return out.sort(
    (a, b) => a.year - b.year || a.subject.localeCompare(b.subject) || a.grade - b.grade,
  );
}
