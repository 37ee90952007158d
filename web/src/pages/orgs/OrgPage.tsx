import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { OrgView } from '../../../../src/shared/orgs';
import { endpoints } from '../../api/endpoints';
import { canAt } from '../../auth/access';
import { useRequiredSession, useSession } from '../../auth/session';
import { formatDateTime, PageHeader, QueryState } from '../../components/common';
import { ActiveBadge } from '../../components/registry';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { ClassesTab } from './ClassesTab';
import { OrgFormModal } from './OrgFormModal';
import { StudentsTab } from './StudentsTab';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </Stack>
  );
}

function Details({ org }: { org: OrgView }) {
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Field label="Полное наименование">{org.fullName}</Field>
        <Field label="Вид">{org.kindLabel}</Field>
        <Field label="Муниципалитет">{org.municipalityName}</Field>
        {org.category === 'school' ? (
          <>
            <Field label="Номер">{org.number}</Field>
            <Field label="Логин ФИС ОКО">{org.fisLogin}</Field>
          </>
        ) : null}
        <Field label="Адрес">{org.address}</Field>
        <Field label="Руководитель">{org.directorName}</Field>
        <Field label="Телефон">{org.phone}</Field>
        <Field label="Электронная почта">{org.email}</Field>
        <Field label="Сайт">
          {org.website ? (
            <Anchor href={org.website} target="_blank" rel="noreferrer">
              {org.website}
            </Anchor>
          ) : null}
        </Field>
        <Field label="Изменено">{formatDateTime(org.updatedAt)}</Field>
      </SimpleGrid>
    </Card>
  );
}

export function OrgPage() {
  const id = Number(useParams().id);
  const query = useQuery({ queryKey: ['org', id], queryFn: () => endpoints.org(id) });
  return <QueryState query={query}>{(org) => <OrgCard org={org} />}</QueryState>;
}

function OrgCard({ org }: { org: OrgView }) {
  const session = useRequiredSession();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const target = { orgId: org.id, municipalityId: org.municipalityId };
  const isSchool = org.category === 'school';
  const tabs = [
    { value: 'details', label: 'Сведения', show: true },
    { value: 'classes', label: 'Классы', show: isSchool && can('class.read') },
    { value: 'students', label: 'Коды обучающихся', show: isSchool && can('student.read') },
    { value: 'documents', label: 'Документы', show: can('document.read') },
  ].filter((t) => t.show);

  return (
    <>
      <Anchor component={Link} to="/orgs" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Организации
        </Group>
      </Anchor>
      <PageHeader
        title={org.shortName}
        subtitle={
          <Group gap="xs" component="span">
            <Badge variant="light" tt="none">
              {org.kindLabel}
            </Badge>
            {org.fisLogin ? (
              <Badge variant="outline" tt="none">
                {org.fisLogin}
              </Badge>
            ) : null}
            <ActiveBadge active={org.isActive} />
          </Group>
        }
        actions={
          canAt(session, 'org.manage', target) ? (
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
      <Tabs defaultValue="details" keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="details">
          <Details org={org} />
        </Tabs.Panel>
        <Tabs.Panel value="classes">
          <ClassesTab org={org} />
        </Tabs.Panel>
        <Tabs.Panel value="students">
          <StudentsTab org={org} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <DocumentsPanel org={org} />
        </Tabs.Panel>
      </Tabs>
      {editing ? <OrgFormModal org={org} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
