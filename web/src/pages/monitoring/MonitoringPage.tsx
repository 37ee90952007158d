import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CARD_STATUS_LABELS, SELF_STATUS_LABELS } from '../../../../src/core/monitoring/workflow';
import { endpoints } from '../../api/endpoints';
import { monitoringApi } from '../../api/monitoring';
import { useRequiredSession, useSession } from '../../auth/session';
import { ErrorAlert, formatDate, PageHeader, QueryState } from '../../components/common';
import { GroupChoice, RegulationPicker } from './CampaignFormParts';
import { formatPercent } from './format';

function CreateCampaign({
  municipalityId,
  onClose,
}: {
  municipalityId: number;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const reference = useQuery({ queryKey: ['reference'], queryFn: endpoints.reference });
  const templates = useQuery({
    queryKey: ['monitoring', 'templates', municipalityId],
    queryFn: () => monitoringApi.templates(municipalityId),
  });
  const schools = useQuery({
    queryKey: ['orgs', 'schools', municipalityId],
    queryFn: () => endpoints.orgs({ category: 'school', municipalityId, pageSize: 500 }),
  });
  const campaigns = useQuery({
    queryKey: ['monitoring', 'campaigns'],
    queryFn: monitoringApi.campaigns,
  });
  const current = reference.data?.academicYears.find((y) => y.isCurrent);
  const [title, setTitle] = useState('');
  const [yearId, setYearId] = useState<string | null>(null);
  const [versionId, setVersionId] = useState<string | null>(null);
  const [regulation, setRegulation] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [selfDue, setSelfDue] = useState('');
  const [expertDue, setExpertDue] = useState('');
  const [previousId, setPreviousId] = useState<string | null>(null);
  const [orgIds, setOrgIds] = useState<string[]>([]);
  const [regulationDocId, setRegulationDocId] = useState<string | null>(null);
  const [groupOf, setGroupOf] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      const created = await monitoringApi.createCampaign({
        municipalityId,
        academicYearId: Number(yearId ?? current?.id),
        title,
        templateVersionId: Number(versionId),
        ...(regulation ? { regulation } : {}),
        ...(regulationDocId ? { regulationDocumentId: Number(regulationDocId) } : {}),
        startsOn,
        selfReportDue: selfDue,
        expertDue,
        ...(previousId ? { previousCampaignId: Number(previousId) } : {}),
        schools: orgIds.map((id) => ({
          orgId: Number(id),
          ...(groupOf[id] ? { expertGroupId: Number(groupOf[id]) } : {}),
        })),
      });
      await client.invalidateQueries({ queryKey: ['monitoring'] });
      onClose();
      void navigate(`/monitoring/campaigns/${created.id}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Stack>
      <TextInput label="Название" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Group grow>
        <Select
          label="Учебный год"
          data={(reference.data?.academicYears ?? []).map((y) => ({
            value: String(y.id),
            label: y.name,
          }))}
          value={yearId ?? (current ? String(current.id) : null)}
          onChange={setYearId}
        />
        <Select
          label="Шаблон (последняя версия)"
          data={(templates.data ?? []).map((t) => ({
            value: String(t.latest.id),
            label: `${t.title} — ${t.purposeLabel}, в. ${t.latest.version}`,
          }))}
          value={versionId}
          onChange={setVersionId}
        />
      </Group>
      <TextInput
        label="Регламент (приказ, положение)"
        placeholder="Приказ ИМЦ от 12.01.2023 № 14-о"
        value={regulation}
        onChange={(e) => setRegulation(e.currentTarget.value)}
      />
      <RegulationPicker
        municipalityId={municipalityId}
        value={regulationDocId}
        onChange={(id, doc) => {
          setRegulationDocId(id);
          if (doc && !regulation) setRegulation(doc.title);
        }}
      />
      <Group grow>
        <TextInput
          type="date"
          label="Начало"
          value={startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="Срок самоотчёта"
          value={selfDue}
          onChange={(e) => setSelfDue(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="Срок экспертизы"
          value={expertDue}
          onChange={(e) => setExpertDue(e.currentTarget.value)}
        />
      </Group>
      <Select
        label="Сравнивать с мониторингом"
        clearable
        data={(campaigns.data ?? []).map((c) => ({
          value: String(c.id),
          label: `${c.title} (${c.academicYearName})`,
        }))}
        value={previousId}
        onChange={setPreviousId}
      />
      <MultiSelect
        label="ОО"
        searchable
        data={(schools.data?.items ?? []).map((o) => ({ value: String(o.id), label: o.shortName }))}
        value={orgIds}
        onChange={setOrgIds}
      />
      <Button
        variant="subtle"
        onClick={() => setOrgIds((schools.data?.items ?? []).map((o) => String(o.id)))}
      >
        Выбрать все ОО
      </Button>
      <GroupChoice
        municipalityId={municipalityId}
        orgIds={orgIds}
        orgName={(id) => schools.data?.items.find((o) => String(o.id) === id)?.shortName ?? id}
        value={groupOf}
        onChange={setGroupOf}
      />
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button onClick={submit}>Создать</Button>
      </Group>
    </Stack>
  );
}

export function MonitoringPage() {
  const session = useRequiredSession();
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: ['monitoring', 'campaigns'],
    queryFn: monitoringApi.campaigns,
  });
  const municipalityId = session.assignments[0]?.municipalityId ?? 0;
  return (
    <>
      <PageHeader
        title="Мониторинг ВСОКО"
        subtitle="Самоотчёты ОО, экспертные карты по курируемым ОО, экран результатов и аналитическая справка"
        actions={
          can('monitoring.manage') ? (
            <>
              <Button component={Link} to="/monitoring/templates" variant="default">
                Шаблоны
              </Button>
              <Button onClick={() => setCreating(true)}>Новый мониторинг</Button>
            </>
          ) : null
        }
      />
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title="Новый мониторинг"
        size="xl"
      >
        <CreateCampaign municipalityId={municipalityId} onClose={() => setCreating(false)} />
      </Modal>
      <QueryState query={query}>
        {(campaigns) =>
          campaigns.length ? (
            <Stack>
              {campaigns.map((c) => (
                <Card withBorder key={c.id}>
                  <Group justify="space-between">
                    <Anchor component={Link} to={`/monitoring/campaigns/${c.id}`} fw={600}>
                      {c.title}
                    </Anchor>
                    <Badge variant="light">{c.statusLabel}</Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {c.academicYearName} · «{c.templateTitle}», версия {c.templateVersion} ·
                    самоотчёт до {formatDate(c.selfReportDue)}, экспертиза до{' '}
                    {formatDate(c.expertDue)}
                  </Text>
                  {c.schools.length <= 12 ? (
                    <Table mt="xs" fz="sm">
                      <Table.Tbody>
                        {c.schools.map((s) => (
                          <Table.Tr key={s.campaignSchoolId}>
                            <Table.Td>
                              <Anchor
                                component={Link}
                                to={`/monitoring/schools/${s.campaignSchoolId}`}
                              >
                                {s.orgName}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>Самоотчёт: {SELF_STATUS_LABELS[s.selfStatus]}</Table.Td>
                            <Table.Td>Карта: {CARD_STATUS_LABELS[s.cardStatus]}</Table.Td>
                            <Table.Td>{formatPercent(s.cardPercent ?? s.selfPercent)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  ) : (
                    <Text size="sm" mt="xs">
                      ОО: {c.schools.length}
                    </Text>
                  )}
                </Card>
              ))}
            </Stack>
          ) : (
            <Text c="dimmed">Мониторингов с вашими ОО пока нет</Text>
          )
        }
      </QueryState>
    </>
  );
}
