/**
 * `npm run validate`: the seeded validation study of the objectivity engine. Prints a Markdown
 * report (docs/validation.md holds the committed output of the full run).
 *   npm run validate                 full study (4 simulated districts per condition)
 *   npm run validate -- --quick      smoke run (1 smaller district per condition)
 */
import {
  classStudyHeader,
  renderClassReport,
  renderReport,
} from '../core/analytics/validation/report';
import { runClassStudy, runStudy } from '../core/analytics/validation/study';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const seedArg = args.indexOf('--seed');
const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : 20240601;
const options = quick
  ? { seed, replicates: 1, schools: 150, sizes: [25] }
  : { seed, replicates: 4, schools: 300, sizes: [25] };
const classOptions = quick
  ? { seed, replicates: 1, schools: 60 }
  : { seed, replicates: 3, schools: 150 };
const started = Date.now();
const results = runStudy(options);
const classResults = runClassStudy(classOptions);
const header = [
  '# Проверка движка объективности на моделированных данных',
  '',
  `Зерно ${seed}; ${options.replicates} смоделированных района на каждое условие; в районе ${options.schools} школ по ~${options.sizes.join('/')} учеников,`,
  '4 года (2021–2024), 15 заданий (10 на 1 балл, 5 на 2 балла), границы 5/10/14; 10 % школ искажают результаты с',
  'случайного года (кроме лет с наблюдателем, 20 % школ-лет), 10 % — честные сильные школы (μ = +1).',
  `Время расчёта (вместе с исследованием классов в конце): ${((Date.now() - started) / 1000).toFixed(1)} с.`,
].join('\n');
process.stdout.write(renderReport(results, header));
process.stdout.write('\n');
process.stdout.write(
  renderClassReport(
    classResults,
    classStudyHeader(seed, classOptions.replicates, classOptions.schools),
  ),
);
