/** What the demo steps have created so far; later steps read it and add to it. */
export interface DemoSchool {
  id: number;
  number: string;
  kind: string;
  fisLogin: string;
  shortName: string;
  /** Classes per parallel 1..11 (index 0 = parallel 1). */
  classesPerParallel: number[];
}

export interface DemoYear {
  id: number;
  startYear: number;
  name: string;
}

export interface DemoWorld {
  regionId: number;
  municipalityId: number;
  municipalityName: string;
  schools: DemoSchool[];
  bodies: Record<'uo' | 'imc' | 'coko' | 'rmoRus' | 'rmoMath' | 'rmoPrimary', number>;
  /** Academic years from the oldest; the last is the current one. */
  years: DemoYear[];
  /** Class id by `${orgId}:${yearId}:${parallel}${letter}`. */
  classIds: Map<string, number>;
  /** User id by login. */
  users: Map<string, number>;
  expertGroupIds: number[];
}

export const classKey = (orgId: number, yearId: number, parallel: number, letter: string) =>
  `${orgId}:${yearId}:${parallel}${letter}`;

/** The password of every demo account (README lists the logins). */
export const DEMO_PASSWORD = 'vsoko-demo';
