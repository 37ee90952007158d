import { describe, expect, it } from 'vitest';
import { checkSchedule, parallelOf, weekdayOf } from './check';
import type { ScheduleData, ScheduleEntry } from './model';

const e = (over: Partial<ScheduleEntry> & Pick<ScheduleEntry, 'date'>): ScheduleEntry => ({
  className: '5А',
  parallel: 5,
  subjectCode: 'math',
  subjectName: 'Математика',
  lesson: 3,
  kind: 'control',
  durationMin: 45,
  wholeClass: true,
  ...over,
});

const base = (entries: ScheduleEntry[], over: Partial<ScheduleData> = {}): ScheduleData => ({
  entries,
  curriculum: [
    { parallel: 5, subjectCode: 'math', subjectName: 'Математика', weeklyHours: 5 },
    { parallel: 5, subjectCode: 'rus', subjectName: 'Русский язык', weeklyHours: 5 },
    { parallel: 5, subjectCode: 'music', subjectName: 'Музыка', weeklyHours: 1 },
  ],
  lessonsPerDay: [{ parallel: 5, weekday: null, lessons: 6 }],
  ...over,
});

describe('checkSchedule', () => {
  it('passes a schedule within every limit', () => {
    // 2025-09-24 is a Wednesday; gaps of 21 days; 3×45 min of 170 h is 1.3%.
    const r = checkSchedule(
      base([e({ date: '2025-09-24' }), e({ date: '2025-10-15' }), e({ date: '2025-11-05' })]),
    );
    expect(r.violations).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(r.counted).toBe(3);
    expect(r.loads[0]).toMatchObject({ procedures: 3, minutes: 135, annualHours: 170 });
    expect(r.loads[0]?.sharePercent).toBeCloseTo((135 / (170 * 45)) * 100, 6);
  });

  it('flags two procedures of one class on one day, not of two classes', () => {
    const r = checkSchedule(
      base([
        e({ date: '2025-10-01' }),
        e({ date: '2025-10-01', subjectCode: 'rus', subjectName: 'Русский язык', lesson: 4 }),
        e({ date: '2025-10-01', className: '5Б' }),
      ]),
    );
    expect(r.violations.map((v) => [v.rule, v.className, v.entryIndexes])).toEqual([
      ['per_day', '5А', [0, 1]],
    ]);
    expect(r.violations[0]?.message).toContain('01.10.2025');
  });

  it('flags a gap shorter than 2.5 weeks: 17 days fails, 18 days passes', () => {
    const fail = checkSchedule(base([e({ date: '2025-10-01' }), e({ date: '2025-10-18' })]));
    expect(fail.violations.map((v) => [v.rule, v.entryIndexes])).toEqual([['gap', [0, 1]]]);
    expect(fail.violations[0]?.message).toContain('17 дн.');
    const pass = checkSchedule(base([e({ date: '2025-10-01' }), e({ date: '2025-10-19' })]));
    expect(pass.violations).toEqual([]);
  });

  it('orders entries by date before measuring gaps', () => {
    const r = checkSchedule(
      base([e({ date: '2025-12-01' }), e({ date: '2025-10-01' }), e({ date: '2025-10-10' })]),
    );
    expect(r.violations.map((v) => [v.rule, v.entryIndexes])).toEqual([['gap', [1, 2]]]);
  });

  it('flags more than 10% of the annual hours, counting ВПР too', () => {
    // Music: 1 h/week × 34 = 34 h = 1530 min; 10% = 153 min. Four 45-min works = 180 min.
    const music = { subjectCode: 'music', subjectName: 'Музыка' };
    const dates = ['2025-09-10', '2025-10-15', '2025-11-19', '2026-04-15'];
    const r = checkSchedule(
      base(dates.map((date, i) => e({ date, ...music, kind: i === 3 ? 'vpr' : 'control' }))),
    );
    const share = r.violations.filter((v) => v.rule === 'share');
    expect(share).toHaveLength(1);
    expect(share[0]?.message).toContain('11,8%');
    // Three works = 135 min = 8.8%: within the limit.
    const ok = checkSchedule(base(dates.slice(0, 3).map((date) => e({ date, ...music }))));
    expect(ok.violations).toEqual([]);
  });

  it('uses 33 study weeks in grade 1', () => {
    // 1 h × 33 = 33 h = 1485 min; 10% = 148.5; 150 min fails (with 34 weeks it would pass: 153).
    const r = checkSchedule({
      entries: [
        e({ className: '1А', parallel: 1, date: '2025-10-01', durationMin: 75 }),
        e({ className: '1А', parallel: 1, date: '2025-12-01', durationMin: 75 }),
      ],
      curriculum: [{ parallel: 1, subjectCode: 'math', subjectName: 'Математика', weeklyHours: 1 }],
      lessonsPerDay: [{ parallel: 1, weekday: null, lessons: 4 }],
    });
    expect(r.violations.map((v) => v.rule)).toEqual(['share']);
  });

  it('flags a subject with procedures but no hours in the curriculum', () => {
    const r = checkSchedule(
      base([e({ date: '2025-10-01' })], {
        curriculum: [
          { parallel: 5, subjectCode: 'math', subjectName: 'Математика', weeklyHours: 0 },
        ],
      }),
    );
    expect(r.violations.map((v) => v.rule)).toEqual(['share']);
  });

  it('flags the first and the last lesson, except subjects with 1 h a week', () => {
    const r = checkSchedule(
      base([
        e({ date: '2025-10-01', lesson: 1 }),
        e({ date: '2025-11-05', lesson: 6 }),
        e({ date: '2025-10-02', lesson: 1, subjectCode: 'music', subjectName: 'Музыка' }),
        e({ date: '2025-12-10', lesson: 5 }),
      ]),
    );
    expect(r.violations.map((v) => [v.rule, v.entryIndexes])).toEqual([
      ['edge_lesson', [0]],
      ['edge_lesson', [1]],
    ]);
    expect(r.violations[0]?.message).toContain('первом');
    expect(r.violations[1]?.message).toContain('последнем');
  });

  it('uses the lessons of the weekday when given', () => {
    // 2025-10-03 is a Friday with 5 lessons: the 5th lesson is the last one.
    const r = checkSchedule(
      base([e({ date: '2025-10-03', lesson: 5 }), e({ date: '2025-10-21', lesson: 5 })], {
        lessonsPerDay: [
          { parallel: 5, weekday: null, lessons: 6 },
          { parallel: 5, weekday: 5, lessons: 5 },
        ],
      }),
    );
    expect(r.violations.map((v) => [v.rule, v.entryIndexes])).toEqual([['edge_lesson', [0]]]);
  });

  it('says which data it lacks instead of passing silently', () => {
    const r = checkSchedule({
      entries: [e({ date: '2025-10-01', lesson: 1 })],
      curriculum: [],
      lessonsPerDay: [],
    });
    expect(r.violations).toEqual([]);
    expect(r.missing.map((m) => m.rule).sort()).toEqual(['edge_lesson', 'edge_lesson', 'share']);
    expect(r.missing.map((m) => m.message).join('\n')).toContain(
      'Нет часов учебного плана: 5 класс',
    );
    expect(r.missing.map((m) => m.message).join('\n')).toContain('Нет числа уроков в день');
  });

  it('leaves out works shorter than 30 minutes or not written by the whole class', () => {
    const r = checkSchedule(
      base([
        e({ date: '2025-10-01' }),
        e({ date: '2025-10-01', durationMin: 20, subjectCode: 'rus', subjectName: 'Русский язык' }),
        e({ date: '2025-10-02', wholeClass: false }),
      ]),
    );
    expect(r.counted).toBe(1);
    expect(r.excluded.map((x) => x.entryIndex)).toEqual([1, 2]);
    expect(r.violations).toEqual([]);
  });
});

