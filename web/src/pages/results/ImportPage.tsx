import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { PROCEDURE_LABELS, PROCEDURES } from '../../../../src/core/results/types';
import type { ImportOutcomeView, ImportPreviewView } from '../../../../src/shared/results';
import { endpoints } from '../../api/endpoints';
import { resultsApi, uploadForPreview, type ImportFields } from '../../api/results';
import { ErrorAlert, formatBytes, PageHeader } from '../../components/common';
import { ImportHistory } from './ImportHistory';
import { JournalImport } from './JournalImport';
import { IssuesTable } from './IssuesTable';

/** The import page: procedure results and marks from electronic journals, one tab each. */
export function ImportPage() {
  return (
    <>
      <PageHeader
        title="Загрузка результатов"
        subtitle="Выгрузка ФИС ОКО «Индивидуальные результаты» или «Форма сбора результатов» ОО, XLSX или CSV; отметки из электронного журнала"
      />
      <Tabs defaultValue="procedures" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="procedures">Результаты процедур</Tabs.Tab>
          <Tabs.Tab value="journal">Отметки из электронного журнала</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="procedures">
          <ProceduresImport />
        </Tabs.Panel>
        <Tabs.Panel value="journal">
          <JournalImport />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** Upload by drag and drop, preview with every issue, commit, and the import history. */
function ProceduresImport() {
  const queryClient = useQueryClient();
  const reference = useQuery({ queryKey: ['reference'], queryFn: endpoints.reference });
  const schools = useQuery({
    queryKey: ['orgs', 'schools-for-import'],
    queryFn: () => endpoints.orgs({ category: 'school', pageSize: 500 }),
  });
  const [file, setFile] = useState<File | null>(null);
  const [fields, setFields] = useState<ImportFields>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcomeView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = (f: File | null | undefined) => {
    setFile(f ?? null);
    setPreview(null);
    setOutcome(null);
    setError(null);
    setProgress(null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  };
  const check = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setPreview(null);
    setOutcome(null);
    try {
      setProgress(0);
      setPreview(await uploadForPreview(file, fields, setProgress));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      setOutcome(await resultsApi.commit(preview, fields));
      setPreview(null);
      await queryClient.invalidateQueries({ queryKey: ['results'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const set = (patch: ImportFields) => setFields((f) => ({ ...f, ...patch }));

  return (
    <>
      <Stack>
        <Card withBorder>
          <Box
            data-testid="dropzone"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            onClick={() => input.current?.click()}
            p="xl"
            style={{
              border: `2px dashed ${dragging ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-4)'}`,
              borderRadius: 8,
              cursor: 'pointer',
              textAlign: 'center',
            }}
          >
            <IconUpload size={32} />
            <Text>Перетащите файл сюда или нажмите, чтобы выбрать</Text>
            <Text size="sm" c="dimmed">
              {file
                ? `${file.name} · ${formatBytes(file.size)}`
                : 'CSV (UTF-8 или Windows-1251) или XLSX'}
            </Text>
            <input
              ref={input}
              type="file"
              accept=".csv,.xlsx"
              hidden
              data-testid="file-input"
              onChange={(e) => choose(e.currentTarget.files?.[0])}
            />
          </Box>
          <Text size="sm" mt="md" c="dimmed">
            Если в файле нет заголовка «ВПР ГГГГ Предмет N класс» (форма сбора результатов), укажите
            работу:
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} mt="xs">
            <Select
              label="Процедура"
              clearable
              data={PROCEDURES.map((p) => ({ value: p, label: PROCEDURE_LABELS[p] }))}
              value={fields.procedure ?? null}
              onChange={(v) => set({ procedure: v ?? undefined })}
            />
            <NumberInput
              label="Год"
              min={2015}
              max={2100}
              value={fields.year ?? ''}
              onChange={(v) => set({ year: typeof v === 'number' ? v : undefined })}
            />
            <Select
              label="Предмет"
              clearable
              searchable
              data={(reference.data?.subjects ?? []).map((s) => ({ value: s.code, label: s.name }))}
              value={fields.subjectCode ?? null}
              onChange={(v) => set({ subjectCode: v ?? undefined })}
            />
            <NumberInput
              label="Параллель"
              min={1}
              max={11}
              value={fields.grade ?? ''}
              onChange={(v) => set({ grade: typeof v === 'number' ? v : undefined })}
            />
            <Select
              label="Сессия"
              clearable
              data={[
                { value: 'spring', label: 'весна' },
                { value: 'autumn', label: 'осень' },
              ]}
              value={fields.session ?? null}
              onChange={(v) => set({ session: v ?? undefined })}
            />
            <Select
              label="ОО (для формы сбора)"
              clearable
              searchable
              data={(schools.data?.items ?? []).map((o) => ({
                value: String(o.id),
                label: o.shortName,
              }))}
              value={fields.orgId ? String(fields.orgId) : null}
              onChange={(v) => set({ orgId: v ? Number(v) : undefined })}
            />
          </SimpleGrid>
          <Group mt="md">
            <Button onClick={check} disabled={!file} loading={busy && !preview}>
              Проверить файл
            </Button>
          </Group>
          {progress !== null && busy && !preview ? (
            <Progress mt="sm" value={progress * 100} animated aria-label="Загрузка файла" />
          ) : null}
        </Card>

        <ErrorAlert error={error} title="Файл не загружен" />

        {outcome ? (
          <Alert
            color={outcome.status === 'imported' ? 'green' : 'blue'}
            title={outcome.testName}
            data-testid="import-outcome"
          >
            {outcome.status === 'imported'
              ? `Загружено работ: ${outcome.works}${outcome.replacedBatchIds.length ? `; заменены загрузки № ${outcome.replacedBatchIds.join(', ')}` : ''}.`
              : 'Этот файл уже был загружен: ничего не изменилось.'}{' '}
            <Link to={`/results?test=${outcome.testId}`}>Открыть результаты</Link>
          </Alert>
        ) : null}

        {preview ? (
          <PreviewCard
            preview={preview}
            busy={busy}
            onCommit={commit}
            onCancel={() => choose(null)}
          />
        ) : null}

        <Card withBorder>
          <Title order={4} mb="sm">
            История загрузок
          </Title>
          <ImportHistory />
        </Card>
      </Stack>
    </>
  );
}

function PreviewCard(props: {
  preview: ImportPreviewView;
  busy: boolean;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const p = props.preview;
  const errors = p.issues.filter((i) => i.severity === 'error').length;
  return (
    <Card withBorder data-testid="import-preview">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Проверка файла «{p.fileName}»</Title>
        {p.ok ? (
          <Badge color="green">можно загрузить</Badge>
        ) : (
          <Badge color="red">ошибок: {errors}</Badge>
        )}
      </Group>
      <Table withTableBorder mb="md">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={240}>Вид файла</Table.Th>
            <Table.Td>
              {p.kindLabel ?? 'не распознан'}
              {p.sheet ? `, лист «${p.sheet}»` : ''}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Работа</Table.Th>
            <Table.Td data-testid="preview-test">{p.testName ?? 'не определена'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Задания</Table.Th>
            <Table.Td>
              {p.tasks.length
                ? p.tasks
                    .map((t) => `${t.code} (${t.max}б${t.level ? `, ${t.level}` : ''})`)
                    .join(', ')
                : '—'}
              {p.maxTotal !== null ? `; максимум ${p.maxTotal}` : ''}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Границы отметок</Table.Th>
            <Table.Td>
              {p.cutScores
                ? `«3» от ${p.cutScores.min3}, «4» от ${p.cutScores.min4}, «5» от ${p.cutScores.min5}`
                : 'не известны'}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Работ</Table.Th>
            <Table.Td>
              {p.works} (отсутствовали: {p.absent})
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {p.schools.length ? (
        <Table striped withTableBorder mb="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Логин</Table.Th>
              <Table.Th>ОО</Table.Th>
              <Table.Th>Классы</Table.Th>
              <Table.Th>Работ</Table.Th>
              <Table.Th>Отсутствовали</Table.Th>
              <Table.Th>Что произойдёт</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.schools.map((s) => (
              <Table.Tr key={s.login ?? s.orgId ?? ''}>
                <Table.Td>{s.login ?? '—'}</Table.Td>
                <Table.Td>{s.orgName ?? s.name ?? '—'}</Table.Td>
                <Table.Td>{s.classes.join(', ')}</Table.Td>
                <Table.Td>{s.works}</Table.Td>
                <Table.Td>{s.absent}</Table.Td>
                <Table.Td>
                  {s.willCreate
                    ? 'ОО будет создана'
                    : s.replacesBatchId
                      ? `заменит загрузку № ${s.replacesBatchId}`
                      : 'новая загрузка'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Title order={5} mb="xs">
        Замечания
      </Title>
      <IssuesTable issues={p.issues} />
      <Group mt="md">
        <Button onClick={props.onCommit} disabled={!p.ok || props.busy} loading={props.busy}>
          {p.alreadyImported ? 'Файл уже загружен' : 'Загрузить'}
        </Button>
        <Button variant="default" onClick={props.onCancel}>
          Отмена
        </Button>
      </Group>
    </Card>
  );
}
