import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconKey, IconLock, IconLockOpen, IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { UserView } from '../../../../src/shared/users';
import { endpoints } from '../../api/endpoints';
import { canAt } from '../../auth/access';
import { useRequiredSession } from '../../auth/session';
import {
  ErrorAlert,
  formatDateTime,
  notifyError,
  notifySaved,
  PageHeader,
  QueryState,
} from '../../components/common';
import {
  AssignmentsEditor,
  assignmentsBody,
  draftsOf,
  type AssignmentDraft,
} from './AssignmentsEditor';
import { scopeText } from './roleLabels';
import { EditUserModal, ResetPasswordModal } from './userForms';

export function UserPage() {
  const id = Number(useParams().id);
  const query = useQuery({ queryKey: ['user', id], queryFn: () => endpoints.user(id) });
  return <QueryState query={query}>{(u) => <UserCard key={u.id} user={u} />}</QueryState>;
}

function Row({ label, value }: { label: string; value: string | null }) {
  return (
    <Table.Tr>
      <Table.Th w={180}>{label}</Table.Th>
      <Table.Td>{value || '—'}</Table.Td>
    </Table.Tr>
  );
}

function RolesCard({ user, manage }: { user: UserView; manage: boolean }) {
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [drafts, setDrafts] = useState<AssignmentDraft[]>(draftsOf(user.assignments));
  const self = user.id === session.user.id;
  const save = useMutation({
    mutationFn: () =>
      endpoints.setAssignments(user.id, {
        assignments: assignmentsBody(drafts, user.municipalityId),
      }),
    onSuccess: async (u) => {
      notifySaved('Роли сохранены; пользователю нужно войти заново');
      queryClient.setQueryData(['user', user.id], u);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      setEditing(false);
    },
  });
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>Роли и области доступа</Title>
        {manage && !self && !editing ? (
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              setDrafts(draftsOf(user.assignments));
              setEditing(true);
            }}
          >
            Изменить роли
          </Button>
        ) : null}
      </Group>
      {editing ? (
        <Stack>
          <ErrorAlert error={save.error} />
          <AssignmentsEditor
            municipalityId={user.municipalityId}
            value={drafts}
            onChange={setDrafts}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(false)}>
              Отмена
            </Button>
            <Button loading={save.isPending} onClick={() => save.mutate()}>
              Сохранить роли
            </Button>
          </Group>
        </Stack>
      ) : user.assignments.length ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Роль</Table.Th>
              <Table.Th>Область</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {user.assignments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.roleLabel}</Table.Td>
                <Table.Td>{scopeText(a)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed">Ролей нет.</Text>
      )}
      {self ? (
        <Text size="xs" c="dimmed" mt="sm">
          Собственные роли меняет другой администратор.
        </Text>
      ) : null}
    </Card>
  );
}

function UserCard({ user }: { user: UserView }) {
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState(false);
  const manage = canAt(session, 'user.manage', {
    orgId: user.workplaceOrgId,
    municipalityId: user.municipalityId,
  });
  const self = user.id === session.user.id;
  const toggle = useMutation({
    mutationFn: () => endpoints.updateUser(user.id, { isActive: !user.isActive }),
    onSuccess: async (u) => {
      notifySaved(u.isActive ? 'Учётная запись разблокирована' : 'Учётная запись заблокирована');
      queryClient.setQueryData(['user', user.id], u);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: notifyError,
  });
  return (
    <>
      <Anchor component={Link} to="/users" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Пользователи и роли
        </Group>
      </Anchor>
      <PageHeader
        title={user.fullName}
        subtitle={
          <Group gap="xs" component="span">
            <Badge variant="outline" tt="none">
              {user.login}
            </Badge>
            {user.isActive ? null : (
              <Badge color="red" variant="light">
                заблокирован
              </Badge>
            )}
          </Group>
        }
        actions={
          manage ? (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setEditing(true)}
              >
                Изменить
              </Button>
              <Button
                variant="default"
                leftSection={<IconKey size={16} />}
                onClick={() => setPassword(true)}
              >
                Задать пароль
              </Button>
              {self ? null : (
                <Button
                  color={user.isActive ? 'red' : 'green'}
                  variant="light"
                  leftSection={user.isActive ? <IconLock size={16} /> : <IconLockOpen size={16} />}
                  loading={toggle.isPending}
                  onClick={() => toggle.mutate()}
                >
                  {user.isActive ? 'Заблокировать' : 'Разблокировать'}
                </Button>
              )}
            </>
          ) : null
        }
      />
      {user.isActive ? null : (
        <Alert color="red" variant="light" mb="md">
          Учётная запись заблокирована: пользователь не может войти в систему.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="sm">
            Сведения
          </Title>
          <Table>
            <Table.Tbody>
              <Row label="Должность" value={user.position} />
              <Row label="Место работы" value={user.workplaceName} />
              <Row label="Электронная почта" value={user.email} />
              <Row label="Телефон" value={user.phone} />
              <Row label="Последний вход" value={formatDateTime(user.lastLoginAt)} />
              <Row
                label="Пароль"
                value={user.mustChangePassword ? 'временный, нужно сменить при входе' : 'задан'}
              />
            </Table.Tbody>
          </Table>
        </Card>
        <RolesCard user={user} manage={manage} />
      </SimpleGrid>
      {editing ? <EditUserModal user={user} onClose={() => setEditing(false)} /> : null}
      {password ? <ResetPasswordModal user={user} onClose={() => setPassword(false)} /> : null}
    </>
  );
}
