/**
 * The demo municipality's schools. Numbers follow the seed documents of Frunzensky district
 * (seeds 000–002 name schools 8, 212, 215, 236, 312, 367, 448); the rest are plausible numbers.
 * All data about them in the demo is simulated.
 */
export interface DemoSchoolDef {
  number: string;
  kind: 'school' | 'school_in_depth' | 'gymnasium' | 'lyceum' | 'education_centre';
  /** Subject of in-depth study, in the genitive («английского языка»). */
  inDepth?: string;
  /** Typical classes per parallel: 1 (small) … 4 (large). */
  size: 1 | 2 | 3 | 4;
}

export const DEMO_SCHOOLS: readonly DemoSchoolDef[] = [
  { number: '8', kind: 'school', size: 2 },
  { number: '192', kind: 'school', size: 2 },
  { number: '193', kind: 'school_in_depth', inDepth: 'английского языка', size: 3 },
  { number: '199', kind: 'school', size: 2 },
  { number: '201', kind: 'gymnasium', size: 3 },
  { number: '202', kind: 'school', size: 1 },
  { number: '205', kind: 'school', size: 2 },
  { number: '207', kind: 'school', size: 3 },
  { number: '208', kind: 'school', size: 2 },
  { number: '210', kind: 'school', size: 1 },
  { number: '211', kind: 'school', size: 2 },
  { number: '212', kind: 'school', size: 2 },
  { number: '215', kind: 'school', size: 3 },
  { number: '216', kind: 'school', size: 2 },
  { number: '217', kind: 'lyceum', size: 3 },
  { number: '218', kind: 'school', size: 2 },
  { number: '219', kind: 'school_in_depth', inDepth: 'математики', size: 3 },
  { number: '226', kind: 'school', size: 4 },
  { number: '227', kind: 'school', size: 2 },
  { number: '228', kind: 'school', size: 1 },
  { number: '230', kind: 'school', size: 2 },
  { number: '231', kind: 'school', size: 3 },
  { number: '236', kind: 'school', size: 2 },
  { number: '295', kind: 'gymnasium', size: 3 },
  { number: '300', kind: 'school', size: 2 },
  { number: '301', kind: 'school', size: 4 },
  { number: '302', kind: 'lyceum', size: 2 },
  { number: '305', kind: 'school', size: 2 },
  { number: '306', kind: 'school', size: 3 },
  { number: '307', kind: 'school', size: 1 },
  { number: '308', kind: 'school', size: 2 },
  { number: '309', kind: 'school', size: 2 },
  { number: '310', kind: 'school', size: 3 },
  { number: '311', kind: 'school_in_depth', inDepth: 'физики', size: 2 },
  { number: '312', kind: 'school', size: 3 },
  { number: '320', kind: 'school', size: 2 },
  { number: '327', kind: 'school', size: 4 },
  { number: '361', kind: 'school', size: 2 },
  { number: '367', kind: 'school', size: 2 },
  { number: '448', kind: 'school', size: 1 },
];

const DISTRICT = 'Фрунзенского района Санкт-Петербурга';

export function schoolNames(def: DemoSchoolDef): { fullName: string; shortName: string } {
  const prefix = 'Государственное бюджетное общеобразовательное учреждение';
  switch (def.kind) {
    case 'gymnasium':
      return {
        fullName: `${prefix} гимназия № ${def.number} ${DISTRICT}`,
        shortName: `ГБОУ гимназия № ${def.number}`,
      };
    case 'lyceum':
      return {
        fullName: `${prefix} лицей № ${def.number} ${DISTRICT}`,
        shortName: `ГБОУ лицей № ${def.number}`,
      };
    case 'school_in_depth':
      return {
        fullName: `${prefix} средняя общеобразовательная школа № ${def.number} с углублённым изучением ${def.inDepth ?? ''} ${DISTRICT}`,
        shortName: `ГБОУ школа № ${def.number}`,
      };
    case 'education_centre':
      return {
        fullName: `${prefix} центр образования № ${def.number} ${DISTRICT}`,
        shortName: `ГБОУ ЦО № ${def.number}`,
      };
    default:
      return {
        fullName: `${prefix} средняя общеобразовательная школа № ${def.number} ${DISTRICT}`,
        shortName: `ГБОУ школа № ${def.number}`,
      };
  }
}

export const fisLoginOf = (number: string) => `sch78${number.padStart(4, '0')}`;

export const CLASS_LETTERS = ['А', 'Б', 'В', 'Г'];

export const DEMO_BODIES = {
  uo: {
    kind: 'uo',
    fullName: 'Отдел образования администрации Фрунзенского района Санкт-Петербурга',
    shortName: 'Отдел образования АР',
  },
  imc: {
    kind: 'imc',
    fullName:
      'Государственное бюджетное учреждение «Информационно-методический центр» Фрунзенского района Санкт-Петербурга',
    shortName: 'ГБУ «ИМЦ» Фрунзенского района',
  },
  coko: {
    kind: 'coko',
    fullName: 'Районный центр оценки качества образования ГБУ «ИМЦ» Фрунзенского района',
    shortName: 'ЦОКО Фрунзенского района',
  },
  rmoRus: {
    kind: 'rmo',
    fullName: 'Районное методическое объединение учителей русского языка и литературы',
    shortName: 'РМО учителей русского языка',
  },
  rmoMath: {
    kind: 'rmo',
    fullName: 'Районное методическое объединение учителей математики',
    shortName: 'РМО учителей математики',
  },
  rmoPrimary: {
    kind: 'rmo',
    fullName: 'Районное методическое объединение учителей начальных классов',
    shortName: 'РМО учителей начальных классов',
  },
} as const;
