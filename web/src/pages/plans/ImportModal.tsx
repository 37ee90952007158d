import {
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DEADLINE_KIND_LABELS } from '../../../../src/core/plans/deadline';
import { PLAN_LEVEL_LABELS, PLAN_LEVELS, type PlanLevel } from '../../../../src/core/plans/model';
import {
  PLAN_COLUMN_LABELS,
  PLAN_COLUMNS,
  type PlanColumn,
} from '../../../../src/core/plans/table';
import type { ImportPreviewView } from '../../../../src/shared/plans';
import { planApi } from '../../api/plans';
import { ErrorAlert } from '../../components/common';
import { useOwnerOptions } from './PlansPage';
import { ruDate } from './status';
import { PlanPeriodInputs } from './PlanPeriodInputs';

type Mapping = Partial<Record<PlanColumn, number>>;

/** Import of a plan from a DOCX or XLSX table: preview, column mapping, then all or nothing. */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [level, setLevel] = useState<PlanLevel>('district');
  const [orgId, setOrgId] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const owners = useOwnerOptions(level, opened);

  const form = (extra: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(extra)) if (v) f.set(k, v);
    if (file) f.set('file', file);
    return f;
  };
  const read = useMutation({
    mutationFn: (m: Mapping | null) =>
      planApi.preview(form(m ? { mapping: JSON.stringify(m) } : {})),
    onSuccess: (p) => {
      setPreview(p);
      setMapping(p.mapping);
      setTitle((t) => t || p.title || '');
      setStart((s) => s || p.periodStart || '');
      setEnd((e) => e || p.periodEnd || '');
      if (p.level) setLevel(p.level);
    },
  });
  const save = useMutation({
    mutationFn: () =>
      planApi.import(
        form({
          orgId: orgId ?? '',
          level,
          title,
          periodStart: start,
          periodEnd: end,
          mapping: mapping ? JSON.stringify(mapping) : '',
        }),
      ),
    onSuccess: async (plan) => {
      await qc.invalidateQueries({ queryKey: ['plans'] });
      onClose();
      void navigate(`/plans/${plan.id}`);
    },
  });
  const width = Math.max(0, ...(preview?.sample.map((r) => r.length) ?? [0]));
  const header = preview?.sample.find((r) => r.some((c) => c.trim())) ?? [];
  const columnOptions = Array.from({ length: width }, (_, i) => ({
    value: String(i),
    label: `${i + 1}: ${(header[i] ?? '').slice(0, 40) || '—'}`,
  }));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Импорт плана из таблицы DOCX или XLSX"
      size="90%"
    >
      <Stack>
        <FileInput
          label="Файл плана"
          placeholder="Выберите .docx или .xlsx"
          accept=".docx,.xlsx"
          value={file}
          onChange={(f) => {
            setFile(f);
            setPreview(null);
            setMapping(null);
          }}
        />
        <Group>
          <Button onClick={() => read.mutate(null)} disabled={!file} loading={read.isPending}>
            Предпросмотр
          </Button>
          {preview ? (
            <Button variant="default" onClick={() => read.mutate(mapping)} loading={read.isPending}>
              Перечитать с выбранными колонками
            </Button>
          ) : null}
        </Group>
        <ErrorAlert error={read.error} />
        {preview ? (
          <>
            <Text fw={600}>Соответствие колонок</Text>
            <Group>
              {PLAN_COLUMNS.map((c) => (
                <Select
                  key={c}
                  w={190}
                  label={PLAN_COLUMN_LABELS[c]}
                  clearable
                  data={columnOptions}
                  value={mapping?.[c] === undefined ? null : String(mapping[c])}
                  onChange={(v) =>
                    setMapping((m) => {
                      const next = { ...(m ?? {}) };
                      if (v === null) delete next[c];
                      else next[c] = Number(v);
                      return next;
                    })
                  }
                />
              ))}
            </Group>
            {preview.approval ? (
              <Text size="sm">
                УТВЕРЖДАЮ: {preview.approval.position.replace(/\n/g, ' ')} {preview.approval.name}
                {preview.approval.orderNumber ? `, приказ № ${preview.approval.orderNumber}` : ''}
                {preview.approval.orderDate ? ` от ${ruDate(preview.approval.orderDate)}` : ''}
              </Text>
            ) : null}
            <Text size="sm">
              Найдено: разделов — {preview.sections.length}, задач — {preview.objectives.length},
              мероприятий — {preview.activities.length}
              {preview.goals.length ? `, целей — ${preview.goals.length}` : ''}
            </Text>
            <Table striped withTableBorder fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>№</Table.Th>
                  <Table.Th>Раздел</Table.Th>
                  <Table.Th>Мероприятие</Table.Th>
                  <Table.Th>Срок (как написано)</Table.Th>
                  <Table.Th>Исполнители</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.activities.map((a, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{a.subRow ? '└' : (a.number ?? '')}</Table.Td>
                    <Table.Td>{a.section ?? ''}</Table.Td>
                    <Table.Td>{a.text}</Table.Td>
                    <Table.Td>
                      {a.deadline || '—'}{' '}
                      <Badge
                        size="xs"
                        variant="light"
                        color={a.deadlineKind === 'unparsed' ? 'red' : 'gray'}
                      >
                        {DEADLINE_KIND_LABELS[a.deadlineKind]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{a.executors}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group grow align="flex-end">
              <Select
                label="Уровень"
                data={PLAN_LEVELS.map((l) => ({ value: l, label: PLAN_LEVEL_LABELS[l] }))}
                value={level}
                onChange={(v) => {
                  setLevel((v as PlanLevel) ?? 'district');
                  setOrgId(null);
                }}
              />
              <Select label="Чей план" data={owners} value={orgId} onChange={setOrgId} searchable />
            </Group>
            <TextInput
              label="Название"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <PlanPeriodInputs start={start} end={end} onStart={setStart} onEnd={setEnd} />
            <ErrorAlert error={save.error} />
            <Group justify="flex-end">
              <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!orgId}>
                Импортировать
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}
