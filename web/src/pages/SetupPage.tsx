import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { endpoints } from '../api/endpoints';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../components/common';

/** One-time setup of a production installation: region, municipality, first administrator. */
export function SetupPage() {
  const meta = useQuery({ queryKey: ['meta'], queryFn: endpoints.meta });
  const { signIn } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    setupToken: '',
    regionCode: '',
    regionName: '',
    municipalityName: '',
    login: '',
    fullName: '',
    password: '',
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (meta.data && !meta.data.setupRequired) return <Navigate to="/login" replace />;

  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      setForm({ ...form, [key]: e.currentTarget.value }),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await endpoints.setup(form);
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
      await signIn(form.login, form.password);
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={520}>
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Title order={2}>Первоначальная настройка</Title>
            <Text size="sm" c="dimmed">
              В системе ещё нет пользователей. Укажите регион и муниципалитет и создайте первого
              администратора района. Код установки напечатан в журнале сервера при запуске.
            </Text>
            <ErrorAlert error={error} />
            <TextInput label="Код установки" required {...field('setupToken')} />
            <TextInput
              label="Код региона"
              description="Например, 78"
              required
              {...field('regionCode')}
            />
            <TextInput label="Регион" required {...field('regionName')} />
            <TextInput label="Муниципалитет (район)" required {...field('municipalityName')} />
            <TextInput label="Логин администратора" required {...field('login')} />
            <TextInput label="ФИО администратора" required {...field('fullName')} />
            <PasswordInput label="Пароль (не менее 8 символов)" required {...field('password')} />
            <Button type="submit" loading={busy}>
              Создать и войти
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
