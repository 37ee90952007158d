import { z } from 'zod';
import { pageQuery } from './common';

export const auditEntryView = z.object({
  id: z.number().int(),
  at: z.string(),
  userLogin: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const auditListQuery = pageQuery.extend({
  entity: z.string().trim().max(50).optional(),
  action: z.string().trim().max(50).optional(),
  user: z.string().trim().max(100).optional(),
  orgId: z.coerce.number().int().optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditListResponse = z.object({
  data: z.object({ items: z.array(auditEntryView), total: z.number().int() }),
});

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  organisation: 'Организация',
  class: 'Класс',
  student: 'Обучающиеся',
  user: 'Пользователь',
  expert_group: 'Экспертная группа',
  document: 'Документ',
  academic_year: 'Учебный год',
  session: 'Вход в систему',
  region: 'Регион',
  municipality: 'Муниципалитет',
  demo: 'Демо-данные',
  region_aggregates: 'Региональные показатели ФИС ОКО',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: 'Создание',
  update: 'Изменение',
  delete: 'Удаление',
  login: 'Вход',
  logout: 'Выход',
  password: 'Смена пароля',
  import: 'Загрузка',
  generate: 'Генерация',
};
