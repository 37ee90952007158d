import { Card, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { endpoints } from '../api/endpoints';
import { useRequiredSession, useSession } from '../auth/session';
import { PageHeader } from '../components/common';
import { NAV } from '../nav';
import { RemindersCard } from './plans/RemindersCard';

function Stat({ label, value }: { label: string; value: number | undefined }) {
  return (
    <Card withBorder padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Title order={2}>{value ?? '…'}</Title>
    </Card>
  );
}

export function HomePage() {
  const session = useRequiredSession();
  const { can } = useSession();
  const schools = useQuery({
    queryKey: ['orgs', 'count', 'school'],
    queryFn: () => endpoints.orgs({ category: 'school', pageSize: 1 }),
    enabled: can('org.read'),
  });
  const users = useQuery({
    queryKey: ['users', 'count'],
    queryFn: () => endpoints.users({ pageSize: 1 }),
    enabled: can('user.read'),
  });
  const groups = useQuery({
    queryKey: ['expert-groups'],
    queryFn: endpoints.expertGroups,
    enabled: can('expertGroup.read'),
  });
  const sections = NAV.filter((i) => i.path !== '/' && (!i.permission || can(i.permission)));
  const scope = session.assignments
    .map((a) =>
      a.scopeKind === 'municipality'
        ? `${a.roleLabel}: ${a.municipalityName}`
        : `${a.roleLabel}: ${a.orgNames.join(', ')}`,
    )
    .join('; ');

  return (
    <Stack>
      <PageHeader title={`Здравствуйте, ${session.user.fullName}`} subtitle={scope} />
      <RemindersCard />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {can('org.read') ? (
          <Stat label="Образовательных организаций" value={schools.data?.total} />
        ) : null}
        {can('user.read') ? <Stat label="Пользователей" value={users.data?.total} /> : null}
        {can('expertGroup.read') ? (
          <Stat label="Экспертных групп" value={groups.data?.length} />
        ) : null}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {sections.map((s) => (
          <Card key={s.path} withBorder component={Link} to={s.path} padding="lg">
            <ThemeIcon variant="light" size="lg" mb="sm">
              {s.icon}
            </ThemeIcon>
            <Text fw={600}>{s.label}</Text>
            <Text size="sm" c="dimmed">
              {s.description}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
