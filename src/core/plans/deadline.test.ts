import { describe, expect, it } from 'vitest';
import { academicYearPeriod, calendarYearPeriod, parseDeadline } from './deadline';

const Y2023 = calendarYearPeriod(2023);
const AY22 = academicYearPeriod(2022);

describe('parseDeadline: every wording of the seed plans, original text kept', () => {
  const cases: [
    string,
    ReturnType<typeof calendarYearPeriod>,
    string,
    string | null,
    string | null,
  ][] = [
    // 000, 001 (calendar year 2023)
    ['январь 2023', Y2023, 'month', '2023-01-01', '2023-01-31'],
    ['май 2023', Y2023, 'month', '2023-05-01', '2023-05-31'],
    ['декабрь 2023', Y2023, 'month', '2023-12-01', '2023-12-31'],
    ['20 января', Y2023, 'date', '2023-01-20', '2023-01-20'],
    ['20 января 2023', Y2023, 'date', '2023-01-20', '2023-01-20'],
    ['10 апреля 2023, 20 апреля 2023', Y2023, 'list', '2023-04-10', '2023-04-20'],
    ['апрель-май 2023', Y2023, 'range', '2023-04-01', '2023-05-31'],
    ['май-июль 2023', Y2023, 'range', '2023-05-01', '2023-07-31'],
    ['сентябрь-октябрь 2023', Y2023, 'range', '2023-09-01', '2023-10-31'],
    ['январь-февраль 2023', Y2023, 'range', '2023-01-01', '2023-02-28'],
    ['в течение года', Y2023, 'period', '2023-01-01', '2023-12-31'],
    ['согласно графику наблюдения', Y2023, 'schedule', null, null],
    ['согласно графику оценочных процедур', Y2023, 'schedule', null, null],
    ['по плану работы РМО', Y2023, 'schedule', null, null],
    ['май 2023, второе полугодие', Y2023, 'list', '2023-05-01', '2023-12-31'],
    ['август 2023', Y2023, 'month', '2023-08-01', '2023-08-31'],
    // 002, 003 (academic year 2022/23)
    ['Август-октябрь', AY22, 'range', '2022-08-01', '2022-10-31'],
    ['Август - ноябрь', AY22, 'range', '2022-08-01', '2022-11-30'],
    ['Август-сентябрь', AY22, 'range', '2022-08-01', '2022-09-30'],
    ['Август - сентябрь', AY22, 'range', '2022-08-01', '2022-09-30'],
    ['В течение учебного года', AY22, 'period', '2022-09-01', '2023-08-31'],
    ['В течение года', AY22, 'period', '2022-09-01', '2023-08-31'],
    ['октябрь', AY22, 'month', '2022-10-01', '2022-10-31'],
    ['сентябрь', AY22, 'month', '2022-09-01', '2022-09-30'],
    ['Ноябрь,\nапрель', AY22, 'list', '2022-11-01', '2023-04-30'],
    ['Май ', AY22, 'month', '2023-05-01', '2023-05-31'],
    ['Октябрь ', AY22, 'month', '2022-10-01', '2022-10-31'],
    ['Август ', AY22, 'month', '2023-08-01', '2023-08-31'],
    ['Август\nМай ', AY22, 'list', '2023-05-01', '2023-08-31'],
    ['По окончании проведения процедуры ', AY22, 'event', null, null],
    // 004
    ['август 2022 г.', AY22, 'month', '2022-08-01', '2022-08-31'],
    ['октябрь 2022', AY22, 'month', '2022-10-01', '2022-10-31'],
    ['в течение учебного года', AY22, 'period', '2022-09-01', '2023-08-31'],
    ['сентябрь-октябрь 2022', AY22, 'range', '2022-09-01', '2022-10-31'],
    ['февраль-март 2023', AY22, 'range', '2023-02-01', '2023-03-31'],
    ['март-май 2023', AY22, 'range', '2023-03-01', '2023-05-31'],
    ['Октябрь 2022', AY22, 'month', '2022-10-01', '2022-10-31'],
    ['Ноябрь 2022', AY22, 'month', '2022-11-01', '2022-11-30'],
    ['Декабрь 2022', AY22, 'month', '2022-12-01', '2022-12-31'],
    ['', AY22, 'none', null, null],
    // the order of 004: «срок до 15.07.2022»
    ['до 15.07.2022', AY22, 'date', '2022-07-15', '2022-07-15'],
    ['15.07.2022', AY22, 'date', '2022-07-15', '2022-07-15'],
    ['II квартал 2023', AY22, 'range', '2023-04-01', '2023-06-30'],
  ];
  for (const [text, period, kind, from, to] of cases) {
    it(JSON.stringify(text), () => {
      expect(parseDeadline(text, period)).toEqual({ text, kind, from, to });
    });
  }

  it('keeps an unknown wording as written, without dates', () => {
    expect(parseDeadline('к началу проверки', Y2023)).toEqual({
      text: 'к началу проверки',
      kind: 'unparsed',
      from: null,
      to: null,
    });
  });

  it('cannot place a month without a year when there is no period', () => {
    expect(parseDeadline('20 января', null)).toMatchObject({ kind: 'unparsed', from: null });
    expect(parseDeadline('январь 2023', null)).toMatchObject({ kind: 'month', to: '2023-01-31' });
  });

  it('refuses impossible dates', () => {
    expect(parseDeadline('31 февраля 2023', Y2023).kind).toBe('unparsed');
    expect(parseDeadline('декабрь 2023 - январь 2022', Y2023).kind).toBe('unparsed');
  });

  it('places «первое полугодие» in an academic year before 1 January', () => {
    expect(parseDeadline('первое полугодие', AY22)).toMatchObject({
      from: '2022-09-01',
      to: '2022-12-31',
    });
  });
});
