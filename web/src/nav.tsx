import {
  IconBook,
  IconChartBar,
  IconUpload,
  IconBuildingCommunity,
  IconHistory,
  IconHome,
  IconUsers,
  IconUsersGroup,
  IconFileText,
  IconCalendarCheck,
  IconChecklist,
  IconClipboardList,
  IconListCheck,
  IconScale,
  IconShieldCheck,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Permission } from '../../src/core/access/permissions';

/**
 * The sections of the application. A section appears only to users holding its permission;
 * each feature adds its own entries here (and its routes in routes.tsx).
 */
export interface NavItem {
  path: string;
  label: string;
  /** One line on the home page. */
  description: string;
  icon: ReactNode;
  permission?: Permission;
  group: 'Работа' | 'Реестр' | 'Администрирование';
}

export const NAV: NavItem[] = [
  {
    path: '/',
    label: 'Главная',
    description: 'Сводка по вашим разделам',
    icon: <IconHome size={18} />,
    group: 'Работа',
  },
  {
    path: '/monitoring',
    label: 'Мониторинг ВСОКО',
    description: 'Самоотчёты ОО, экспертные карты, экран результатов и аналитическая справка',
    icon: <IconChecklist size={18} />,
    permission: 'monitoring.read',
    group: 'Работа',
  },
  {
    path: '/schedules',
    label: 'Графики оценочных процедур',
    description: 'Загрузка графиков ОО и проверка федеральных ограничений',
    icon: <IconCalendarCheck size={18} />,
    permission: 'schedule.read',
    group: 'Работа',
  },
  {
    path: '/plans',
    label: 'Планы мероприятий',
    description: 'Планы, программы и дорожные карты: мероприятия, сроки, исполнение, документы',
    icon: <IconClipboardList size={18} />,
    permission: 'plan.read',
    group: 'Работа',
  },
  {
    path: '/my-tasks',
    label: 'Мои задачи',
    description: 'Мероприятия, где исполнитель — вы или ваша организация; напоминания о сроках',
    icon: <IconListCheck size={18} />,
    permission: 'plan.read',
    group: 'Работа',
  },
  {
    path: '/results',
    label: 'Результаты',
    description: 'Результаты ВПР и других процедур по ОО, классам и работам',
    icon: <IconChartBar size={18} />,
    permission: 'result.read',
    group: 'Работа',
  },
  {
    path: '/results/import',
    label: 'Загрузка результатов',
    description: 'Файлы ФИС ОКО: проверка, загрузка, история и отмена загрузок',
    icon: <IconUpload size={18} />,
    permission: 'result.import',
    group: 'Работа',
  },
  {
    path: '/analysis',
    label: 'Анализ объективности',
    description: 'Запуски анализа объективности результатов ВПР и досье по школам',
    icon: <IconScale size={18} />,
    permission: 'analysis.read',
    group: 'Работа',
  },
  {
    path: '/objectivity',
    label: 'Объективность результатов',
    description: 'Школы с признаками необъективных результатов, официальные списки и рассмотрение',
    icon: <IconShieldCheck size={18} />,
    permission: 'objectivity.read',
    group: 'Работа',
  },
  {
    path: '/results/catalog',
    label: 'Каталог работ',
    description: 'Задания, уровни и шкалы отметок ВПР и других работ',
    icon: <IconBook size={18} />,
    group: 'Работа',
  },
  {
    path: '/orgs',
    description: 'Школы и органы управления района: карточки, классы, коды обучающихся',
    label: 'Организации',
    icon: <IconBuildingCommunity size={18} />,
    permission: 'org.read',
    group: 'Реестр',
  },
  {
    path: '/documents',
    description: 'Локальные акты, приказы, протоколы и другие документы организаций',
    label: 'Документы',
    icon: <IconFileText size={18} />,
    permission: 'document.read',
    group: 'Реестр',
  },
  {
    path: '/expert-groups',
    description: 'Состав экспертных групп и курируемые ими ОО',
    label: 'Экспертные группы',
    icon: <IconUsersGroup size={18} />,
    permission: 'expertGroup.read',
    group: 'Реестр',
  },
  {
    path: '/users',
    description: 'Учётные записи, роли и области доступа',
    label: 'Пользователи и роли',
    icon: <IconUsers size={18} />,
    permission: 'user.read',
    group: 'Администрирование',
  },
  {
    path: '/audit',
    description: 'Кто, когда и что изменил',
    label: 'Журнал изменений',
    icon: <IconHistory size={18} />,
    permission: 'audit.read',
    group: 'Администрирование',
  },
];
