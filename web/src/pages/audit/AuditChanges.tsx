import { Code, Table, Text } from '@mantine/core';

/** Russian names of the fields that appear in audit entries. */
const FIELD_LABELS: Record<string, string> = {
  kind: 'Вид',
  fisLogin: 'Логин ФИС ОКО',
  number: 'Номер',
  fullName: 'Наименование / ФИО',
  shortName: 'Краткое наименование',
  address: 'Адрес',
  directorName: 'Руководитель',
  phone: 'Телефон',
  email: 'Электронная почта',
  website: 'Сайт',
  isActive: 'Действует',
  position: 'Должность',
  workplaceOrgId: 'Место работы (код)',
  assignments: 'Роли',
  login: 'Логин',
  name: 'Название',
  members: 'Эксперты',
  schools: 'Курируемые ОО',
  parallel: 'Параллель',
  letter: 'Литера',
  profile: 'Профиль',
  studentCount: 'Число обучающихся',
  title: 'Название',
  fileName: 'Файл',
  version: 'Версия',
  sha256: 'Контрольная сумма (SHA-256)',
  mimeType: 'Тип файла',
  sizeBytes: 'Размер, байт',
  description: 'Описание',
  codes: 'Коды',
  created: 'Добавлено',
  existing: 'Уже были',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.join(', ');
  }
  return JSON.stringify(value);
}

/** Before → after of one audit entry, field by field; changed fields are highlighted. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null && after === null) return <Text size="sm">Подробностей нет.</Text>;
    return <Code block>{JSON.stringify({ было: before, стало: after }, null, 2)}</Code>;
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !['passwordHash', 'createdAt', 'updatedAt'].includes(k),
  );
  return (
    <Table withTableBorder fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={220}>Поле</Table.Th>
          <Table.Th>Было</Table.Th>
          <Table.Th>Стало</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => {
          const changed = JSON.stringify(b[k]) !== JSON.stringify(a[k]);
          return (
            <Table.Tr key={k} bg={changed ? 'yellow.0' : undefined}>
              <Table.Td>{FIELD_LABELS[k] ?? k}</Table.Td>
              <Table.Td c="dimmed" style={{ wordBreak: 'break-word' }}>
                {show(b[k])}
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>{show(a[k])}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
