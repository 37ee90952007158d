import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  CERTAINTY_LABELS,
  PROCEDURE_LABELS,
  PROCEDURES,
  TASK_LEVELS,
  type TaskLevel,
} from '../../../../src/core/results/types';
import type { TestView } from '../../../../src/shared/results';
import { endpoints } from '../../api/endpoints';
import { resultsApi } from '../../api/results';
import { useSession } from '../../auth/session';
import { ErrorAlert, notifySaved, PageHeader, QueryState } from '../../components/common';

interface TaskInput {
  code: string;
  max: number;
  level: TaskLevel | null;
  skill: string | null;
}

/** «5.1 2 Б Умение …» per line → tasks; a Russian message for the first bad line. */
export function parseTasksText(text: string): TaskInput[] {
  const tasks: TaskInput[] = [];
  text
    .split('\n')
    .map((l) => l.trim())
    .forEach((line, i) => {
      if (!line) return;
      const m = /^(\d{1,2}(?:\.\d{1,2}){0,2})\s+(\d{1,3})(?:\s+([БПВ]))?(?:\s+(.*))?$/.exec(line);
      if (!m)
        throw new Error(
          `Строка ${i + 1}: ожидается «номер максимум [Б/П/В] [описание]», например «5.1 2 Б»`,
        );
      const level = (TASK_LEVELS as readonly string[]).includes(m[3] ?? '')
        ? (m[3] as TaskLevel)
        : null;
      tasks.push({ code: m[1] ?? '', max: Number(m[2]), level, skill: m[4] ?? null });
    });
  return tasks;
}

const tasksText = (t: TestView) =>
  t.tasks.map((x) => [x.code, x.max, x.level ?? '', x.skill ?? ''].join(' ').trim()).join('\n');

