import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Stack align="flex-start">
      <Title order={2}>Страница не найдена</Title>
      <Text c="dimmed">Такого раздела нет или он вам недоступен.</Text>
      <Button component={Link} to="/">
        На главную
      </Button>
    </Stack>
  );
}
