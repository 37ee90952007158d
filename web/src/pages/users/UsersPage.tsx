import { Anchor, Badge, Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ROLE_LABELS, ROLES } from '../../../../src/core/access/roles';
import { endpoints } from '../../api/endpoints';
import { useSession } from '../../auth/session';
import { formatDateTime, PageHeader, QueryState } from '../../components/common';
import { Pager, useOrgOptions } from '../../components/registry';
import { AssignmentBadges } from './roleLabels';
import { CreateUserModal } from './userForms';

const PAGE_SIZE = 25;

export function UsersPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const { options } = useOrgOptions();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: ['users', 'list', { q, role, orgId, page }],
    queryFn: () =>
      endpoints.users({
        q: q || undefined,
        role: role ?? undefined,
        orgId: orgId ?? undefined,
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
      <PageHeader
        title="Пользователи и роли"
        subtitle="Учётные записи, роли и области доступа"
        actions={
          can('user.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              Добавить пользователя
            </Button>
          ) : null
        }
      />
      <Card withBorder mb="md">
        <Group align="flex-end">
          <TextInput
            label="Поиск"
            placeholder="ФИО или логин"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            w={280}
          />
          <Select
            label="Роль"
            placeholder="Любая"
            data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            value={role}
            onChange={filter(setRole)}
            clearable
            w={280}
          />
          <Select
            label="Место работы"
            placeholder="Любое"
            data={options}
            value={orgId}
            onChange={filter(setOrgId)}
            searchable
            clearable
            w={260}
          />
        </Group>
      </Card>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">Пользователи не найдены.</Text>
          ) : (
            <Card withBorder p={0}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>ФИО</Table.Th>
                    <Table.Th>Логин</Table.Th>
                    <Table.Th>Место работы</Table.Th>
                    <Table.Th>Роли</Table.Th>
                    <Table.Th>Последний вход</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Anchor component={Link} to={`/users/${u.id}`} fw={500} size="sm">
                            {u.fullName}
                          </Anchor>
                          {u.isActive ? null : (
                            <Badge color="red" variant="light" size="sm">
                              заблокирован
                            </Badge>
                          )}
                        </Group>
                        {u.position ? (
                          <Text size="xs" c="dimmed">
                            {u.position}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td ff="monospace">{u.login}</Table.Td>
                      <Table.Td>{u.workplaceName ?? '—'}</Table.Td>
                      <Table.Td>
                        <AssignmentBadges assignments={u.assignments} />
                      </Table.Td>
                      <Table.Td>{formatDateTime(u.lastLoginAt)}</Table.Td>
                    </Table.Tr>
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
          noun="пользователей"
        />
      ) : null}
      {creating ? (
        <CreateUserModal
          onClose={() => setCreating(false)}
          onSaved={(u) => navigate(`/users/${u.id}`)}
        />
      ) : null}
    </>
  );
}
