import { describe, expect, it } from 'vitest';
import { fullNameKey, parseExecutors, personKey } from './executors';
import { formatTargetSchools, parseTargetSchools } from './schools';
import { effectiveStatus, isDueSoon, isOverdue } from './status';

describe('target schools', () => {
  it('reads the lists of seed 001', () => {
    expect(
      parseTargetSchools('Анализ результатов ВПР в ОО №№ 8, 212, 215, 236, 367, 448 в динамике'),
    ).toEqual(['8', '212', '215', '236', '367', '448']);
    expect(
      parseTargetSchools('наблюдения за процедурой проведения ВПР в ОО №№8, 212, 215'),
    ).toEqual(['8', '212', '215']);
    expect(
      parseTargetSchools('Сбор и анализ результатов перепроверки ВПР, РМ в №№ 8, 212'),
    ).toEqual(['8', '212']);
    expect(parseTargetSchools('Грязнова Г.А., Бикбаева Л.А (СОШ №22)')).toEqual(['22']);
  });
  it('ignores order numbers and texts without schools', () => {
    expect(parseTargetSchools('приказом от 29.06.2022 № 1621')).toEqual([]);
    expect(parseTargetSchools('Совещание с заместителями директоров')).toEqual([]);
    expect(parseTargetSchools(null)).toEqual([]);
  });
  it('formats a list back', () => {
    expect(formatTargetSchools(['8', '212'])).toBe('ОО №№ 8, 212');
    expect(formatTargetSchools(['312'])).toBe('ОО № 312');
  });
});

describe('executors', () => {
  it('tells bodies, people, positions and «ОО» apart', () => {
    expect(parseExecutors('ИМЦ, ЦОКО. ОО')).toEqual([
      { label: 'ИМЦ', kind: 'body' },
      { label: 'ЦОКО', kind: 'body' },
      { label: 'ОО', kind: 'schools' },
    ]);
    expect(parseExecutors('Грязнова Г.А., Анкудинова О.А.')).toEqual([
      { label: 'Грязнова Г.А.', kind: 'person' },
      { label: 'Анкудинова О.А.', kind: 'person' },
    ]);
    expect(parseExecutors('АР, ИМЦ, ЦОКО, ПреОО').map((e) => e.kind)).toEqual([
      'body',
      'body',
      'body',
      'body',
    ]);
    expect(parseExecutors('Заместитель директора по УВР, руководители ШМО')).toEqual([
      { label: 'Заместитель директора по УВР', kind: 'position' },
      { label: 'руководители ШМО', kind: 'position' },
    ]);
    expect(parseExecutors('')).toEqual([]);
  });
  it('matches people to full names by surname and initials', () => {
    expect(personKey('Грязнова Г.А.')).toBe(fullNameKey('Грязнова Галина Алексеевна'));
    expect(personKey('Бикбаева Л.А (СОШ №22)')).toBe('бикбаева л.а.');
  });
});

describe('overdue and reminders', () => {
  it('an open activity is overdue after the end of its deadline', () => {
    expect(isOverdue('planned', '2023-01-31', '2023-02-01')).toBe(true);
    expect(isOverdue('in_progress', '2023-01-31', '2023-01-31')).toBe(false);
    expect(isOverdue('done', '2023-01-31', '2024-01-01')).toBe(false);
    expect(isOverdue('cancelled', '2023-01-31', '2024-01-01')).toBe(false);
    expect(isOverdue('planned', null, '2030-01-01')).toBe(false);
    expect(effectiveStatus('in_progress', '2023-01-31', '2023-03-01')).toBe('overdue');
    expect(effectiveStatus('in_progress', '2023-01-31', '2023-01-01')).toBe('in_progress');
  });
  it('reminds within the horizon before the deadline only', () => {
    expect(isDueSoon('planned', '2023-01-31', '2023-01-20')).toBe(true);
    expect(isDueSoon('planned', '2023-01-31', '2023-01-01')).toBe(false);
    expect(isDueSoon('planned', '2023-01-31', '2023-02-01')).toBe(false);
    expect(isDueSoon('done', '2023-01-31', '2023-01-30')).toBe(false);
  });
});

describe('progress', () => {
  it('counts by effective status and groups under several keys', async () => {
    const { groupProgress, progressOf } = await import('./progress');
    const items = [
      { status: 'done' as const, deadlineTo: '2023-01-31', who: ['ИМЦ'] },
      { status: 'planned' as const, deadlineTo: '2023-01-31', who: ['ИМЦ', 'ЦОКО'] },
      { status: 'planned' as const, deadlineTo: '2023-12-31', who: ['ЦОКО'] },
      { status: 'cancelled' as const, deadlineTo: null, who: [] },
    ];
    expect(progressOf(items, '2023-06-01')).toEqual({
      total: 4,
      planned: 1,
      inProgress: 0,
      done: 1,
      overdue: 1,
      cancelled: 1,
    });
    const groups = groupProgress(
      items,
      (i) => i.who.map((w) => ({ key: w, label: w })),
      '2023-06-01',
    );
    expect(groups.map((g) => [g.key, g.progress.total, g.progress.overdue])).toEqual([
      ['ИМЦ', 2, 1],
      ['ЦОКО', 2, 1],
    ]);
  });
});
