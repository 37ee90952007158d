import {
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
  Tooltip,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { changeChart, levelDistributionChart } from '../../../../src/core/monitoring/charts';
import { SCORE_LEVEL_LABELS } from '../../../../src/core/monitoring/scoring';
import { CARD_STATUS_LABELS, SELF_STATUS_LABELS } from '../../../../src/core/monitoring/workflow';
import type { ScreenView } from '../../../../src/shared/monitoring';
import { monitoringApi } from '../../api/monitoring';
import { EChart } from '../../components/EChart';
import { useSession } from '../../auth/session';
import {
  formatDate,
  notifyError,
  notifySaved,
  PageHeader,
  QueryState,
} from '../../components/common';
import { formatPercent, fractionColor, LEVEL_COLORS } from './format';
import { ReopenAction } from './ReopenAction';

/** The same charts as in the analytical report (shared spec builders). */
function Charts({ data }: { data: ScreenView }) {
  const levels = useMemo(() => levelDistributionChart(data.rows), [data]);
  const change = useMemo(() => changeChart(data.rows, data.previousTitle), [data]);
  if (!levels && !change) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: change ? 2 : 1 }} mt="md">
      {levels ? (
        <Card withBorder>
          <EChart option={levels} testId="chart-levels" />
        </Card>
      ) : null}
      {change ? (
        <Card withBorder>
          <EChart option={change} testId="chart-change" />
        </Card>
      ) : null}
    </SimpleGrid>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Title order={3}>{value}</Title>
    </Card>
  );
}

const SOURCE = { expert: 'эксперт', self: 'самооценка', none: '' } as const;

function HeatMap({ data }: { data: ScreenView }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder withColumnBorders fz="xs" data-testid="heat-map">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>ОО</Table.Th>
            <Table.Th>Самоотчёт</Table.Th>
            <Table.Th>Экспертная карта</Table.Th>
            <Table.Th>Итог</Table.Th>
            <Table.Th>Изменение</Table.Th>
            <Table.Th>Нарушений в графике</Table.Th>
            {data.indicators.map((ind, i) => (
              <Table.Th key={ind.key}>
                <Tooltip label={`${ind.sectionTitle}: ${ind.title}`} multiline w={320}>
                  <span>{i + 1}</span>
                </Tooltip>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((r) => (
            <Table.Tr key={r.campaignSchoolId} data-testid={`row-${r.orgId}`}>
              <Table.Td>
                <Anchor component={Link} to={`/monitoring/schools/${r.campaignSchoolId}`} size="xs">
                  {r.orgName}
                </Anchor>
              </Table.Td>
              <Table.Td>{SELF_STATUS_LABELS[r.selfStatus]}</Table.Td>
              <Table.Td>{CARD_STATUS_LABELS[r.cardStatus]}</Table.Td>
              <Table.Td style={{ background: LEVEL_COLORS[r.level] }} data-testid="row-percent">
                {formatPercent(r.percent)} {SOURCE[r.source]}
              </Table.Td>
              <Table.Td>
                {r.delta === null
                  ? '—'
                  : `${r.delta > 0 ? '+' : ''}${r.delta.toLocaleString('ru-RU')}`}
              </Table.Td>
              <Table.Td>{r.scheduleViolations ?? 'нет графика'}</Table.Td>
              {r.cells.map((c, i) => {
                const ind = data.indicators[i];
                return (
                  <Table.Td
                    key={c.key}
                    style={{ background: ind?.scored ? fractionColor(c.fraction) : undefined }}
                    title={ind?.title}
                  >
                    {c.fraction === null ? '' : Math.round(c.fraction * 100)}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function CampaignScreenPage() {
  const id = Number(useParams().id);
  const { can } = useSession();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const query = useQuery({
    queryKey: ['monitoring', 'screen', id],
    queryFn: () => monitoringApi.screen(id),
  });
  const move = async (status: 'active' | 'closed') => {
    setBusy(true);
    try {
      await monitoringApi.updateCampaign(id, { status });
      await client.invalidateQueries({ queryKey: ['monitoring'] });
      notifySaved(status === 'active' ? 'Сбор начат' : 'Мониторинг завершён');
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  const reopen = async (reason: string) => {
    try {
      await monitoringApi.reopenCampaign(id, reason);
      await client.invalidateQueries({ queryKey: ['monitoring'] });
      notifySaved('Мониторинг открыт заново');
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <QueryState query={query}>
      {(data) => {
        const c = data.campaign;
        return (
          <>
            <PageHeader
              title={c.title}
              subtitle={`${c.academicYearName} · «${c.templateTitle}», версия ${c.templateVersion} · ${c.regulation ?? 'регламент не указан'}`}
              actions={
                <>
                  <Badge size="lg" variant="light">
                    {c.statusLabel}
                  </Badge>
                  {can('monitoring.manage') && c.status === 'draft' ? (
                    <Button loading={busy} onClick={() => move('active')}>
                      Начать сбор
                    </Button>
                  ) : null}
                  {can('monitoring.manage') && c.status === 'active' ? (
                    <Button color="gray" loading={busy} onClick={() => move('closed')}>
                      Завершить
                    </Button>
                  ) : null}
                  {can('monitoring.manage') && c.status === 'closed' ? (
                    <ReopenAction label="Открыть заново" onReopen={reopen} />
                  ) : null}
                  <Button component="a" href={monitoringApi.screenXlsxUrl(id)} variant="default">
                    Экспорт XLSX
                  </Button>
                  <Button component="a" href={monitoringApi.reportDocxUrl(id)} variant="default">
                    Аналитическая справка
                  </Button>
                </>
              }
            />
            <SimpleGrid cols={{ base: 2, md: 5 }} mb="md">
              <Stat label="ОО" value={data.totals.schools} />
              <Stat label="Самоотчёты отправлены" value={data.totals.selfSubmitted} />
              <Stat label="Карты итоговые" value={data.totals.cardsFinal} />
              <Stat label="Средний итог" value={formatPercent(data.totals.averagePercent)} />
              <Stat
                label="Сроки"
                value={`${formatDate(c.selfReportDue)} / ${formatDate(c.expertDue)}`}
              />
            </SimpleGrid>
            {c.regulationDocumentId ? (
              <Text size="sm" mb="xs">
                Регламент:{' '}
                <Anchor href={monitoringApi.regulationUrl(c.id)}>
                  {c.regulation ?? 'документ из реестра'} — скачать
                </Anchor>
              </Text>
            ) : null}
            {data.previousTitle ? (
              <Text size="sm" mb="xs">
                Изменение — в процентных пунктах к мониторингу «{data.previousTitle}».
              </Text>
            ) : null}
            <HeatMap data={data} />
            <Group mt="sm" gap="md">
              {(['high', 'medium', 'low', 'none'] as const).map((l) => (
                <Group gap={4} key={l}>
                  <span
                    style={{
                      width: 14,
                      height: 14,
                      background: LEVEL_COLORS[l],
                      display: 'inline-block',
                    }}
                  />
                  <Text size="xs">{SCORE_LEVEL_LABELS[l]}</Text>
                </Group>
              ))}
            </Group>
            <Charts data={data} />
            <Card withBorder mt="md">
              <Title order={5} mb="xs">
                Показатели
              </Title>
              <Stack gap={2}>
                {data.indicators.map((ind, i) => (
                  <Text size="xs" key={ind.key}>
                    {i + 1}. {ind.sectionTitle}: {ind.title}
                    {ind.scored ? ` (вес ${ind.weight})` : ' (не оценивается)'}
                  </Text>
                ))}
              </Stack>
            </Card>
          </>
        );
      }}
    </QueryState>
  );
}
