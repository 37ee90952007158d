/** An academic year runs from 1 September to 31 August and is named «2025/2026». */
export interface AcademicYearBounds {
  startYear: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

export function academicYearBounds(startYear: number): AcademicYearBounds {
  return {
    startYear,
    name: `${startYear}/${startYear + 1}`,
    startsOn: `${startYear}-09-01`,
    endsOn: `${startYear + 1}-08-31`,
  };
}

/** The academic year a date falls into: September starts a new year. */
export function academicStartYearOf(date: Date): number {
  const year = date.getUTCFullYear();
  return date.getUTCMonth() >= 8 ? year : year - 1;
}
