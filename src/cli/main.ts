import { Command } from 'commander';
import { AppError } from '../core/errors';
import {
  demoCommand,
  migrateCommand,
  permissionsDocCommand,
  userCreateCommand,
} from './commands/admin';
import { scheduleCheckCommand } from './commands/schedule';
import { planExportCommand, planImportCommand } from './commands/plans';
import { benchCommand, type BenchOptions } from './commands/bench';
import { analyzeCommand } from './commands/analyze';
import { analysisRunCommand } from './commands/analysisRun';
import {
  objectivityReportCommand,
  type ObjectivityReportOptions,
} from './commands/objectivityReport';
import { regionImportCommand } from './commands/regionImport';
import { programmeCommand, type ProgrammeOptions } from './commands/objectivity';
import { importCommand, type ImportOptions } from './commands/importResults';
import { journalImportCommand, type JournalImportOptions } from './commands/journalImport';
import { serve } from './commands/serve';
import { simulateCommand, type SimulateOptions } from './commands/simulate';

const program = new Command();
program
  .name('vsoko')
  .description('Объективная ВСОКО: сервер и команды обслуживания')
  .showHelpAfterError();

program
  .command('serve')
  .description('Запустить сервер (на пустой базе с --demo создаётся демо-район)')
  .option('--demo', 'демонстрационный режим', false)
  .option('--port <port>', 'порт (по умолчанию PORT или 3000)', Number)
  .option('--host <host>', 'адрес (по умолчанию HOST или 127.0.0.1)')
  .action((o: { demo: boolean; port?: number; host?: string }) => serve(o));

program.command('db:migrate').description('Применить миграции базы данных').action(migrateCommand);

program.command('demo').description('Создать демо-район в пустой базе').action(demoCommand);

program
  .command('user:create')
  .description('Создать пользователя (на пустой базе — первого администратора района)')
  .requiredOption('--login <login>', 'логин')
  .requiredOption('--name <fullName>', 'ФИО')
  .option('--password <password>', 'пароль (или переменная VSOKO_PASSWORD)')
  .option('--role <role>', 'роль', 'district_admin')
  .option('--municipality-id <id>', 'муниципалитет')
  .option('--org-id <ids>', 'организация или список через запятую')
  .option('--region-code <code>', 'код региона (для первой настройки), например 78')
  .option('--region <name>', 'название региона (для первой настройки)')
  .option('--municipality <name>', 'название муниципалитета (для первой настройки)')
  .action(userCreateCommand);

program
  .command('import')
  .description('Загрузить файлы результатов ВПР/РМ (CSV, XLSX; папки читаются рекурсивно)')
  .argument('<paths...>', 'файлы или папки')
  .option(
    '--procedure <code>',
    'процедура: vpr, rm, oge, ege, internal (если нет в заголовке файла)',
  )
  .option('--year <year>', 'год проведения')
  .option('--session <session>', 'spring или autumn (по умолчанию spring)')
  .option('--subject <code>', 'код предмета: rus, math, …')
  .option('--grade <grade>', 'параллель')
  .option('--form <form>', 'форма работы, например «углублённая»')
  .option('--org-id <id>', 'ОО для формы сбора результатов (иначе по логину sch… в имени файла)')
  .option('--municipality-id <id>', 'муниципалитет для создаваемых ОО')
  .action((paths: string[], o: ImportOptions) => importCommand(paths, o));

program
  .command('journal:import')
  .description(
    'Загрузить выгрузки электронного журнала (одна строка — одна отметка; CSV, XLSX; папки читаются рекурсивно)',
  )
  .argument('<paths...>', 'файлы или папки')
  .requiredOption('--year <year>', 'учебный год по году начала: 2024 для 2024/25')
  .option('--org-id <id>', 'ОО (иначе по логину sch… в имени файла)')
  .option(
    '--student-code <column>',
    'столбец «Код обучающегося»: номер с 1 или заголовок (иначе по заголовкам)',
  )
  .option('--class <column>', 'столбец «Класс» (необязателен)')
  .option('--subject <column>', 'столбец «Предмет»')
  .option('--period <column>', 'столбец «Период / вид отметки»')
  .option('--mark <column>', 'столбец «Отметка»')
  .action((paths: string[], o: JournalImportOptions) => journalImportCommand(paths, o));

program
  .command('bench')
  .description(
    'Замеры: загрузка результатов (CSV региона и XLSX в PGlite и PostgreSQL), анализ объективности региона (с DuckDB для сравнения) и нагрузка на экраны объективности (50 пользователей, PostgreSQL)',
  )
  .option('--works <n>', 'работ в CSV', '1000000')
  .option('--xlsx-works <n>', 'работ в XLSX (0 — без XLSX)', '100000')
  .option('--pg <url>', 'сервер PostgreSQL для замера (временная база создаётся и удаляется)')
  .option(
    '--only <part>',
    'только import (загрузка), analysis (анализ региона) или load (нагрузка на экраны)',
  )
  .option('--analysis-works <n>', 'работ в год в регионе для анализа (3 года)', '1000000')
  .option('--load-schools <n>', 'школ в муниципалитете для нагрузочного замера', '300')
  .option('--load-seconds <n>', 'длительность нагрузочного замера, с', '20')
  .action((o: BenchOptions) => benchCommand(o));

