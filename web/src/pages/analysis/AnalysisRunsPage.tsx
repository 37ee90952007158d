import { Alert, Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { AnalysisRun } from '../../../../src/shared/analysis';
import { analysisApi } from '../../api/analysis';
import { municipalitiesWith } from '../../auth/access';
import { useSession } from '../../auth/session';
import { notifyError, notifySaved, PageHeader, QueryState } from '../../components/common';
import { SupportProgrammeButton } from '../objectivity/SupportProgrammeButton';
import { DistrictReportButtons } from '../objectivity/ReportButtons';
import { RunResults } from './RunResults';

const STATUS: Record<AnalysisRun['status'], { label: string; color: string }> = {
  running: { label: 'выполняется', color: 'blue' },
  done: { label: 'готов', color: 'green' },
  failed: { label: 'ошибка', color: 'red' },
};
const TRIGGER: Record<string, string> = {
  manual: 'вручную',
  cli: 'командой',
  import: 'после загрузки',
  undo: 'после отмены загрузки',
  demo: 'демо-район',
};
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('ru-RU') : '—');

function RunDetail({ id }: { id: number }) {
  const query = useQuery({ queryKey: ['analysis', 'run', id], queryFn: () => analysisApi.run(id) });
  return (
    <QueryState query={query}>
      {({ run, results }) => (
        <Card withBorder>
          <Stack>
            <Title order={4}>
              Запуск № {run.id}: {run.years.join(', ') || '—'}, q ={' '}
              {String(run.q).replace('.', ',')}, движок {run.engineVersion}
            </Title>
            {run.error && (
              <Alert color={run.status === 'failed' ? 'red' : 'yellow'}>{run.error}</Alert>
            )}
            <Text size="sm" c="dimmed">
              Признаки статистические: они показывают, где нужна проверка (наблюдение, перепроверка
              работ), но не доказывают нарушений.
            </Text>
            {run.years.length > 0 && (
              <SupportProgrammeButton
                year={Math.max(...run.years)}
                orgIds={results
                  .filter((r) => r.year === Math.max(...run.years) && r.flagged)
                  .map((r) => r.orgId)}
              />
            )}
            <RunResults results={results} />
          </Stack>
        </Card>
      )}
    </QueryState>
  );
}

/** Stored runs of the objectivity analysis and one run's school-year results. */
export function AnalysisRunsPage() {
  const { can, session } = useSession();
  const [params, setParams] = useSearchParams();
  const client = useQueryClient();
  const runs = useQuery({ queryKey: ['analysis', 'runs'], queryFn: analysisApi.runs });
  const selected = Number(params.get('run')) || runs.data?.[0]?.id || null;
  const start = useMutation({
    mutationFn: () => analysisApi.start({}),
    onSuccess: async (run) => {
      notifySaved(`Анализ выполнен: запуск № ${run.id}`);
      await client.invalidateQueries({ queryKey: ['analysis'] });
      setParams({ run: String(run.id) });
    },
    onError: notifyError,
  });
  const latestDone = runs.data?.find((r) => r.status === 'done' && r.years.length);
  const districtReport =
    session && latestDone && municipalitiesWith(session, 'objectivity.read').length > 0;
  return (
    <>
      <PageHeader
        title="Анализ объективности — запуски"
        subtitle="Сохранённые запуски анализа по результатам ВПР; после загрузки или отмены результатов анализ выполняется заново"
        actions={
          <>
            {can('objectivity.read') && (
              <Button component={Link} to="/objectivity/observations" variant="default">
                Общественное наблюдение
              </Button>
            )}
            {districtReport && <DistrictReportButtons year={Math.max(...latestDone.years)} />}
            {can('analysis.run') && (
              <Button loading={start.isPending} onClick={() => start.mutate()}>
                Выполнить анализ
              </Button>
            )}
          </>
        }
      />
      <QueryState query={runs}>
        {(list) =>
          list.length ? (
            <Stack>
              <Table highlightOnHover aria-label="Запуски анализа">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>№</Table.Th>
                    <Table.Th>Начат</Table.Th>
                    <Table.Th>Завершён</Table.Th>
                    <Table.Th>Статус</Table.Th>
                    <Table.Th>Причина</Table.Th>
                    <Table.Th>Годы</Table.Th>
                    <Table.Th>q</Table.Th>
                    <Table.Th>Работ</Table.Th>
                    <Table.Th>Школо-лет с признаками</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((r) => (
                    <Table.Tr
                      key={r.id}
                      style={{ cursor: 'pointer' }}
                      bg={r.id === selected ? 'var(--mantine-color-blue-light)' : undefined}
                      onClick={() => setParams({ run: String(r.id) })}
                    >
                      <Table.Td>{r.id}</Table.Td>
                      <Table.Td>{when(r.startedAt)}</Table.Td>
                      <Table.Td>{when(r.finishedAt)}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS[r.status].color}>{STATUS[r.status].label}</Badge>
                      </Table.Td>
                      <Table.Td>{TRIGGER[r.trigger] ?? r.trigger}</Table.Td>
                      <Table.Td>{r.years.join(', ') || '—'}</Table.Td>
                      <Table.Td>{String(r.q).replace('.', ',')}</Table.Td>
                      <Table.Td>{r.works}</Table.Td>
                      <Table.Td>{r.flagged}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {selected !== null && <RunDetail id={selected} />}
            </Stack>
          ) : (
            <Text c="dimmed">
              Запусков анализа ещё нет: анализ выполняется после загрузки результатов ВПР.
            </Text>
          )
        }
      </QueryState>
    </>
  );
}
