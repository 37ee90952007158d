import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  PROCEDURE_KIND_LABELS,
  PROCEDURE_KINDS,
  type ProcedureKind,
} from '../../../../src/core/schedules/model';
import type { SaveScheduleRequest, ScheduleView } from '../../../../src/shared/schedules';
import { monitoringApi } from '../../api/monitoring';
import { ErrorAlert, notifySaved } from '../../components/common';

const WEEKDAYS = [
  { value: '0', label: 'все дни' },
  ...['пн', 'вт', 'ср', 'чт', 'пт', 'сб'].map((d, i) => ({ value: String(i + 1), label: d })),
];

const requestOf = (view: ScheduleView): SaveScheduleRequest => ({
  academicYearId: view.academicYearId,
  entries: view.entries.map((e) => ({
    className: e.className,
    subjectName: e.subjectName,
    date: e.date,
    lesson: e.lesson,
    kind: e.kind,
    durationMin: e.durationMin,
    wholeClass: e.wholeClass,
  })),
  curriculum: view.curriculum.map((c) => ({
    parallel: c.parallel,
    subjectName: c.subjectName,
    weeklyHours: c.weeklyHours,
  })),
  lessonsPerDay: view.lessonsPerDay,
});

const Remove = ({ onClick }: { onClick: () => void }) => (
  <ActionIcon variant="subtle" color="red" aria-label="Удалить строку" onClick={onClick}>
    <IconTrash size={14} />
  </ActionIcon>
);

