import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  journalComparisonChart,
  levelSuccessChart,
  scoreHistogramChart,
  taskSuccessChart,
} from '../../../../src/core/objectivity/charts';
import type { SchoolCard } from '../../../../src/shared/objectivityCard';
import { objectivityCardApi } from '../../api/objectivityCard';
import { EChart } from '../../components/EChart';
import { formatDateTime, PageHeader, QueryState } from '../../components/common';
import { CardDossier, CardDynamics, ClassDrillDown } from './CardSections';
import { DueProcessPanel } from './DueProcessPanel';
import { ExternalInternalPanel } from './ExternalInternalPanel';
import { ObservedComparison } from './ObservedComparison';
import { OfficialListBadges } from './OfficialListBadges';
import { SchoolReportButtons } from './ReportButtons';
import {
  JournalMatrix,
  JournalTable,
  MarksTable,
  regionOf,
  TasksTable,
  type LevelRow,
} from './FiguresTables';

const NO_REGION_NOTE = 'Региональные показатели не загружены: нет данных региона.';

/** The test selectors: year, subject, grade (only combinations present in the run). */
function TestSelectors({ card }: { card: SchoolCard }) {
  const [, setParams] = useSearchParams();
  const sel = card.selected;
  if (!sel) return null;
  const set = (patch: Partial<{ year: number; subject: string; grade: number }>) => {
    const next = { year: sel.year, subject: sel.subject, grade: sel.grade, ...patch };
    setParams({ year: String(next.year), subject: next.subject, grade: String(next.grade) });
  };
  const uniq = <T,>(xs: T[]) => [...new Set(xs)];
  const subjects = uniq(card.tests.map((t) => `${t.subject}|${t.subjectName}`));
  const grades = uniq(card.tests.filter((t) => t.subject === sel.subject).map((t) => t.grade)).sort(
    (a, b) => a - b,
  );
  const years = uniq(
    card.tests.filter((t) => t.subject === sel.subject && t.grade === sel.grade).map((t) => t.year),
  );
  return (
    <Group>
      <Select
        label="Предмет"
        value={sel.subject}
        data={subjects.map((s) => ({ value: s.split('|')[0] ?? s, label: s.split('|')[1] ?? s }))}
        onChange={(v) => v && set({ subject: v })}
        allowDeselect={false}
      />
      <Select
        label="Класс (параллель)"
        value={String(sel.grade)}
        data={grades.map((g) => ({ value: String(g), label: `${g} класс` }))}
        onChange={(v) => v && set({ grade: Number(v) })}
        allowDeselect={false}
        w={160}
      />
      <Select
        label="Год"
        value={String(sel.year)}
        data={years.map((y) => String(y))}
        onChange={(v) => v && set({ year: Number(v) })}
        allowDeselect={false}
        w={120}
      />
    </Group>
  );
}