program
  .command('docs:permissions')
  .description('Записать таблицу прав ролей в docs/permissions.md')
  .option('--out <file>', 'файл', 'docs/permissions.md')
  .action((o: { out: string }) => permissionsDocCommand(o.out));

program
  .command('schedule:check <file>')
  .description(
    'Проверить график оценочных процедур (XLSX/CSV) по федеральным ограничениям, не сохраняя его',
  )
  .action(scheduleCheckCommand);

program
  .command('plans:import <file>')
  .description('Импортировать план мероприятий из таблицы DOCX или XLSX')
  .requiredOption('--org-id <id>', 'организация, чей это план (орган района или школа)')
  .requiredOption('--level <level>', 'уровень: district, municipality или school')
  .option('--title <title>', 'название (по умолчанию из документа)')
  .option('--from <date>', 'начало периода ГГГГ-ММ-ДД (по умолчанию из названия)')
  .option('--to <date>', 'окончание периода ГГГГ-ММ-ДД')
  .action(planImportCommand);

program
  .command('plans:export <id>')
  .description('Выгрузить план: DOCX в официальной форме или XLSX (по расширению файла)')
  .requiredOption('--out <file>', 'файл .docx или .xlsx')
  .action(planExportCommand);

program
  .command('analyze')
  .description('Анализ объективности результатов по файлам ФИС ОКО (без базы данных)')
  .argument('<paths...>', 'файлы или папки с результатами (CSV, XLSX)')
  .option('--observations <file>', 'CSV с общественным наблюдением')
  .option('--q <number>', 'уровень FDR для списка школ', Number, 0.05)
  .requiredOption('--json <file>', 'куда записать результаты в JSON')
  .action((paths: string[], o: { observations?: string; q: number; json: string }) =>
    analyzeCommand(paths, o),
  );

program
  .command('analysis:run')
  .description('Анализ объективности по результатам в базе данных с сохранением запуска')
  .option('--q <number>', 'уровень FDR для списка школ', Number, 0.05)
  .option('--municipality-id <id>', 'только этот муниципалитет', Number)
  .action((o: { q: number; municipalityId?: number }) => analysisRunCommand(o));

program
  .command('objectivity:report')
  .description(
    'Аналитическая справка об объективности результатов (район или одна ОО), DOCX или PDF',
  )
  .option('--year <year>', 'год ВПР (по умолчанию последний проанализированный)', Number)
  .option('--school <login>', 'логин ФИС ОКО или id ОО: справка по одной ОО')
  .option('--municipality-id <id>', 'муниципалитет (если результаты есть у нескольких)', Number)
  .requiredOption('--out <file>', 'файл .docx или .pdf')
  .action((o: ObjectivityReportOptions) => objectivityReportCommand(o));

program
  .command('region:import')
  .description('Загрузить региональные показатели ФИС ОКО (XLSX/CSV) для региона муниципалитета')
  .argument('<file>', 'таблица .xlsx или .csv (см. docs/objectivity-card.md)')
  .option('--municipality-id <id>', 'муниципалитет, чей регион загружается', Number)
  .action((file: string, o: { municipalityId?: number }) => regionImportCommand(file, o));

program
  .command('objectivity:programme')
  .description('Программа адресного сопровождения школ с признаками необъективности (как план)')
  .requiredOption('--year <year>', 'год ВПР, по которому выбраны школы', Number)
  .option('--org-ids <list>', 'id школ через запятую')
  .option('--flagged', 'все школы с признаками в последнем запуске анализа за этот год')
  .option('--municipality-id <id>', 'муниципалитет (для --flagged, если их несколько)', Number)
  .option('--start-year <year>', 'первый год учебного года программы', Number)
  .option('--responsible <name>', 'ответственный за анализ, «Фамилия И.О.»')
  .option('--out <file>', 'выгрузить программу в DOCX')
  .action((o: ProgrammeOptions) => programmeCommand(o));

program
  .command('simulate')
  .description('Записать смоделированный район как файлы ФИС ОКО (для проверок и стенда)')
  .requiredOption('--out <dir>', 'папка')
  .option('--seed <n>', 'зерно', Number, 1)
  .option('--schools <n>', 'число школ', Number, 60)
  .option('--years <list>', 'годы через запятую', '2022,2023,2024')
  .option('--sizes <list>', 'размеры школ через запятую', '15,25,25,50,100')
  .option('--kind <kind>', 'вид искажения: lenient, help, toJournal, flatGain')
  .option('--strength <x>', 'сила искажения', Number, 0.6)
  .action((o: SimulateOptions) => simulateCommand(o));

program.parseAsync().catch((error: unknown) => {
  const message =
    error instanceof AppError || error instanceof Error ? error.message : String(error);
  console.error(`Ошибка: ${message}`);
  if (process.env.VSOKO_DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