function TestEditor(props: { test: TestView | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const reference = useQuery({ queryKey: ['reference'], queryFn: endpoints.reference });
  const t = props.test;
  const [procedure, setProcedure] = useState<string>(t?.procedure ?? 'vpr');
  const [year, setYear] = useState<number | string>(t?.year ?? new Date().getFullYear());
  const [subjectId, setSubjectId] = useState<string | null>(t ? String(t.subjectId) : null);
  const [grade, setGrade] = useState<number | string>(t?.grade ?? 5);
  const [form, setForm] = useState(t?.form ?? '');
  const [tasks, setTasks] = useState(t ? tasksText(t) : '');
  const [maxTotal, setMaxTotal] = useState<number | string>(t?.maxTotal ?? '');
  const [min3, setMin3] = useState<number | string>(t?.cutScores?.min3 ?? '');
  const [min4, setMin4] = useState<number | string>(t?.cutScores?.min4 ?? '');
  const [min5, setMin5] = useState<number | string>(t?.cutScores?.min5 ?? '');
  const [source, setSource] = useState(t?.source ?? '');
  const save = useMutation({
    mutationFn: async () => {
      const parsed = parseTasksText(tasks);
      const num = (v: number | string) => (typeof v === 'number' ? v : null);
      const cuts =
        num(min3) !== null && num(min4) !== null && num(min5) !== null
          ? { min3: Number(min3), min4: Number(min4), min5: Number(min5) }
          : null;
      const fields = {
        tasks: parsed,
        maxTotal: parsed.length ? null : num(maxTotal),
        cutScores: cuts,
        source: source.trim() || null,
      };
      if (t) return resultsApi.updateTest(t.id, fields);
      return resultsApi.createTest({
        procedure: procedure as TestView['procedure'],
        year: Number(year),
        subjectId: Number(subjectId),
        grade: Number(grade),
        form,
        ...fields,
      });
    },
    onSuccess: async () => {
      notifySaved(t ? 'Работа исправлена' : 'Работа добавлена');
      await queryClient.invalidateQueries({ queryKey: ['results'] });
      props.onDone();
    },
  });
  return (
    <Card withBorder data-testid="test-editor">
      <Title order={4} mb="sm">
        {t ? `Исправить: ${t.name}` : 'Новая работа'}
      </Title>
      <Stack>
        {!t ? (
          <SimpleGrid cols={{ base: 1, sm: 5 }}>
            <Select
              label="Процедура"
              data={PROCEDURES.map((p) => ({ value: p, label: PROCEDURE_LABELS[p] }))}
              value={procedure}
              onChange={(v) => setProcedure(v ?? 'vpr')}
              allowDeselect={false}
            />
            <NumberInput label="Год" value={year} onChange={setYear} min={2015} max={2100} />
            <Select
              label="Предмет"
              searchable
              data={(reference.data?.subjects ?? []).map((s) => ({
                value: String(s.id),
                label: s.name,
              }))}
              value={subjectId}
              onChange={setSubjectId}
            />
            <NumberInput label="Параллель" value={grade} onChange={setGrade} min={1} max={11} />
            <TextInput
              label="Форма (если есть)"
              placeholder="базовая / углублённая"
              value={form}
              onChange={(e) => setForm(e.currentTarget.value)}
            />
          </SimpleGrid>
        ) : null}
        <Textarea
          label="Задания: по одному в строке — номер, максимальный балл, уровень Б/П/В, описание"
          placeholder={'1 2 Б\n2 1 Б\n5.1 1 П Умение …'}
          autosize
          minRows={4}
          value={tasks}
          onChange={(e) => setTasks(e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            label="Максимальный балл (без заданий)"
            value={maxTotal}
            onChange={setMaxTotal}
            min={1}
            disabled={tasks.trim() !== ''}
          />
          <NumberInput label="«3» от" value={min3} onChange={setMin3} min={1} />
          <NumberInput label="«4» от" value={min4} onChange={setMin4} min={1} />
          <NumberInput label="«5» от" value={min5} onChange={setMin5} min={1} />
        </SimpleGrid>
        <TextInput
          label="Источник"
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
        />
        <ErrorAlert error={save.error} />
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            Сохранить
          </Button>
          <Button variant="default" onClick={props.onDone}>
            Отмена
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The catalog of tests: structures and scales with their certainty; administrators edit. */
export function CatalogPage() {
  const { can } = useSession();
  const [year, setYear] = useState<number | string>('');
  const [editing, setEditing] = useState<TestView | 'new' | null>(null);
  const query = useQuery({
    queryKey: ['results', 'catalog', year],
    queryFn: () => resultsApi.catalog({ year: typeof year === 'number' ? year : undefined }),
  });
  const manage = can('catalog.manage');
  return (
    <>
      <PageHeader
        title="Каталог работ"
        subtitle="Задания (номер, максимальный балл, уровень Б/П/В) и границы отметок; у каждого факта указан источник"
        actions={manage ? <Button onClick={() => setEditing('new')}>Добавить работу</Button> : null}
      />
      <Stack>
        {editing ? (
          <TestEditor
            key={editing === 'new' ? 'new' : editing.id}
            test={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
        <NumberInput
          label="Год"
          placeholder="все годы"
          value={year}
          onChange={setYear}
          w={160}
          min={2015}
          max={2100}
        />
        <QueryState query={query}>
          {(tests) => (
            <Table striped withTableBorder data-testid="catalog-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Работа</Table.Th>
                  <Table.Th>Задания</Table.Th>
                  <Table.Th>Максимум</Table.Th>
                  <Table.Th>Границы «3» / «4» / «5»</Table.Th>
                  <Table.Th>Достоверность</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tests.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>
                      {t.name}
                      {t.source ? (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {t.source}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {t.tasks.length
                        ? t.tasks
                            .map((x) => `${x.code}(${x.max}${x.level ? x.level : ''})`)
                            .join(' ')
                        : 'не известны'}
                    </Table.Td>
                    <Table.Td>{t.maxTotal ?? '—'}</Table.Td>
                    <Table.Td>
                      {t.cutScores
                        ? `${t.cutScores.min3} / ${t.cutScores.min4} / ${t.cutScores.min5}`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      {t.structureCertainty ? (
                        <Badge
                          variant="light"
                          color={t.structureCertainty === 'I' ? 'orange' : 'blue'}
                        >
                          структура: {CERTAINTY_LABELS[t.structureCertainty]}
                        </Badge>
                      ) : null}{' '}
                      {t.scaleCertainty ? (
                        <Badge variant="light" color={t.scaleCertainty === 'I' ? 'orange' : 'blue'}>
                          шкала: {CERTAINTY_LABELS[t.scaleCertainty]}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {manage ? (
                        <Button size="xs" variant="light" onClick={() => setEditing(t)}>
                          Изменить
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
