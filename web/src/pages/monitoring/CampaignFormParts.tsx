import { Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { DocumentView } from '../../../../src/shared/documents';
import { endpoints } from '../../api/endpoints';
import { DocumentUpload } from './DocumentUpload';

/**
 * The regulation of a campaign as a registry document of a district body (УО, ИМЦ, ЦОКО) of the
 * municipality, with upload of a new one.
 */
export function RegulationPicker({
  municipalityId,
  value,
  onChange,
}: {
  municipalityId: number;
  value: string | null;
  onChange: (id: string | null, doc: DocumentView | null) => void;
}) {
  const bodies = useQuery({
    queryKey: ['orgs', 'bodies', municipalityId],
    queryFn: () => endpoints.orgs({ category: 'body', municipalityId, pageSize: 100 }),
  });
  const bodyIds = (bodies.data?.items ?? []).map((o) => o.id);
  const docs = useQuery({
    queryKey: ['documents', 'regulations', municipalityId],
    queryFn: () => endpoints.documents({}),
  });
  const options = (docs.data ?? []).filter((d) => bodyIds.includes(d.orgId));
  const uploadTo = bodyIds[0];
  return (
    <Group align="flex-end">
      <Select
        style={{ flex: 1 }}
        label="Документ-регламент из реестра"
        description="Приказы и положения органов управления образованием муниципалитета"
        clearable
        searchable
        placeholder={
          options.length ? 'Выберите документ' : 'В реестре нет документов УО, ИМЦ, ЦОКО'
        }
        data={options.map((d) => ({
          value: String(d.id),
          label: `${d.title} — ${d.orgName}, ${d.kindLabel}, версия ${d.version}`,
        }))}
        value={value}
        onChange={(v) => onChange(v, options.find((d) => String(d.id) === v) ?? null)}
      />
      {uploadTo ? (
        <DocumentUpload
          orgId={uploadTo}
          label="Загрузить новый"
          defaultKind="order"
          onUploaded={async (doc) => {
            await docs.refetch();
            onChange(String(doc.id), doc);
          }}
        />
      ) : null}
    </Group>
  );
}

/**
 * The expert group of each chosen school: «автоматически» (the active supervising group with an
 * expert working elsewhere) or one of the groups supervising the school. The server refuses a
 * group without an outside expert: an expert never assesses their own school.
 */
export function GroupChoice({
  municipalityId,
  orgIds,
  orgName,
  value,
  onChange,
}: {
  municipalityId: number;
  orgIds: string[];
  orgName: (id: string) => string;
  value: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
}) {
  const groups = useQuery({ queryKey: ['expert-groups'], queryFn: endpoints.expertGroups });
  if (!orgIds.length) return null;
  const active = (groups.data ?? []).filter(
    (g) => g.isActive && g.municipalityId === municipalityId,
  );
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Экспертная группа по каждой ОО
      </Text>
      <Table fz="sm" withTableBorder>
        <Table.Tbody>
          {orgIds.map((id) => {
            const supervising = active.filter((g) => g.schools.some((s) => String(s.orgId) === id));
            return (
              <Table.Tr key={id}>
                <Table.Td>{orgName(id)}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`Экспертная группа: ${orgName(id)}`}
                    data={[
                      { value: '', label: 'Автоматически (курирующая, эксперт из другой ОО)' },
                      ...supervising.map((g) => ({
                        value: String(g.id),
                        label: g.members.every((m) => String(m.workplaceOrgId) === id)
                          ? `${g.name} (все эксперты работают в этой ОО)`
                          : g.name,
                      })),
                    ]}
                    value={value[id] ?? ''}
                    onChange={(v) => onChange({ ...value, [id]: v ?? '' })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
