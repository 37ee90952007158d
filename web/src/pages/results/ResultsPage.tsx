import {
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { WorksData } from '../../../../src/shared/results';
import { resultsApi } from '../../api/results';
import { EChart } from '../../components/EChart';
import { useSession } from '../../auth/session';
import { notifyError, notifySaved, PageHeader, QueryState } from '../../components/common';
import { SchoolJournalMarks } from './SchoolJournalMarks';
import { histogramOption, markDistributionOption, taskSuccessOption } from './charts';

const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);

/** Results per school, class and test: works, marks, score histogram, task success by level. */
export function ResultsPage() {
  const [params, setParams] = useSearchParams();
  const tests = useQuery({ queryKey: ['results', 'tests'], queryFn: resultsApi.tests });
  // Without a choice, open the latest ВПР (the usual first look), else the latest test of any kind.
  const defaultTest =
    tests.data?.find((t) => t.test.procedure === 'vpr') ?? tests.data?.[0] ?? null;
  const testId = Number(params.get('test')) || defaultTest?.test.id || null;
  const current = tests.data?.find((t) => t.test.id === testId) ?? null;
  const orgId = Number(params.get('org')) || current?.schools[0]?.orgId || null;
  const className = params.get('class') ?? undefined;
  const works = useQuery({
    queryKey: ['results', 'works', testId, orgId, className],
    queryFn: () => resultsApi.works(testId as number, orgId as number, className),
    enabled: testId !== null && orgId !== null,
  });
  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  return (
    <>
      <PageHeader title="Результаты" subtitle="Работы обучающихся по кодам участников (без ФИО)" />
      <QueryState query={tests}>
        {(list) =>
          list.length ? (
            <Stack>
              <Group grow align="flex-end">
                <Select
                  label="Работа"
                  searchable
                  data={list.map((t) => ({ value: String(t.test.id), label: t.test.name }))}
                  value={testId ? String(testId) : null}
                  onChange={(v) => update({ test: v, org: null, class: null })}
                  allowDeselect={false}
                />
                <Select
                  label="ОО"
                  searchable
                  data={(current?.schools ?? []).map((s) => ({
                    value: String(s.orgId),
                    label: `${s.orgName} (${s.works})`,
                  }))}
                  value={orgId ? String(orgId) : null}
                  onChange={(v) => update({ org: v, class: null })}
                  allowDeselect={false}
                />
                <Select
                  label="Класс"
                  clearable
                  placeholder="все классы"
                  data={works.data?.classes ?? []}
                  value={className ?? null}
                  onChange={(v) => update({ class: v })}
                />
              </Group>
              <QueryState query={works}>{(data) => <WorksView data={data} />}</QueryState>
              {orgId ? <SchoolJournalMarks orgId={orgId} /> : null}
            </Stack>
          ) : (
            <Text c="dimmed">
              Результатов пока нет: загрузите файлы в разделе «Загрузка результатов».
            </Text>
          )
        }
      </QueryState>
    </>
  );
}

/** Upload of the school's code list: participant code → its pseudonymous student code. */
function CodeListUpload({ data }: { data: WorksData }) {
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => resultsApi.uploadCodeList(data.test.id, data.orgId, file),
    onSuccess: async (r) => {
      notifySaved(`Связано работ: ${r.linked} из ${r.works}`);
      await queryClient.invalidateQueries({ queryKey: ['results', 'works'] });
    },
    onError: notifyError,
  });
  const linked = data.works.filter((w) => w.studentCode).length;
  return (
    <Group gap="sm">
      <Text size="sm" c="dimmed">
        Связано с кодами обучающихся ОО: {linked} из {data.works.length}
      </Text>
      <FileButton onChange={(f) => f && upload.mutate(f)} accept=".csv,.xlsx">
        {(props) => (
          <Button {...props} size="xs" variant="light" loading={upload.isPending}>
            Загрузить список кодов (код участника → код обучающегося)
          </Button>
        )}
      </FileButton>
    </Group>
  );
}

function WorksView({ data }: { data: WorksData }) {
  const { can } = useSession();
  const s = data.summary;
  const hasTestScore = data.works.some((w) => w.testScore !== null);
  const marks = useMemo(() => markDistributionOption(s), [s]);
  const histogram = useMemo(() => histogramOption(s, data.test), [s, data.test]);
  const tasks = useMemo(() => taskSuccessOption(s), [s]);
  return (
    <Stack>
      <Group gap="xl">
        <Text>
          Участников: <b>{s.participants}</b>
        </Text>
        <Text>
          Писали: <b>{s.present}</b>
        </Text>
        <Text>
          Отсутствовали: <b>{s.absent}</b>
        </Text>
        <Text>
          Средний балл: <b>{s.meanTotal === null ? '—' : s.meanTotal.toFixed(1)}</b>
          {data.test.maxTotal ? ` из ${data.test.maxTotal}` : ''}
        </Text>
        {s.levels.map((l) => (
          <Text key={l.level}>
            Уровень {l.level}: <b>{percent(l.success)}</b>
          </Text>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={5}>Распределение отметок</Title>
          <EChart option={marks} label="Распределение отметок" />
        </Card>
        <Card withBorder>
          <Title order={5}>Первичные баллы и границы отметок</Title>
          <EChart option={histogram} label="Гистограмма первичных баллов" />
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={5}>Выполнение заданий (доля набранных баллов; цвет — уровень Б/П/В)</Title>
        {data.test.tasks.length > 0 ? (
          <EChart option={tasks} label="Выполнение заданий" />
        ) : (
          <Text c="dimmed">
            В файле этой работы нет баллов по заданиям (только итоговый балл и отметка).
          </Text>
        )}
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={5}>Работы</Title>
          {can('result.import') ? <CodeListUpload data={data} /> : null}
        </Group>
        <Table.ScrollContainer minWidth={600}>
          <Table striped withTableBorder data-testid="works-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Код</Table.Th>
                <Table.Th>Обучающийся</Table.Th>
                <Table.Th>Класс</Table.Th>
                <Table.Th>Вар.</Table.Th>
                {data.test.tasks.map((t) => (
                  <Table.Th key={t.code}>
                    {t.code}
                    {t.level ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        {t.level}
                      </Text>
                    ) : null}
                  </Table.Th>
                ))}
                <Table.Th>Балл</Table.Th>
                {hasTestScore ? <Table.Th>Тестовый балл</Table.Th> : null}
                <Table.Th>Отметка</Table.Th>
                <Table.Th>По журналу</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.works.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>{w.participantCode}</Table.Td>
                  <Table.Td>{w.studentCode ?? '—'}</Table.Td>
                  <Table.Td>{w.className ?? '—'}</Table.Td>
                  {w.absent ? (
                    <Table.Td colSpan={data.test.tasks.length + (hasTestScore ? 4 : 3)}>
                      <Badge color="gray" variant="light">
                        отсутствовал
                      </Badge>
                    </Table.Td>
                  ) : (
                    <>
                      <Table.Td>{w.variant ?? '—'}</Table.Td>
                      {w.scores.map((x, i) => (
                        <Table.Td key={i}>{x ?? 'X'}</Table.Td>
                      ))}
                      <Table.Td>{w.total ?? '—'}</Table.Td>
                      {hasTestScore ? <Table.Td>{w.testScore ?? '—'}</Table.Td> : null}
                      <Table.Td title={w.markFromFile ? 'из файла' : 'по шкале каталога'}>
                        {w.mark ?? '—'}
                      </Table.Td>
                    </>
                  )}
                  <Table.Td>{w.journalMark ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