/** Entry in the UI: procedures, curriculum hours and lessons per day, saved as a whole. */
export function ScheduleEditor({ view, orgId }: { view: ScheduleView; orgId: number }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<SaveScheduleRequest>(() => requestOf(view));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [entry, setEntry] = useState({
    className: '',
    subjectName: '',
    date: '',
    lesson: 2 as number | string,
    kind: 'control' as ProcedureKind,
    durationMin: 45 as number | string,
  });
  const [plan, setPlan] = useState({
    parallel: 5 as number | string,
    subjectName: '',
    hours: 1 as number | string,
  });
  const [day, setDay] = useState({
    parallel: 5 as number | string,
    weekday: '0',
    lessons: 6 as number | string,
  });
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await monitoringApi.saveSchedule(orgId, draft);
      client.setQueryData(['schedule', orgId, view.academicYearId], next);
      notifySaved('График сохранён и проверен');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Tabs defaultValue="entries">
        <Tabs.List>
          <Tabs.Tab value="entries">Процедуры ({draft.entries.length})</Tabs.Tab>
          <Tabs.Tab value="plan">Учебный план ({draft.curriculum.length})</Tabs.Tab>
          <Tabs.Tab value="days">Уроков в день ({draft.lessonsPerDay.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries" pt="sm">
          <Group align="flex-end">
            <TextInput
              label="Класс"
              w={80}
              value={entry.className}
              onChange={(e) => setEntry({ ...entry, className: e.currentTarget.value })}
            />
            <TextInput
              label="Предмет"
              value={entry.subjectName}
              onChange={(e) => setEntry({ ...entry, subjectName: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label="Дата"
              value={entry.date}
              onChange={(e) => setEntry({ ...entry, date: e.currentTarget.value })}
            />
            <NumberInput
              label="Урок"
              w={70}
              min={1}
              max={10}
              value={entry.lesson}
              onChange={(v) => setEntry({ ...entry, lesson: v })}
            />
            <Select
              label="Вид"
              data={PROCEDURE_KINDS.map((k) => ({ value: k, label: PROCEDURE_KIND_LABELS[k] }))}
              value={entry.kind}
              onChange={(v) =>
                setEntry({ ...entry, kind: (v as ProcedureKind | null) ?? 'control' })
              }
            />
            <NumberInput
              label="Мин"
              w={70}
              min={1}
              max={300}
              value={entry.durationMin}
              onChange={(v) => setEntry({ ...entry, durationMin: v })}
            />
            <Button
              variant="light"
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  entries: [
                    ...d.entries,
                    {
                      ...entry,
                      lesson: Number(entry.lesson),
                      durationMin: Number(entry.durationMin),
                      wholeClass: true,
                    },
                  ],
                }))
              }
            >
              Добавить
            </Button>
          </Group>
          <Table fz="xs" mt="sm">
            <Table.Tbody>
              {draft.entries.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.className}</Table.Td>
                  <Table.Td>{e.subjectName}</Table.Td>
                  <Table.Td>{e.date.split('-').reverse().join('.')}</Table.Td>
                  <Table.Td>урок {e.lesson}</Table.Td>
                  <Table.Td>{PROCEDURE_KIND_LABELS[e.kind]}</Table.Td>
                  <Table.Td>{e.durationMin} мин</Table.Td>
                  <Table.Td>
                    <Remove
                      onClick={() =>
                        setDraft((d) => ({ ...d, entries: d.entries.filter((_, k) => k !== i) }))
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="plan" pt="sm">
          <Group align="flex-end">
            <NumberInput
              label="Параллель"
              w={90}
              min={1}
              max={11}
              value={plan.parallel}
              onChange={(v) => setPlan({ ...plan, parallel: v })}
            />
            <TextInput
              label="Предмет"
              value={plan.subjectName}
              onChange={(e) => setPlan({ ...plan, subjectName: e.currentTarget.value })}
            />
            <NumberInput
              label="Часов в неделю"
              w={120}
              min={0}
              max={40}
              step={0.5}
              value={plan.hours}
              onChange={(v) => setPlan({ ...plan, hours: v })}
            />
            <Button
              variant="light"
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  curriculum: [
                    ...d.curriculum,
                    {
                      parallel: Number(plan.parallel),
                      subjectName: plan.subjectName,
                      weeklyHours: Number(plan.hours),
                    },
                  ],
                }))
              }
            >
              Добавить
            </Button>
          </Group>
          <Table fz="xs" mt="sm">
            <Table.Tbody>
              {draft.curriculum.map((c, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{c.parallel} класс</Table.Td>
                  <Table.Td>{c.subjectName}</Table.Td>
                  <Table.Td>{c.weeklyHours} ч в неделю</Table.Td>
                  <Table.Td>
                    <Remove
                      onClick={() =>
                        setDraft((d) => ({
                          ...d,
                          curriculum: d.curriculum.filter((_, k) => k !== i),
                        }))
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="days" pt="sm">
          <Group align="flex-end">
            <NumberInput
              label="Параллель"
              w={90}
              min={1}
              max={11}
              value={day.parallel}
              onChange={(v) => setDay({ ...day, parallel: v })}
            />
            <Select
              label="День недели"
              w={120}
              data={WEEKDAYS}
              value={day.weekday}
              onChange={(v) => setDay({ ...day, weekday: v ?? '0' })}
            />
            <NumberInput
              label="Уроков"
              w={90}
              min={1}
              max={10}
              value={day.lessons}
              onChange={(v) => setDay({ ...day, lessons: v })}
            />
            <Button
              variant="light"
              onClick={() =>
                setDraft((d) => ({
                  ...d,
                  lessonsPerDay: [
                    ...d.lessonsPerDay,
                    {
                      parallel: Number(day.parallel),
                      weekday: day.weekday === '0' ? null : Number(day.weekday),
                      lessons: Number(day.lessons),
                    },
                  ],
                }))
              }
            >
              Добавить
            </Button>
          </Group>
          <Table fz="xs" mt="sm">
            <Table.Tbody>
              {draft.lessonsPerDay.map((l, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{l.parallel} класс</Table.Td>
                  <Table.Td>{WEEKDAYS[l.weekday ?? 0]?.label}</Table.Td>
                  <Table.Td>{l.lessons} уроков</Table.Td>
                  <Table.Td>
                    <Remove
                      onClick={() =>
                        setDraft((d) => ({
                          ...d,
                          lessonsPerDay: d.lessonsPerDay.filter((_, k) => k !== i),
                        }))
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
      </Tabs>
      <Group mt="md">
        <Button onClick={save} loading={busy}>
          Сохранить и проверить
        </Button>
        <Text size="xs" c="dimmed">
          Сохраняется целиком: график, учебный план и число уроков в день.
        </Text>
      </Group>
      <ErrorAlert error={error} />
    </Card>
  );
}
