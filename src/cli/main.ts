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
import { serve } from './commands/serve';

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

program.parseAsync().catch((error: unknown) => {
  const message =
    error instanceof AppError || error instanceof Error ? error.message : String(error);
  console.error(`Ошибка: ${message}`);
  if (process.env.VSOKO_DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
