import { ActionIcon, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  type AuditEntryView,
} from '../../../../src/shared/audit';
import { endpoints } from '../../api/endpoints';
import { formatDateTime, PageHeader, QueryState } from '../../components/common';
import { Pager, useOrgOptions } from '../../components/registry';
import { AuditChanges } from './AuditChanges';

const PAGE_SIZE = 50;
const ACTION_COLORS: Record<string, string> = {
  create: 'green.8',
  update: 'blue.8',
  delete: 'red.8',
  import: 'grape.8',
  password: 'orange.8',
};

const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

function EntryRow({ entry }: { entry: AuditEntryView }) {
  const [open, setOpen] = useState(false);
  const hasDetails = entry.before !== null || entry.after !== null;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td w={36}>
          {hasDetails ? (
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label="Подробности"
              onClick={() => setOpen((v) => !v)}
            >
              {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            </ActionIcon>
          ) : null}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
        <Table.Td ff="monospace">{entry.userLogin}</Table.Td>
        <Table.Td>
          <Text size="sm" fw={500} c={ACTION_COLORS[entry.action] ?? 'dimmed'}>
            {AUDIT_ACTION_LABELS[entry.action] ?? entry.action}
          </Text>
        </Table.Td>
        <Table.Td>{AUDIT_ENTITY_LABELS[entry.entity] ?? entry.entity}</Table.Td>
        <Table.Td>{entry.orgName ?? '—'}</Table.Td>
        <Table.Td>{entry.summary}</Table.Td>
      </Table.Tr>
      {hasDetails && open ? (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={6}>
            <AuditChanges before={entry.before} after={entry.after} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </Fragment>
  );
}

export function AuditPage() {
  const { options } = useOrgOptions();
  const [entity, setEntity] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [userText, setUserText] = useState('');
  const [user] = useDebouncedValue(userText.trim(), 300);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['audit', { entity, action, orgId, user, from, to, page }],
    queryFn: () =>
      endpoints.audit({
        entity: entity ?? undefined,
        action: action ?? undefined,
        orgId: orgId ?? undefined,
        user: user || undefined,
        from: from || undefined,
        to: to || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <>
      <PageHeader title="Журнал изменений" subtitle="Кто, когда и что изменил: было → стало" />
      <Card withBorder mb="md">
        <Group align="flex-end" gap="sm">
          <Select
            label="Объект"
            placeholder="Любой"
            data={toOptions(AUDIT_ENTITY_LABELS)}
            value={entity}
            onChange={filter(setEntity)}
            clearable
            w={200}
          />
          <Select
            label="Действие"
            placeholder="Любое"
            data={toOptions(AUDIT_ACTION_LABELS)}
            value={action}
            onChange={filter(setAction)}
            clearable
            w={170}
          />
          <Select
            label="Организация"
            placeholder="Любая"
            data={options}
            value={orgId}
            onChange={filter(setOrgId)}
            searchable
            clearable
            w={220}
          />
          <TextInput
            label="Пользователь"
            placeholder="логин"
            value={userText}
            onChange={(e) => filter(setUserText)(e.currentTarget.value)}
            w={150}
          />
          <TextInput
            label="С даты"
            type="date"
            value={from}
            onChange={(e) => filter(setFrom)(e.currentTarget.value)}
            w={160}
          />
          <TextInput
            label="По дату"
            type="date"
            value={to}
            onChange={(e) => filter(setTo)(e.currentTarget.value)}
            w={160}
          />
        </Group>
      </Card>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">Записей нет.</Text>
          ) : (
            <Card withBorder p={0}>
              <Table data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th>Когда</Table.Th>
                    <Table.Th>Кто</Table.Th>
                    <Table.Th>Действие</Table.Th>
                    <Table.Th>Объект</Table.Th>
                    <Table.Th>Организация</Table.Th>
                    <Table.Th>Что</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((e) => (
                    <EntryRow key={e.id} entry={e} />
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )
        }
      </QueryState>
      {query.data ? (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={query.data.total}
          onChange={setPage}
          noun="записей"
        />
      ) : null}
    </>
  );
}
