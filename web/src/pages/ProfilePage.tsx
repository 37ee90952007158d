import {
  Alert,
  Button,
  Card,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { endpoints } from '../api/endpoints';
import { useRequiredSession, useSession } from '../auth/session';
import { ErrorAlert, notifySaved, PageHeader } from '../components/common';

export function ProfilePage() {
  const session = useRequiredSession();
  const { refresh } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) {
      setError(new Error('Новый пароль и повтор не совпадают'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await endpoints.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      notifySaved('Пароль изменён');
      await refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Профиль" subtitle={`${session.user.fullName} · ${session.user.login}`} />
      {session.user.mustChangePassword ? (
        <Alert color="orange" mb="md" title="Смените пароль">
          Администратор выдал вам временный пароль. Задайте собственный, чтобы продолжить работу.
        </Alert>
      ) : null}
      <Group align="flex-start" grow>
        <Card withBorder>
          <Title order={4} mb="sm">
            Роли и области доступа
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Роль</Table.Th>
                <Table.Th>Область</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {session.assignments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.roleLabel}</Table.Td>
                  <Table.Td>
                    {a.scopeKind === 'municipality' ? a.municipalityName : a.orgNames.join(', ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {session.user.workplaceName ? (
            <Text size="sm" c="dimmed" mt="sm">
              Место работы: {session.user.workplaceName}
            </Text>
          ) : null}
        </Card>
        <Card withBorder>
          <form onSubmit={(e) => void submit(e)}>
            <Stack>
              <Title order={4}>Смена пароля</Title>
              <ErrorAlert error={error} />
              <PasswordInput
                label="Текущий пароль"
                value={current}
                onChange={(e) => setCurrent(e.currentTarget.value)}
                autoComplete="current-password"
                required
              />
              <PasswordInput
                label="Новый пароль"
                description="Не менее 8 символов"
                value={next}
                onChange={(e) => setNext(e.currentTarget.value)}
                autoComplete="new-password"
                required
              />
              <PasswordInput
                label="Повторите новый пароль"
                value={repeat}
                onChange={(e) => setRepeat(e.currentTarget.value)}
                autoComplete="new-password"
                required
              />
              <Button type="submit" loading={busy}>
                Сменить пароль
              </Button>
            </Stack>
          </form>
        </Card>
      </Group>
    </>
  );
}
