import { Anchor, Badge, Button, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ExpertGroupView } from '../../../../src/shared/expertGroups';
import { endpoints } from '../../api/endpoints';
import { canAt } from '../../auth/access';
import { useRequiredSession, useSession } from '../../auth/session';
import { PageHeader, QueryState } from '../../components/common';
import { ActiveBadge } from '../../components/registry';
import { ExpertGroupFormModal } from './ExpertGroupFormModal';

export function ExpertGroupPage() {
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: ['expert-group', id],
    queryFn: () => endpoints.expertGroup(id),
  });
  return <QueryState query={query}>{(g) => <GroupCard group={g} />}</QueryState>;
}

function GroupCard({ group }: { group: ExpertGroupView }) {
  const session = useRequiredSession();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const manage = canAt(session, 'expertGroup.manage', {
    orgId: null,
    municipalityId: group.municipalityId,
  });
  return (
    <>
      <Anchor component={Link} to="/expert-groups" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Экспертные группы
        </Group>
      </Anchor>
      <PageHeader
        title={group.name}
        subtitle={
          <Group gap="xs" component="span">
            {group.subjectName ? <Badge variant="light">{group.subjectName}</Badge> : null}
            <ActiveBadge active={group.isActive} />
          </Group>
        }
        actions={
          manage ? (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
            >
              Изменить
            </Button>
          ) : null
        }
      />
      {group.description ? (
        <Text size="sm" mb="md">
          {group.description}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="sm">
            Эксперты ({group.members.length})
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>ФИО</Table.Th>
                <Table.Th>Место работы</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.members.map((m) => (
                <Table.Tr key={m.userId}>
                  <Table.Td>
                    <Group gap="xs">
                      {can('user.read') ? (
                        <Anchor component={Link} to={`/users/${m.userId}`} size="sm">
                          {m.fullName}
                        </Anchor>
                      ) : (
                        <Text size="sm">{m.fullName}</Text>
                      )}
                      {m.isLeader ? (
                        <Badge size="sm" color="grape">
                          руководитель
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{m.workplaceName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {group.members.length === 0 ? <Text c="dimmed">Эксперты не назначены.</Text> : null}
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">
            Курируемые ОО ({group.schools.length})
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>ОО</Table.Th>
                <Table.Th>Логин ФИС ОКО</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.schools.map((s) => (
                <Table.Tr key={s.orgId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/orgs/${s.orgId}`} size="sm">
                      {s.shortName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.fisLogin ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {group.schools.length === 0 ? <Text c="dimmed">Школы не закреплены.</Text> : null}
        </Card>
      </SimpleGrid>
      {editing ? <ExpertGroupFormModal group={group} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
