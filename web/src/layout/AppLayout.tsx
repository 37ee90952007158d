import {
  AppShell,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { endpoints } from '../api/endpoints';
import { useRequiredSession, useSession } from '../auth/session';
import { NAV, type NavItem } from '../nav';
import { ReminderBell } from '../pages/plans/ReminderBell';

export function AppLayout() {
  const [opened, { toggle }] = useDisclosure();
  const session = useRequiredSession();
  const { can, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const meta = useQuery({ queryKey: ['meta'], queryFn: endpoints.meta, staleTime: Infinity });

  if (session.user.mustChangePassword && location.pathname !== '/profile') {
    return <Navigate to="/profile" replace />;
  }
  const items = NAV.filter((i) => !i.permission || can(i.permission));
  const groups = [...new Set(items.map((i) => i.group))];
  const isActive = (i: NavItem) =>
    i.path === '/' ? location.pathname === '/' : location.pathname.startsWith(i.path);
  const municipality = session.assignments[0]?.municipalityName;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
            <Text fw={700} component={Link} to="/" c="blue.8" style={{ textDecoration: 'none' }}>
              Объективная ВСОКО
            </Text>
            {municipality ? (
              <Text c="dimmed" size="sm" visibleFrom="md">
                {municipality}
              </Text>
            ) : null}
            {meta.data?.demo ? (
              <Tooltip
                label="Все организации, пользователи и результаты в этой базе смоделированы для демонстрации"
                multiline
                w={280}
              >
                <Badge color="orange" variant="filled" data-testid="demo-badge">
                  Демо-данные
                </Badge>
              </Tooltip>
            ) : null}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ReminderBell />
            <Menu position="bottom-end" width={280}>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu">
                  <Group gap={6} wrap="nowrap">
                    <Stack gap={0} align="flex-end">
                      <Text size="sm" fw={500}>
                        {session.user.fullName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {session.assignments.map((a) => a.roleLabel).join(', ') || 'без ролей'}
                      </Text>
                    </Stack>
                    <IconChevronDown size={16} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{session.user.workplaceName ?? session.user.login}</Menu.Label>
                <Menu.Item leftSection={<IconKey size={16} />} component={Link} to="/profile">
                  Профиль и пароль
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  color="red"
                  onClick={() => void signOut().then(() => navigate('/login'))}
                >
                  Выйти
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          {groups.map((g) => (
            <Stack key={g} gap={0} mb="sm">
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" py={4}>
                {g}
              </Text>
              {items
                .filter((i) => i.group === g)
                .map((i) => (
                  <NavLink
                    key={i.path}
                    component={Link}
                    to={i.path}
                    label={i.label}
                    leftSection={i.icon}
                    active={isActive(i)}
                    onClick={() => opened && toggle()}
                  />
                ))}
            </Stack>
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
