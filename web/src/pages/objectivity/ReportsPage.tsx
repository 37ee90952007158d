import {
  Alert,
  Anchor,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { StandardReports } from '../../../../src/shared/objectivityCard';
import { objectivityCardApi } from '../../api/objectivityCard';
import { useSession } from '../../auth/session';
import { PageHeader, QueryState } from '../../components/common';
import {
  JournalTable,
  MarksTable,
  regionOf,
  ScoresTable,
  TasksTable,
  type LevelRow,
} from './FiguresTables';
import { RegionAggregatesPanel } from './RegionAggregatesPanel';

type Level = 'school' | 'municipality' | 'region';

function rowsFor(r: StandardReports, level: Level): LevelRow[] {
  const region = regionOf(r.region);
  const rows: LevelRow[] = [];
  if (level === 'school' && r.school) rows.push({ name: r.school.name, figures: r.school.figures });
  if (level !== 'region' && r.municipality)
    rows.push({ name: 'Муниципалитет', figures: r.municipality });
  if (region) rows.push({ name: 'Регион', region });
  return rows;
}

function Reports({ r, level }: { r: StandardReports; level: Level }) {
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const sel = r.selected;
  const rows = rowsFor(r, level);
  const testValue = sel ? `${sel.subject}|${sel.grade}|${sel.year}` : null;
  const query = {
    year: sel?.year,
    subject: sel?.subject,
    grade: sel?.grade,
    orgId: level === 'school' ? r.school?.orgId : undefined,
  };
  return (
    <Stack>
      <Group align="end">
        <Select
          label="Работа"
          w={340}
          value={testValue}
          data={r.tests.map((t) => ({
            value: `${t.subject}|${t.grade}|${t.year}`,
            label: `ВПР ${t.year}, ${t.subjectName}, ${t.grade} класс`,
          }))}
          onChange={(v) => {
            if (!v) return;
            const [subject, grade, year] = v.split('|');
            set({ subject: subject ?? null, grade: grade ?? null, year: year ?? null });
          }}
          allowDeselect={false}
        />
        {level === 'school' && (
          <Select
            label="Школа"
            w={280}
            searchable
            value={r.school ? String(r.school.orgId) : null}
            placeholder="Выберите школу"
            data={r.schools.map((s) => ({ value: String(s.orgId), label: s.name }))}
            onChange={(v) => set({ orgId: v })}
          />
        )}
        {sel && (
          <Anchor href={objectivityCardApi.reportsXlsxUrl(query)} download>
            Скачать XLSX
          </Anchor>
        )}
        {level === 'school' && r.school && (
          <Anchor
            component={Link}
            to={`/objectivity/schools/${r.school.orgId}?subject=${sel?.subject ?? ''}&grade=${sel?.grade ?? ''}&year=${sel?.year ?? ''}`}
          >
            Карточка школы
          </Anchor>
        )}
      </Group>
      {!sel && <Alert color="gray">Нет сохранённого анализа с результатами ВПР.</Alert>}
      {sel && level === 'school' && !r.school && (
        <Alert color="gray">Выберите школу, писавшую эту работу.</Alert>
      )}
      {sel && level === 'region' && !regionOf(r.region) && (
        <Alert color="gray">Нет данных региона: загрузите региональные показатели ниже.</Alert>
      )}
      {sel && rows.length > 0 && (
        <>
          <Card withBorder>
            <Title order={4}>Статистика по отметкам</Title>
            <MarksTable rows={rows} />
          </Card>
          <Card withBorder>
            <Title order={4}>Сравнение отметок с отметками по журналу</Title>
            <JournalTable rows={rows} />
          </Card>
          <Card withBorder>
            <Title order={4}>Выполнение заданий</Title>
            <TasksTable rows={rows} />
          </Card>
          {level !== 'region' && (
            <Card withBorder>
              <Title order={4}>Распределение первичных баллов</Title>
              <ScoresTable rows={rows} />
            </Card>
          )}
          {level !== 'region' && !regionOf(r.region) && (
            <Text size="xs" c="dimmed">
              Регион: нет данных региона.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

/** `/objectivity/reports` — the ФИС ОКО standard reports at school, municipality and region level. */
export function ReportsPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  const level =
    (params.get('level') as Level | null) ?? (params.get('orgId') ? 'school' : 'municipality');
  const q = {
    year: num('year'),
    subject: params.get('subject') ?? undefined,
    grade: num('grade'),
    orgId: level === 'school' ? num('orgId') : undefined,
  };
  const query = useQuery({
    queryKey: ['objectivity', 'reports', q],
    queryFn: () => objectivityCardApi.reports(q),
  });
  return (
    <>
      <PageHeader
        title="Стандартные отчёты ФИС ОКО"
        subtitle="Статистика по отметкам, распределение первичных баллов, выполнение заданий и сравнение с отметками по журналу — по данным сохранённого анализа"
      />
      <Stack>
        <SegmentedControl
          w={420}
          value={level}
          data={[
            { value: 'school', label: 'Школа' },
            { value: 'municipality', label: 'Муниципалитет' },
            { value: 'region', label: 'Регион' },
          ]}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            next.set('level', v);
            setParams(next);
          }}
        />
        <QueryState query={query}>{(r) => <Reports r={r} level={level} />}</QueryState>
        {can('objectivity.read') && <RegionAggregatesPanel canManage={can('objectivity.manage')} />}
      </Stack>
    </>
  );
}
