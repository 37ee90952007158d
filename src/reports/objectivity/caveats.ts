/** Data caveats of the report, from the dossier caveats of the schools. */

const NOT_COMPUTED = 'Не рассчитано: ';
const SMALL = 'Мало работ (меньше 20): ';

/**
 * The dossier caveats of many schools, summarised: each indicator that could not be computed
 * once with the number of schools and tests concerned; schools with small samples counted; the
 * general «признаки не доказывают» line is left to the closing caveat.
 */
export function summariseCaveats(perSchool: string[][]): string[] {
  const missing = new Map<string, { schools: Set<number>; tests: Set<string> }>();
  const other = new Set<string>();
  let small = 0;
  perSchool.forEach((caveats, school) => {
    for (const c of caveats) {
      if (c.includes('не доказывают')) continue;
      if (c.startsWith(SMALL)) {
        small++;
        continue;
      }
      if (!c.startsWith(NOT_COMPUTED)) {
        other.add(c);
        continue;
      }
      for (const item of c.slice(NOT_COMPUTED.length).replace(/\.$/, '').split('; ')) {
        const [test, what] = item.split(' — ');
        if (!test || !what) continue;
        const entry = missing.get(what) ?? { schools: new Set(), tests: new Set() };
        entry.schools.add(school);
        entry.tests.add(test);
        missing.set(what, entry);
      }
    }
  });
  const one = perSchool.length === 1;
  return [
    ...[...missing].map(
      ([what, e]) =>
        `Не рассчитан показатель «${what.replace(': ', '» (')}): ${one ? '' : `ОО — ${e.schools.size}, `}предметов и классов — ${e.tests.size}.`,
    ),
    ...(small
      ? [
          one
            ? (perSchool[0]?.find((c) => c.startsWith(SMALL)) ?? '')
            : `Мало работ (меньше 20) по отдельным предметам и классам: ОО — ${small}.`,
        ]
      : []),
    ...other,
  ];
}
