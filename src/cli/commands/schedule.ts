import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RULE_LABELS } from '../../core/schedules/model';
import { checkScheduleFile } from '../../services/schedules';

/** `vsoko schedule:check <file>`: the federal-limit checks of a schedule file, without storing it. */
export async function scheduleCheckCommand(file: string) {
  const bytes = await readFile(file);
  const result = await checkScheduleFile(path.basename(file), bytes);
  if (result.errors.length) {
    console.log(`Файл не прочитан, ошибок: ${result.errors.length}`);
    for (const e of result.errors) console.log(`  ${e}`);
    process.exitCode = 1;
    return;
  }
  const check = result.check;
  if (!check) return;
  console.log(
    `Процедур: ${result.data.entries.length}, учитываются: ${check.counted}, нарушений: ${check.violations.length}`,
  );
  for (const v of check.violations) console.log(`  [${RULE_LABELS[v.rule]}] ${v.message}`);
  if (check.missing.length) console.log('Не хватает данных для проверок:');
  for (const m of check.missing) console.log(`  ${m.message}`);
  for (const x of check.excluded)
    console.log(`  строка ${x.entryIndex + 1} графика не учитывается: ${x.reason}`);
  if (check.violations.length) process.exitCode = 2;
}
