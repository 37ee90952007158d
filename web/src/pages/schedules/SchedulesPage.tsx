import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ScheduleView } from '../../../../src/shared/schedules';
import { endpoints } from '../../api/endpoints';
import { monitoringApi } from '../../api/monitoring';
import { useSession } from '../../auth/session';
import { ErrorAlert, notifySaved, PageHeader, QueryState } from '../../components/common';
import { ScheduleEditor } from './ScheduleEditor';

const WEEKDAYS = ['все дни', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'];
const ruDate = (iso: string) => iso.split('-').reverse().join('.');

function Upload({ orgId, yearId }: { orgId: number; yearId: number }) {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!file) return;
    const form = new FormData();
    form.set('academicYearId', String(yearId));
    form.set('file', file);
    setBusy(true);
    setError(null);
    try {
      const view = await monitoringApi.uploadSchedule(orgId, form);
      client.setQueryData(['schedule', orgId, yearId], view);
      notifySaved(`График загружен: ${view.entries.length} процедур`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Text size="sm" mb="xs">
        XLSX: лист «График» (Класс, Предмет, Дата, Урок, Вид процедуры, Длительность, мин, Весь
        класс), листы «Учебный план» (Параллель, Предмет, Часов в неделю) и «Уроков в день»
        (Параллель, День недели, Уроков) — по желанию. CSV — только график. Файл с ошибками не
        загружается целиком.
      </Text>
      <Group align="flex-end">
        <FileInput
          label="Файл графика"
          accept=".xlsx,.csv"
          value={file}
          onChange={setFile}
          w={320}
        />
        <Button onClick={send} loading={busy} disabled={!file}>
          Загрузить
        </Button>
      </Group>
      {error ? (
        <div style={{ whiteSpace: 'pre-line', marginTop: 8 }}>
          <ErrorAlert error={error} title="График не загружен" />
        </div>
      ) : null}
    </Card>
  );
}

function ScheduleContent({ view }: { view: ScheduleView }) {
  const flagged = new Map<number, string[]>();
  for (const v of view.check.violations)
    for (const i of v.entryIndexes) flagged.set(i, [...(flagged.get(i) ?? []), v.ruleLabel]);
  return (
    <Stack>
      <Group>
        <Badge color={view.check.violations.length ? 'red' : 'green'} size="lg">
          Нарушений: {view.check.violations.length}
        </Badge>
        <Badge color={view.check.missing.length ? 'orange' : 'gray'} size="lg" variant="light">
          Не хватает данных: {view.check.missing.length}
        </Badge>
        <Text size="sm" c="dimmed">
          Процедур: {view.entries.length}, учитываются {view.check.counted}
          {view.sourceFileName ? ` · файл «${view.sourceFileName}»` : ''}
        </Text>
      </Group>
      {view.check.violations.length ? (
        <Alert color="red" title="Нарушения федеральных ограничений" data-testid="violations">
          <Stack gap={2}>
            {view.check.violations.map((v, i) => (
              <Text size="sm" key={i}>
                • {v.ruleLabel}: {v.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {view.check.missing.length ? (
        <Alert color="orange" title="Проверки, для которых не хватает данных">
          <Stack gap={2}>
            {view.check.missing.map((m, i) => (
              <Text size="sm" key={i}>
                • {m.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      <Tabs defaultValue="entries">
        <Tabs.List>
          <Tabs.Tab value="entries">График</Tabs.Tab>
          <Tabs.Tab value="loads">Нагрузка по предметам</Tabs.Tab>
          <Tabs.Tab value="plan">Учебный план и уроки в день</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries" pt="sm">
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Класс</Table.Th>
                <Table.Th>Предмет</Table.Th>
                <Table.Th>Дата</Table.Th>
                <Table.Th>Урок</Table.Th>
                <Table.Th>Вид</Table.Th>
                <Table.Th>Мин</Table.Th>
                <Table.Th>Нарушения</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.entries.map((e, i) => (
                <Table.Tr key={i} style={flagged.has(i) ? { background: '#fde2e2' } : undefined}>
                  <Table.Td>{e.className}</Table.Td>
                  <Table.Td>{e.subjectName}</Table.Td>
                  <Table.Td>{ruDate(e.date)}</Table.Td>
                  <Table.Td>{e.lesson}</Table.Td>
                  <Table.Td>{e.kindLabel}</Table.Td>
                  <Table.Td>{e.durationMin}</Table.Td>
                  <Table.Td>{(flagged.get(i) ?? []).join('; ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="loads" pt="sm">
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Класс</Table.Th>
                <Table.Th>Предмет</Table.Th>
                <Table.Th>Процедур</Table.Th>
                <Table.Th>Минут</Table.Th>
                <Table.Th>Часов в год</Table.Th>
                <Table.Th>Доля, % (не более 10)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.check.loads.map((l) => (
                <Table.Tr key={`${l.className}-${l.subjectCode}`}>
                  <Table.Td>{l.className}</Table.Td>
                  <Table.Td>{l.subjectName}</Table.Td>
                  <Table.Td>{l.procedures}</Table.Td>
                  <Table.Td>{l.minutes}</Table.Td>
                  <Table.Td>{l.annualHours ?? 'нет в учебном плане'}</Table.Td>
                  <Table.Td>{l.sharePercent === null ? '—' : l.sharePercent.toFixed(1)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="plan" pt="sm">
          <Group align="flex-start" grow>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Параллель</Table.Th>
                  <Table.Th>Предмет</Table.Th>
                  <Table.Th>Часов в неделю</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.curriculum.map((c) => (
                  <Table.Tr key={`${c.parallel}-${c.subjectCode}`}>
                    <Table.Td>{c.parallel}</Table.Td>
                    <Table.Td>{c.subjectName}</Table.Td>
                    <Table.Td>{c.weeklyHours}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Параллель</Table.Th>
                  <Table.Th>День</Table.Th>
                  <Table.Th>Уроков</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.lessonsPerDay.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{l.parallel}</Table.Td>
                    <Table.Td>{WEEKDAYS[l.weekday ?? 0]}</Table.Td>
                    <Table.Td>{l.lessons}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Group>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function SchedulesPage() {
  const { can } = useSession();
  const reference = useQuery({ queryKey: ['reference'], queryFn: endpoints.reference });
  const schools = useQuery({
    queryKey: ['orgs', 'schools', 'all'],
    queryFn: () => endpoints.orgs({ category: 'school', pageSize: 500 }),
  });
  const [orgId, setOrgId] = useState<string | null>(null);
  const [yearId, setYearId] = useState<string | null>(null);
  const org = Number(orgId ?? schools.data?.items[0]?.id ?? 0);
  const year = Number(yearId ?? reference.data?.academicYears.find((y) => y.isCurrent)?.id ?? 0);
  const schedule = useQuery({
    queryKey: ['schedule', org, year],
    queryFn: () => monitoringApi.schedule(org, year),
    enabled: org > 0 && year > 0,
  });
  const canManage = can('schedule.manage');
  return (
    <>
      <PageHeader
        title="Графики оценочных процедур"
        subtitle="Проверка по письму Минпросвещения России и Рособрнадзора от 06.08.2021 № СК-228/03, 01-169/08-01: не более 10% времени предмета, одна процедура в день, раз в 2,5 недели по предмету, не на первом и последнем уроке"
      />
      <Group mb="md">
        <Select
          label="ОО"
          searchable
          w={320}
          data={(schools.data?.items ?? []).map((o) => ({
            value: String(o.id),
            label: o.shortName,
          }))}
          value={org ? String(org) : null}
          onChange={setOrgId}
        />
        <Select
          label="Учебный год"
          data={(reference.data?.academicYears ?? []).map((y) => ({
            value: String(y.id),
            label: y.name,
          }))}
          value={year ? String(year) : null}
          onChange={setYearId}
        />
      </Group>
      {org && year ? (
        <Stack>
          {canManage ? <Upload orgId={org} yearId={year} /> : null}
          <QueryState query={schedule}>
            {(view) => (
              <>
                {canManage ? (
                  <ScheduleEditor
                    key={`${view.orgId}-${view.academicYearId}-${view.updatedAt ?? ''}`}
                    view={view}
                    orgId={org}
                  />
                ) : null}
                {view.exists ? (
                  <ScheduleContent view={view} />
                ) : (
                  <Text c="dimmed">ОО ещё не загрузила график на {view.academicYearName}</Text>
                )}
              </>
            )}
          </QueryState>
        </Stack>
      ) : (
        <Text c="dimmed">Нет доступных ОО</Text>
      )}
    </>
  );
}
