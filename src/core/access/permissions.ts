import type { Role } from './roles';
import { ROLES } from './roles';

/**
 * What each role may do. The table is the single source: `resolveScope` enforces it and
 * `docs/permissions.md` is generated from it (a test keeps the two equal).
 *
 * Reach:
 * - `scope`      — the organisations of the role's assignment (a municipality, a school or a set);
 * - `supervised` — the schools supervised by the user's expert groups, never the user's own school;
 * - `any`        — not tied to organisations (reference data).
 */
export type Reach = 'scope' | 'supervised' | 'any';

export const PERMISSIONS = {
  'org.read': 'Просмотр реестра организаций',
  'org.manage': 'Создание и изменение организаций',
  'class.read': 'Просмотр классов',
  'class.manage': 'Создание и изменение классов',
  'student.read': 'Просмотр кодов обучающихся',
  'student.manage': 'Ведение кодов обучающихся',
  'user.read': 'Просмотр пользователей',
  'user.manage': 'Управление пользователями и ролями',
  'expertGroup.read': 'Просмотр экспертных групп',
  'expertGroup.manage': 'Управление экспертными группами',
  'document.read': 'Просмотр документов',
  'document.manage': 'Загрузка и изменение документов',
  'audit.read': 'Просмотр журнала изменений',
  'schedule.read': 'Просмотр графиков оценочных процедур и их проверки',
  'schedule.manage': 'Ввод и загрузка графика оценочных процедур ОО',
  'monitoring.read': 'Просмотр мониторинга ВСОКО и его результатов',
  'monitoring.manage': 'Шаблоны и кампании мониторинга ВСОКО',
  'monitoring.respond': 'Заполнение самоотчёта ОО в мониторинге ВСОКО',
  'monitoring.assess': 'Заполнение экспертной карты по курируемой ОО',
  'plan.read': 'Просмотр планов мероприятий и дорожных карт',
  'plan.manage': 'Создание, изменение, импорт планов; назначение мероприятий школам',
  'plan.execute': 'Отметки о выполнении мероприятий: статус, комментарии, подтверждения',
  'reference.read': 'Просмотр справочников (учебные годы, предметы)',
  'reference.manage': 'Ведение справочников',
  'result.read': 'Просмотр результатов оценочных процедур (ВПР, РМ, ОГЭ/ЕГЭ)',
  'result.import': 'Загрузка результатов оценочных процедур и отмена загрузок',
  'catalog.manage': 'Ведение каталога работ (задания, шкалы отметок)',
  'analysis.read': 'Просмотр запусков анализа объективности (школа — только свои результаты)',
  'analysis.run': 'Запуск анализа объективности результатов по муниципалитету',
  'objectivity.read':
    'Экран «Объективность результатов», карточки ОО и аналитические справки (школа — только своя)',
  'objectivity.manage':
    'Отметки о наблюдении, загрузка официальных списков (ФИОКО, ШНОР) и данных региона',
  'objectivity.decide':
    'Решения по ОО с признаками необъективности (снять, оставить, наблюдатели, перепроверка)',
  'objectivity.explain': 'Пояснения ОО к выявленным признакам необъективности',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_LIST = Object.keys(PERMISSIONS) as Permission[];

type Grants = Partial<Record<Role, Reach>>;

const ALL_SCOPED: Grants = {
  district_admin: 'scope',
  district_specialist: 'scope',
  school_admin: 'scope',
  expert: 'supervised',
  observer: 'scope',
  teacher: 'scope',
  readonly: 'scope',
};

export const GRANTS: Record<Permission, Grants> = {
  'org.read': ALL_SCOPED,
  'org.manage': { district_admin: 'scope' },
  'class.read': {
    district_admin: 'scope',
    district_specialist: 'scope',
    school_admin: 'scope',
    expert: 'supervised',
    teacher: 'scope',
    readonly: 'scope',
  },
  'class.manage': { district_admin: 'scope', school_admin: 'scope' },
  'student.read': {
    district_admin: 'scope',
    district_specialist: 'scope',
    school_admin: 'scope',
    teacher: 'scope',
  },
  'student.manage': { district_admin: 'scope', school_admin: 'scope' },
  'user.read': { district_admin: 'scope', school_admin: 'scope' },
  'user.manage': { district_admin: 'scope', school_admin: 'scope' },
  'expertGroup.read': {
    district_admin: 'scope',
    district_specialist: 'scope',
    expert: 'supervised',
    readonly: 'scope',
  },
  'expertGroup.manage': { district_admin: 'scope', district_specialist: 'scope' },
  'document.read': ALL_SCOPED,
  'document.manage': {
    district_admin: 'scope',
    district_specialist: 'scope',
    school_admin: 'scope',
  },
  'audit.read': { district_admin: 'scope', school_admin: 'scope' },
  'schedule.read': {
    district_admin: 'scope',
    district_specialist: 'scope',
    school_admin: 'scope',
    expert: 'supervised',
    teacher: 'scope',
    readonly: 'scope',
  },
  'schedule.manage': { district_admin: 'scope', school_admin: 'scope' },
  'monitoring.read': {
    district_admin: 'scope',
    district_specialist: 'scope',
    school_admin: 'scope',
    expert: 'supervised',
    readonly: 'scope',
  },
  'monitoring.manage': { district_admin: 'scope', district_specialist: 'scope' },
  'monitoring.respond': { school_admin: 'scope' },
  'monitoring.assess': { expert: 'supervised' },
  'plan.read': {
    district_admin: 'scope',
    district_specialist: 'scope',
    school_admin: 'scope',
    expert: 'supervised',
    teacher: 'scope',
    readonly: 'scope',
  },
  'plan.manage': { district_admin: 'scope', district_specialist: 'scope', school_admin: 'scope' },
  'plan.execute': {
    district_admin: 'scope',
    district_specialist: 'scope',
    school_admin: 'scope',
    teacher: 'scope',
  },
  'reference.read': Object.fromEntries(ROLES.map((r) => [r, 'any'])) as Grants,
  'reference.manage': { district_admin: 'any' },
  'result.read': {
    district_admin: 'scope',
    district_specialist: 'scope',
    school_admin: 'scope',
    expert: 'supervised',
    teacher: 'scope',
    readonly: 'scope',
  },
  'result.import': { district_admin: 'scope', district_specialist: 'scope', school_admin: 'scope' },
  'analysis.read': {
    district_admin: 'scope',
    district_specialist: 'scope',
    school_admin: 'scope',
    expert: 'supervised',
    readonly: 'scope',
  },
  'analysis.run': { district_admin: 'scope', district_specialist: 'scope' },
  'objectivity.read': {
    district_admin: 'scope',
    district_specialist: 'scope',
    school_admin: 'scope',
    expert: 'supervised',
    readonly: 'scope',
  },
  'objectivity.manage': { district_admin: 'scope', district_specialist: 'scope' },
  'objectivity.decide': { district_admin: 'scope', district_specialist: 'scope' },
  'objectivity.explain': { school_admin: 'scope' },
  'catalog.manage': { district_admin: 'any' },
};

export const REACH_LABELS: Record<Reach, string> = {
  scope: 'в своей области',
  supervised: 'курируемые ОО',
  any: 'да',
};
