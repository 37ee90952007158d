import { Anchor, Badge, Button, Card, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { endpoints } from '../../api/endpoints';
import { useSession } from '../../auth/session';
import { PageHeader, QueryState } from '../../components/common';
import { ActiveBadge } from '../../components/registry';
import { ExpertGroupFormModal } from './ExpertGroupFormModal';

export function ExpertGroupsPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const query = useQuery({ queryKey: ['expert-groups'], queryFn: endpoints.expertGroups });
  return (
    <>
      <PageHeader
        title="Экспертные группы"
        subtitle="Состав групп по совершенствованию ВСОКО и курируемые ими образовательные организации"
        actions={
          can('expertGroup.manage') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              Создать группу
            </Button>
          ) : null
        }
      />
      <QueryState query={query}>
        {(groups) =>
          groups.length === 0 ? (
            <Text c="dimmed">Экспертных групп пока нет.</Text>
          ) : (
            <Card withBorder p={0}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Группа</Table.Th>
                    <Table.Th>Предмет</Table.Th>
                    <Table.Th>Руководитель</Table.Th>
                    <Table.Th>Экспертов</Table.Th>
                    <Table.Th>Курируемых ОО</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {groups.map((g) => (
                    <Table.Tr key={g.id}>
                      <Table.Td>
                        <Group gap="xs">
                          <Anchor component={Link} to={`/expert-groups/${g.id}`} fw={500}>
                            {g.name}
                          </Anchor>
                          <ActiveBadge active={g.isActive} />
                        </Group>
                      </Table.Td>
                      <Table.Td>{g.subjectName ?? '—'}</Table.Td>
                      <Table.Td>{g.members.find((m) => m.isLeader)?.fullName ?? '—'}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{g.members.length}</Badge>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="teal">
                          {g.schools.length}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )
        }
      </QueryState>
      {creating ? (
        <ExpertGroupFormModal
          onClose={() => setCreating(false)}
          onSaved={(g) => navigate(`/expert-groups/${g.id}`)}
        />
      ) : null}
    </>
  );
}
