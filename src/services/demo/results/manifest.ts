/**
 * Which demo schools produce non-objective ВПР results, and how. The simulation
 * (simulation.ts) applies exactly these manipulations; every other demo school is honest.
 * Tests of detection methods can read this manifest to check that the flagged schools are
 * these and only these.
 */
export type ManipulationKind =
  /** Works 1–2 points below a cut score are raised to the cut («лояльное оценивание»). */
  | 'lenient_near_cut'
  /** Hard tasks (levels П/В) solved far above the pupils' ability («подсказки»). */
  | 'help_on_hard_tasks'
  /** The ВПР mark is raised to the journal mark when it is lower («подгонка под журнал»). */
  | 'raised_to_journal'
  /** Every work gets the same few extra points («равномерное завышение»). */
  | 'flat_gain';

export const MANIPULATION_LABELS: Record<ManipulationKind, string> = {
  lenient_near_cut: 'Завышение баллов у работ чуть ниже границы отметки',
  help_on_hard_tasks: 'Подсказки на заданиях повышенного и высокого уровня',
  raised_to_journal: 'Подгонка отметки ВПР под отметку в журнале',
  flat_gain: 'Равномерное завышение всех работ на несколько баллов',
};

export interface Manipulation {
  /** Demo school number (src/services/demo/schools.ts). */
  schoolNumber: string;
  kind: ManipulationKind;
  subjects: readonly ('rus' | 'math')[];
  /** ВПР years (calendar) counted from the oldest simulated year: 0, 1, 2. */
  yearIndexes: readonly number[];
  /** Share of eligible works manipulated. */
  rate: number;
}

export const DEMO_MANIPULATIONS: readonly Manipulation[] = [
  {
    schoolNumber: '207',
    kind: 'lenient_near_cut',
    subjects: ['rus', 'math'],
    yearIndexes: [0, 1, 2],
    rate: 0.85,
  },
  {
    schoolNumber: '226',
    kind: 'help_on_hard_tasks',
    subjects: ['math'],
    yearIndexes: [0, 1, 2],
    rate: 0.8,
  },
  {
    schoolNumber: '305',
    kind: 'raised_to_journal',
    subjects: ['rus'],
    yearIndexes: [1, 2],
    rate: 0.9,
  },
  { schoolNumber: '320', kind: 'flat_gain', subjects: ['rus', 'math'], yearIndexes: [2], rate: 1 },
];

export const manipulationsOf = (schoolNumber: string, subject: string, yearIndex: number) =>
  DEMO_MANIPULATIONS.filter(
    (m) =>
      m.schoolNumber === schoolNumber &&
      (m.subjects as readonly string[]).includes(subject) &&
      m.yearIndexes.includes(yearIndex),
  );
