import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Actor } from '../../core/access/actor';
import { loadActor } from '../../db/repositories/actors';
import { findUserById } from '../../db/repositories/users';
import type { DemoStep } from './index';
import { DEMO_VPR_YEARS } from './results/step';
import type { DemoWorld } from './world';

/**
 * Official lists beside the engine's flags, and one due-process case, through the real services:
 * - the federal list of schools with signs of non-objective results (CSV in Windows-1251, as
 *   regional dashboards export it) for every demo ВПР year. It overlaps the manifest only partly,
 *   as a real list would: school 207 (every year) and 305 (the years it manipulates) are on it,
 *   226 and 320 are not; honest school 228 is on it in the last year (the federal criteria are
 *   not ours), and a login of another municipality is reported as not found;
 * - the ШНОР list (XLSX) with one school for the last year;
 * - school 207 explains its signs of the last year, the ИМЦ decides to send observers.
 */
export const DEMO_FEDERAL_LIST = [
  { number: '207', yearIndexes: [0, 1, 2], markers: [1, 1, 1, 0] },
  { number: '305', yearIndexes: [1, 2], markers: [1, 0, 1, 0] },
  { number: '228', yearIndexes: [2], markers: [0, 1, 0, 0] },
] as const;
export const DEMO_SHNOR_SCHOOL = '202';
export const DEMO_EXPLAINING_SCHOOL = '207';

const school = (world: DemoWorld, number: string) => {
  const s = world.schools.find((x) => x.number === number);
  if (!s) throw new Error(`demo school ${number} missing`);
  return s;
};

/** Calendar years of the demo ВПР, oldest first. */
export const demoVprYears = (world: DemoWorld) =>
  world.years.slice(0, DEMO_VPR_YEARS).map((y) => y.startYear + 1);

export function federalCsv(world: DemoWorld): Buffer {
  const years = demoVprYears(world);
  const lines = ['Год;Логин;Муниципалитет;ОО;4 РУ;4 МА;5 РУ;5 МА;Количество маркеров'];
  for (const [i, year] of years.entries()) {
    for (const entry of DEMO_FEDERAL_LIST) {
      if (!(entry.yearIndexes as readonly number[]).includes(i)) continue;
      const s = school(world, entry.number);
      const total = entry.markers.reduce<number>((a, b) => a + b, 0);
      lines.push(
        [year, s.fisLogin, world.municipalityName, s.shortName, ...entry.markers, total].join(';'),
      );
    }
    lines.push(`${year};sch999901;Другой район;МБОУ СОШ № 1;0;1;0;0;1`);
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1251');
}

async function shnorXlsx(world: DemoWorld): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ШНОР');
  ws.addRow(['Год', 'Логин', 'Муниципалитет', 'ОО', 'Основание']);
  const s = school(world, DEMO_SHNOR_SCHOOL);
  const year = demoVprYears(world).at(-1) as number;
  ws.addRow([
    year,
    s.fisLogin,
    world.municipalityName,
    s.shortName,
    'Низкие результаты ВПР по русскому языку и математике два года подряд',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const objectivityDemoStep: DemoStep = {
  name: 'официальные списки (федеральный, ШНОР), пояснение ОО и решение',
  async run({ services, world, deps, progress }) {
    const { db } = deps.database;
    const actorOf = async (login: string): Promise<Actor> => {
      const id = world.users.get(login);
      const user = id ? await findUserById(db, id) : null;
      if (!user) throw new Error(`demo user ${login} missing`);
      return loadActor(db, user);
    };
    const imc = await actorOf('imc');
    const federal = await services.officialLists.import(
      imc,
      'federal',
      { fileName: 'federal_list_vpr.csv', bytes: federalCsv(world) },
      world.municipalityId,
    );
    progress(
      `  федеральный список: ${federal.message}; не найдено логинов ${federal.unknownLogins.length}`,
    );
    const shnor = await services.officialLists.import(
      imc,
      'shnor',
      { fileName: 'shnor.xlsx', bytes: await shnorXlsx(world) },
      world.municipalityId,
    );
    progress(`  список ШНОР: ${shnor.message}`);
    const year = demoVprYears(world).at(-1) as number;
    const s = school(world, DEMO_EXPLAINING_SCHOOL);
    const schoolActor = await actorOf(`school${DEMO_EXPLAINING_SCHOOL}`);
    await services.dueProcess.explain(
      schoolActor,
      s.id,
      {
        year,
        text: 'Работы проверяла школьная комиссия из учителей-предметников, в том числе учителя этих классов. Перепроверка комиссией не проводилась. Просим направить независимых наблюдателей на следующую процедуру.',
      },
      {
        fileName: 'protokol-proverki-vpr.txt',
        mimeType: 'text/plain',
        bytes: Buffer.from(
          `Протокол заседания школьной комиссии по проверке ВПР ${year} г.\nСостав комиссии: учителя русского языка и математики.\n`,
        ),
      },
    );
    await services.dueProcess.decide(imc, s.id, {
      year,
      decision: 'observers',
      reason:
        'Признаки подтверждаются по двум предметам и повторяются третий год; школа в федеральном списке. Направить независимых наблюдателей и провести перепроверку работ муниципальной комиссией.',
    });
    progress(`  школа ${DEMO_EXPLAINING_SCHOOL}: пояснение и решение «направить наблюдателей»`);
  },
};