describe('ВПР window', () => {
  it('flags ВПР outside the federal window of 2025 and accepts its first and last day', () => {
    const r = checkSchedule(
      base([
        e({ date: '2025-04-11', kind: 'vpr', lesson: 2 }),
        e({
          date: '2025-05-16',
          kind: 'vpr',
          lesson: 2,
          subjectCode: 'rus',
          subjectName: 'Русский язык',
        }),
        e({ date: '2025-04-10', kind: 'vpr', lesson: 2, className: '5Б' }),
        e({ date: '2025-05-19', kind: 'control', lesson: 2, className: '5В' }),
      ]),
    );
    const vpr = r.violations.filter((v) => v.rule === 'vpr_window');
    expect(vpr).toHaveLength(1);
    expect(vpr[0]?.entryIndexes).toEqual([2]);
    expect(vpr[0]?.message).toContain(
      '10.04.2025 вне федеральных сроков 2025 года (11.04.2025–16.05.2025)',
    );
    expect(r.missing).toEqual([]);
  });

  it('says the window is unknown for a year without data', () => {
    const r = checkSchedule(base([e({ date: '2026-04-20', kind: 'vpr' })]));
    expect(r.violations.filter((v) => v.rule === 'vpr_window')).toEqual([]);
    expect(r.missing).toEqual([
      {
        rule: 'vpr_window',
        message: 'Нет федеральных сроков ВПР на 2026 год — даты ВПР не проверены',
      },
    ]);
  });
});

describe('helpers', () => {
  it('reads parallels and weekdays', () => {
    expect(parallelOf('10-Б')).toBe(10);
    expect(parallelOf('5А')).toBe(5);
    expect(parallelOf('А5')).toBeNull();
    expect(parallelOf('12А')).toBeNull();
    expect(weekdayOf('2025-10-05')).toBe(7);
    expect(weekdayOf('2025-10-06')).toBe(1);
  });
});
