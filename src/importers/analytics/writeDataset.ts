/**
 * Writes an engine dataset (e.g. a simulated district) as ФИС ОКО «Индивидуальные результаты» CSV
 * files, one per test, with the same writers the fixtures and the demo use, plus the observations
 * CSV. The files read back through `loadResults` unchanged.
 */
import type { Dataset } from '../../core/analytics/types';
import { markFor } from '../../core/analytics/types';
import type { Mark, TaskLevel } from '../../core/results/types';
import { individualResultsTable, tableToCsv, type ExportWork } from '../results/writers';
import { OBSERVATION_HEADER } from '../observations/index';
import { subjectName } from './loadResults';

export interface WrittenFile {
  name: string;
  bytes: Buffer;
}

const asMark = (m: number): Mark | null => (m >= 2 && m <= 5 ? (m as Mark) : null);
const asLevel = (l: string | null): TaskLevel | null =>
  l === 'Б' || l === 'П' || l === 'В' ? l : null;

export function datasetToFiles(data: Dataset, municipality = 'Муниципальный район'): WrittenFile[] {
  return data.tests.map((test) => {
    const { design } = test;
    const items = design.itemMax.length;
    const codes = new Map<number, number>();
    const works: ExportWork[] = Array.from({ length: test.n }, (_, w) => {
      const school = test.school[w] as number;
      const next = (codes.get(school) ?? 0) + 1;
      codes.set(school, next);
      const login = data.schools[school] as string;
      const klass = test.klass[w] as number;
      const className =
        klass >= 0 ? ((data.classes[klass] as string).split(' ').pop() as string) : '';
      const scores = Array.from(test.scores.subarray(w * items, (w + 1) * items));
      return {
        schoolLogin: login,
        schoolName: `Школа ${login}`,
        participantCode: String(10000 + next),
        className,
        variant: 1 + (next % 2),
        absent: false,
        scores,
        mark: asMark(markFor(test.total[w] as number, design.cuts)),
        journalMark: asMark(test.journal[w] as number),
      };
    });
    const table = individualResultsTable({
      title: `ВПР ${design.year} ${subjectName(design.subject)} ${design.grade} класс`,
      municipality,
      tasks: design.itemLabels.map((code, i) => ({
        code,
        max: design.itemMax[i] as number,
        level: asLevel(design.itemLevels[i] ?? null),
      })),
      works,
    });
    return {
      name: `individualnye_rezultaty_vpr_${design.year}_${design.subject}_${design.grade}.csv`,
      bytes: tableToCsv(table),
    };
  });
}

/** The observations CSV for every unit whose observation status is known. */
export function observationsCsv(data: Dataset): Buffer {
  const rows = [OBSERVATION_HEADER.join(';')];
  for (const [key, value] of data.observed) {
    const [login, year, subject, grade] = key.split('|') as [string, string, string, string];
    rows.push([login, year, subjectName(subject), grade, value ? 'да' : 'нет'].join(';'));
  }
  return Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8');
}
