import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../plans/deadline';
import { parseTargetSchools } from '../plans/schools';
import {
  buildSupportProgramme,
  chooseObservers,
  figuresText,
  initialsOf,
  schoolsRef,
  type ObserverCandidate,
  type ProgrammeSchool,
} from './supportProgramme';

const ev = (subject: string, grade: number, title: string, n: number, className?: string) => ({
  subject,
  grade,
  className: className ?? null,
  indicator: 'cutExcess',
  title,
  n,
  p: 0.001,
});

const s207: ProgrammeSchool = {
  orgId: 7,
  number: '207',
  shortName: 'ГБОУ СОШ № 207',
  result: {
    flagged: true,
    supportList: false,
    yearsInRow: 3,
    evidence: [
      ev('Русский язык', 4, 'Избыток работ у границ отметок', 52),
      ev('Математика', 5, 'Трудные задания выполнены лучше лёгких', 48),
      ev('Русский язык', 4, 'Расхождение с отметками по журналу', 51),
      ev('Русский язык', 4, 'Избыток работ у границ отметок', 24, '4Б'),
    ],
  },
};
const s305: ProgrammeSchool = {
  orgId: 9,
  number: '305',
  shortName: 'ГБОУ СОШ № 305',
  result: {
    flagged: true,
    supportList: false,
    yearsInRow: 1,
    evidence: [ev('Русский язык', 6, 'Расхождение с отметками по журналу', 30)],
  },
};
const cand = (orgId: number, number: string, flagged = false): ObserverCandidate => ({
  orgId,
  number,
  shortName: `Школа ${number}`,
  flagged,
});
const candidates = [
  cand(7, '207', true),
  cand(9, '305', true),
  cand(1, '8'),
  cand(2, '192', true),
  cand(3, '193'),
  cand(4, '199'),
];

describe('support programme', () => {
  it('writes a school figures per subject and grade with n and years in a row', () => {
    expect(figuresText(s207, 2025)).toBe(
      'ВПР 2025: Математика, 5 класс — трудные задания выполнены лучше лёгких (n = 48); Русский язык, 4 класс — избыток работ у границ отметок (n = 52), расхождение с отметками по журналу (n = 51), избыток работ у границ отметок в классе 4Б (n = 24); признаки 3 года подряд',
    );
    expect(figuresText({ ...s207, result: null }, 2025)).toContain('результатов анализа нет');
  });

  it('never sends observers from the school itself or another chosen school; unflagged first', () => {
    const obs = chooseObservers([s207, s305], candidates, 2);
    expect(obs.get(7)!.map((c) => c.number)).toEqual(['8', '193']);
    expect(obs.get(9)!.map((c) => c.number)).toEqual(['199', '8']);
    // Only flagged candidates left: they are used rather than none.
    const few = chooseObservers([s207], [cand(7, '207', true), cand(2, '192', true)], 2);
    expect(few.get(7)!.map((c) => c.number)).toEqual(['192']);
  });

  it('builds the four sections of seed 001 with the schools linked and deadlines in the year', () => {
    const p = buildSupportProgramme({
      schools: [s207, s305],
      candidates,
      resultsYear: 2025,
      startYear: 2025,
      runId: 12,
      responsible: 'Иванова И.И.',
    });
    expect(p.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4']);
    expect(p.sections[1]!.title).toMatch(/^Контроль за организацией/);
    expect(p.title).toContain('(ОО №№ 207, 305), на 2025/2026 учебный год');
    expect(p.goals[0]).toContain('запуск анализа № 12');
    const bySection = (i: number) => p.activities.filter((a) => a.sectionIndex === i);
    expect(bySection(0)[0]!.number).toBe('1.1');
    // Observers item per school names the observers' schools in participants, not as targets.
    const observers = bySection(1).filter((a) => a.text.startsWith('Привлечение специалистов'));
    expect(observers.map((a) => parseTargetSchools(a.text))).toEqual([['207'], ['305']]);
    expect(observers[0]!.participants).toBe('Наблюдатели из других школ: № 8, № 193');
    expect(observers[0]!.text).toContain('Математика (5 класс); Русский язык (4 класс)');
    const analysis = bySection(2).find((a) => a.text.includes('ОО № 207 в динамике'))!;
    expect(analysis.text).toContain('избыток работ у границ отметок (n = 52)');
    expect(analysis.executors).toBe('ЦОКО, Иванова И.И.');
    const help = bySection(3).find((a) => a.text.includes('«Русский язык»'))!;
    expect(help.text).toContain('(4, 6 классы) в ОО №№ 207, 305');
    const period = { start: '2025-09-01', end: '2026-08-31' };
    for (const a of p.activities) {
      const d = parseDeadline(a.deadline, period);
      expect(d.kind, a.deadline).not.toBe('unparsed');
      if (d.from)
        expect(d.from >= period.start && (d.to ?? '') <= period.end, a.deadline).toBe(true);
      expect(parseTargetSchools(a.text).length, a.text).toBeGreaterThan(0);
    }
  });

  it('names schools without a number and turns a full name into initials', () => {
    expect(
      schoolsRef([
        { number: '8', shortName: 'x' },
        { number: null, shortName: 'Школа А' },
      ]),
    ).toBe('ОО № 8, «Школа А»');
    expect(initialsOf('Иванова Ирина Петровна')).toBe('Иванова И.П.');
    expect(initialsOf('admin')).toBeNull();
  });
});
