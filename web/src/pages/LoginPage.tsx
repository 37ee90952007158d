import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { endpoints } from '../api/endpoints';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../components/common';

const DEMO_LOGINS: [string, string][] = [
  ['admin', 'администратор района'],
  ['imc', 'методист ИМЦ (специалист района)'],
  ['school212', 'заместитель директора по УВР школы № 212'],
  ['expert1', 'эксперт экспертной группы № 1'],
  ['teacher212', 'учитель школы № 212'],
  ['observer', 'общественный наблюдатель'],
  ['head', 'начальник отдела образования (просмотр)'],
];

export function LoginPage() {
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const meta = useQuery({ queryKey: ['meta'], queryFn: endpoints.meta, staleTime: Infinity });
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to="/" replace />;
  if (meta.data?.setupRequired) return <Navigate to="/setup" replace />;
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(login, password);
      navigate(from, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack w={420} gap="md">
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form onSubmit={(e) => void submit(e)}>
            <Stack>
              <div>
                <Title order={2}>Объективная ВСОКО</Title>
                <Text c="dimmed" size="sm">
                  Вход для сотрудников района и образовательных организаций
                </Text>
              </div>
              <ErrorAlert error={error} title="Не удалось войти" />
              <TextInput
                label="Логин"
                value={login}
                onChange={(e) => setLogin(e.currentTarget.value)}
                autoComplete="username"
                required
                autoFocus
              />
              <PasswordInput
                label="Пароль"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="current-password"
                required
              />
              <Button type="submit" loading={busy}>
                Войти
              </Button>
            </Stack>
          </form>
        </Paper>
        {meta.data?.demo ? (
          <Alert color="orange" title="Демонстрационный режим">
            <Text size="sm" mb="xs">
              Данные смоделированы. Пароль всех учётных записей: <b>vsoko-demo</b>
            </Text>
            <Table fz="sm" verticalSpacing={2}>
              <Table.Tbody>
                {DEMO_LOGINS.map(([l, who]) => (
                  <Table.Tr key={l}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => {
                          setLogin(l);
                          setPassword('vsoko-demo');
                        }}
                      >
                        {l}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{who}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Alert>
        ) : null}
      </Stack>
    </Center>
  );
}
