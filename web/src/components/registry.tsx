import { Badge, Group, Pagination, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints';
import type { OrgView } from '../../../src/shared/orgs';

/** Pages under a table with the number of records. */
export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  onChange(page: number): void;
  noun?: string;
}) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" data-testid="total">
        Всего {props.noun ? `${props.noun}: ` : ''}
        {props.total}
      </Text>
      {pages > 1 ? (
        <Pagination total={pages} value={props.page} onChange={props.onChange} size="sm" />
      ) : null}
    </Group>
  );
}

export function ActiveBadge({ active, off = 'Не действует' }: { active: boolean; off?: string }) {
  return active ? null : (
    <Badge color="gray" variant="light">
      {off}
    </Badge>
  );
}

/** Organisations of the caller's area for selectors (schools, bodies or both), by short name. */
export function useOrgOptions(category?: 'school' | 'body', enabled = true) {
  const query = useQuery({
    queryKey: ['orgs', 'options', category ?? 'all'],
    queryFn: () => endpoints.orgs({ category, pageSize: 500, sort: 'number' }),
    enabled,
    staleTime: 60_000,
  });
  const items: OrgView[] = query.data?.items ?? [];
  return {
    orgs: items,
    options: items.map((o) => ({ value: String(o.id), label: o.shortName })),
    loading: query.isLoading,
  };
}

/** The value of a Mantine Select as a number, or null. */
export const numberOrNull = (v: string | null): number | null => (v ? Number(v) : null);
