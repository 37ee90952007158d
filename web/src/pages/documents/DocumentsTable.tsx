import { Anchor, Badge, Card, Group, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DocumentView } from '../../../../src/shared/documents';
import { endpoints } from '../../api/endpoints';
import { formatBytes, formatDateTime } from '../../components/common';

export function DocumentsTable(props: { docs: DocumentView[]; showOrg: boolean }) {
  if (!props.docs.length) return <Text c="dimmed">Документов нет.</Text>;
  return (
    <Card withBorder p={0}>
      <Table striped highlightOnHover data-testid="documents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Документ</Table.Th>
            <Table.Th>Вид</Table.Th>
            {props.showOrg ? <Table.Th>Организация</Table.Th> : null}
            <Table.Th>Файл</Table.Th>
            <Table.Th>Загружен</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.docs.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {d.title}
                  </Text>
                  {d.version > 1 ? (
                    <Badge size="sm" variant="light">
                      версия {d.version}
                    </Badge>
                  ) : null}
                  {d.isCurrent ? null : (
                    <Badge size="sm" color="gray" variant="light">
                      заменён
                    </Badge>
                  )}
                </Group>
                {d.description ? (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {d.description}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{d.kindLabel}</Table.Td>
              {props.showOrg ? (
                <Table.Td>
                  <Anchor component={Link} to={`/orgs/${d.orgId}`} size="sm">
                    {d.orgName}
                  </Anchor>
                </Table.Td>
              ) : null}
              <Table.Td>
                <Anchor href={endpoints.documentFileUrl(d.id)} size="sm" download={d.fileName}>
                  <Group gap={4} wrap="nowrap">
                    <IconDownload size={14} />
                    {d.fileName}
                  </Group>
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatBytes(d.sizeBytes)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(d.uploadedAt)}</Text>
                <Text size="xs" c="dimmed">
                  {d.uploadedByName ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
