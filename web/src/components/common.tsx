import { Alert, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

export function PageHeader(props: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
      <Stack gap={2}>
        <Title order={2}>{props.title}</Title>
        {props.subtitle ? (
          <Text c="dimmed" size="sm" component="div">
            {props.subtitle}
          </Text>
        ) : null}
      </Stack>
      {props.actions ? <Group gap="xs">{props.actions}</Group> : null}
    </Group>
  );
}

export const errorMessage = (error: unknown): string =>
  error instanceof ApiError || error instanceof Error ? error.message : 'Неизвестная ошибка';

export function ErrorAlert({ error, title = 'Ошибка' }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

/** Loading and error states of a query, then the content. */
export function QueryState<T>(props: {
  query: { data: T | undefined; error: unknown; isLoading: boolean };
  children: (data: T) => ReactNode;
}) {
  if (props.query.isLoading) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (props.query.error) return <ErrorAlert error={props.query.error} />;
  if (props.query.data === undefined) return null;
  return <>{props.children(props.query.data)}</>;
}

export const notifySaved = (message = 'Сохранено') =>
  notifications.show({ color: 'green', message, autoClose: 3000 });

export const notifyError = (error: unknown) =>
  notifications.show({
    color: 'red',
    title: 'Ошибка',
    message: errorMessage(error),
    autoClose: 8000,
  });

export const formatDateTime = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('ru-RU', {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—';

export const formatDate = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString('ru-RU') : '—';

export const formatBytes = (n: number) =>
  n < 1024
    ? `${n} Б`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(0)} КБ`
      : `${(n / 1024 / 1024).toFixed(1)} МБ`;