function CardBody({ card, orgId }: { card: SchoolCard; orgId: number }) {
  const cur = card.current;
  const region = regionOf(cur?.region);
  const rows: LevelRow[] = cur
    ? [
        { name: 'Школа', figures: cur.school },
        ...(cur.municipality ? [{ name: 'Муниципалитет', figures: cur.municipality }] : []),
        ...(region ? [{ name: 'Регион', region }] : []),
      ]
    : [];
  const charts = useMemo(() => {
    if (!cur) return null;
    const reg = regionOf(cur.region);
    return {
      histogram: scoreHistogramChart(cur.school),
      journal: journalComparisonChart([
        { name: 'Школа', percent: cur.school.journal.percent },
        { name: 'Муниципалитет', percent: cur.municipality?.journal.percent ?? null },
        { name: 'Регион', percent: reg?.journalPercent ?? null },
      ]),
      levels: levelSuccessChart([
        { name: 'Школа', levels: cur.school.tasks.levels },
        ...(cur.municipality
          ? [{ name: 'Муниципалитет', levels: cur.municipality.tasks.levels }]
          : []),
        ...(reg ? [{ name: 'Регион', levels: reg.tasks.levels }] : []),
      ]),
      tasks: taskSuccessChart([
        { name: 'Школа', tasks: cur.school.tasks.tasks },
        ...(reg ? [{ name: 'Регион', tasks: reg.tasks.tasks }] : []),
      ]),
    };
  }, [cur]);
  const result = card.results.find((r) => r.year === card.selected?.year);
  return (
    <Stack>
      <OfficialListBadges orgId={orgId} />
      <Group justify="space-between" align="end">
        <TestSelectors card={card} />
        <Group>
          {result &&
            (result.flagged ? (
              <Badge color="red" size="lg">
                признаки необъективности в {result.year} году
              </Badge>
            ) : result.supportList ? (
              <Badge color="orange" size="lg">
                список поддержки
              </Badge>
            ) : (
              <Badge color="gray" size="lg">
                признаков не выявлено
              </Badge>
            ))}
          <Anchor component={Link} to={`/objectivity/reports?orgId=${orgId}`}>
            Стандартные отчёты ФИС ОКО
          </Anchor>
          {card.selected && <SchoolReportButtons orgId={orgId} year={card.selected.year} />}
        </Group>
      </Group>
      {!cur && <Alert color="gray">Нет результатов этой школы в сохранённом анализе.</Alert>}
      {cur && charts && (
        <>
          <Card withBorder>
            <Title order={4}>Распределение первичных баллов</Title>
            <Text size="sm" c="dimmed">
              Столбцы — доля участников школы с каждым первичным баллом (цвет — отметка), пунктир —
              границы отметок, линия — ожидаемое распределение по отметкам в журнале (модель анализа
              объективности). Пик сразу за границей отметки при провале перед ней — повод проверить
              работы.
            </Text>
            {charts.histogram && (
              <EChart
                option={charts.histogram}
                height={340}
                label="Гистограмма первичных баллов"
                testId="card-histogram"
              />
            )}
          </Card>
          <Card withBorder>
            <Title order={4}>Отметки ВПР и отметки по журналу</Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  Школа: число работ (зелёным — отметки совпали, красным — ВПР выше журнала)
                </Text>
                <JournalMatrix figures={cur.school} />
              </Stack>
              {charts.journal && (
                <EChart
                  option={charts.journal}
                  height={300}
                  label="Понизили, подтвердили, повысили"
                />
              )}
            </SimpleGrid>
            <JournalTable rows={rows} />
            {!region && (
              <Text size="xs" c="dimmed">
                {NO_REGION_NOTE}
              </Text>
            )}
          </Card>
          <Card withBorder>
            <Title order={4}>Выполнение заданий по уровням сложности</Title>
            {cur.school.tasks.hardBeatsEasy && (
              <Alert color="orange" my="xs">
                Задания повышенного (высокого) уровня выполнены лучше базовых — «трудные лучше
                лёгких»: обычно так не бывает, нужна проверка работ.
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {charts.levels && (
                <EChart option={charts.levels} height={300} label="Выполнение по уровням" />
              )}
              {charts.tasks && (
                <EChart option={charts.tasks} height={300} label="Выполнение заданий" />
              )}
            </SimpleGrid>
            <TasksTable rows={rows} />
            {!region && (
              <Text size="xs" c="dimmed">
                {NO_REGION_NOTE}
              </Text>
            )}
          </Card>
          <Card withBorder>
            <Title order={4}>Статистика по отметкам</Title>
            <MarksTable rows={rows} />
          </Card>
          <CardDynamics card={card} />
          <ClassDrillDown classes={cur.classes} />
        </>
      )}
      <Card withBorder>
        <ObservedComparison orgId={orgId} />
      </Card>
      <Card withBorder>
        <ExternalInternalPanel orgId={orgId} year={card.selected?.year} />
      </Card>
      <CardDossier results={card.results} />
      {card.selected && <DueProcessPanel orgId={orgId} year={card.selected.year} />}
    </Stack>
  );
}

/** `/objectivity/schools/:orgId` — the school card of the objectivity screens. */
export function SchoolCardPage() {
  const orgId = Number(useParams().orgId);
  const [params] = useSearchParams();
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  const choice = {
    year: num('year'),
    subject: params.get('subject') ?? undefined,
    grade: num('grade'),
  };
  const query = useQuery({
    queryKey: ['objectivity', 'card', orgId, choice],
    queryFn: () => objectivityCardApi.card(orgId, choice),
  });
  return (
    <QueryState query={query}>
      {(card) => (
        <>
          <PageHeader
            title={`Объективность результатов: ${card.school.name}`}
            subtitle={
              card.run
                ? `${card.school.fullName}${card.school.fisLogin ? `, логин ${card.school.fisLogin}` : ''}. Анализ № ${card.run.id} от ${formatDateTime(card.run.finishedAt)}`
                : card.school.fullName
            }
          />
          {card.run ? (
            <CardBody card={card} orgId={orgId} />
          ) : (
            <Alert color="gray">
              Анализ объективности по муниципалитету ещё не выполнялся: загрузите результаты ВПР.
            </Alert>
          )}
        </>
      )}
    </QueryState>
  );
}
