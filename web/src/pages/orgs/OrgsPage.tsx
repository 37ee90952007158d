import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { endpoints } from '../../api/endpoints';
import { useSession } from '../../auth/session';
import { PageHeader, QueryState } from '../../components/common';
import { ActiveBadge, Pager } from '../../components/registry';
import { OrgFormModal } from './OrgFormModal';
import { kindOptions, SORT_OPTIONS } from './orgLabels';

const PAGE_SIZE = 25;

export function OrgsPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ?? '';
  const kind = params.get('kind');
  const sort = params.get('sort') ?? 'number';
  const includeInactive = params.get('inactive') === '1';
  const page = Number(params.get('page') ?? '1') || 1;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if ((params.get('q') ?? '') !== q) update({ q: q || null });
    // The debounced search text is written to the address (and the page reset).
  }, [q]);

  const query = useQuery({
    queryKey: ['orgs', 'list', { category, kind, sort, includeInactive, q, page }],
    queryFn: () =>
      endpoints.orgs({
        category: category || undefined,
        kind: kind ?? undefined,
        sort,
        q: q || undefined,
        includeInactive: includeInactive ? 'true' : undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title="Организации"
        subtitle="Образовательные организации и органы управления в вашей области доступа"
        actions={
          can('org.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              Добавить организацию
            </Button>
          ) : null
        }
      />
      <Card withBorder mb="md">
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Поиск"
            placeholder="Наименование, номер или логин sch…"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={300}
          />
          <SegmentedControl
            value={category}
            onChange={(v) => update({ category: v || null, kind: null })}
            data={[
              { value: '', label: 'Все' },
              { value: 'school', label: 'Школы' },
              { value: 'body', label: 'Органы управления' },
            ]}
          />
          <Select
            label="Вид"
            placeholder="Любой"
            data={kindOptions(category || null)}
            value={kind}
            onChange={(v) => update({ kind: v })}
            clearable
            w={300}
          />
          <Select
            label="Порядок"
            data={SORT_OPTIONS}
            value={sort}
            onChange={(v) => update({ sort: v === 'number' ? null : v })}
            allowDeselect={false}
            w={200}
          />
          <Checkbox
            label="Показывать недействующие"
            checked={includeInactive}
            onChange={(e) => update({ inactive: e.currentTarget.checked ? '1' : null })}
            mb={8}
          />
        </Group>
      </Card>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">Организации не найдены. Измените условия поиска.</Text>
          ) : (
            <Card withBorder p={0}>
              <Table striped highlightOnHover data-testid="orgs-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>№</Table.Th>
                    <Table.Th>Наименование</Table.Th>
                    <Table.Th>Вид</Table.Th>
                    <Table.Th>Логин ФИС ОКО</Table.Th>
                    <Table.Th>Руководитель</Table.Th>
                    <Table.Th>Телефон</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>{o.number ?? '—'}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Anchor component={Link} to={`/orgs/${o.id}`} fw={500}>
                            {o.shortName}
                          </Anchor>
                          <ActiveBadge active={o.isActive} />
                        </Group>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {o.fullName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{o.kindLabel}</Text>
                      </Table.Td>
                      <Table.Td>{o.fisLogin ?? '—'}</Table.Td>
                      <Table.Td>{o.directorName ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.phone ?? '—'}</Table.Td>
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
          onChange={(p) => update({ page: p > 1 ? String(p) : null })}
          noun="организаций"
        />
      ) : null}
      {creating ? (
        <OrgFormModal
          onClose={() => setCreating(false)}
          onSaved={(org) => navigate(`/orgs/${org.id}`)}
        />
      ) : null}
    </>
  );
}
