import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  JOURNAL_ROLE_LABELS,
  JOURNAL_ROLES,
  type JournalMapping,
  type JournalRole,
} from '../../../../src/core/results/journalMarks';
import { endpoints } from '../../api/endpoints';
import { journalApi, type JournalOutcome, type JournalPreview } from '../../api/journalMarks';
import { ErrorAlert, formatDateTime } from '../../components/common';
import { IssuesTable } from './IssuesTable';
import { JournalHistory } from './JournalHistory';

const currentStartYear = () => {
  const now = new Date();
  return now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
};

/**
 * Marks from an electronic journal: upload → column mapping → preview of the mapped rows and
 * every error → commit; below, the history of such imports.
 */
export function JournalImport() {
  const queryClient = useQueryClient();
  const schools = useQuery({
    queryKey: ['orgs', 'schools-for-import'],
    queryFn: () => endpoints.orgs({ category: 'school', pageSize: 500 }),
  });
  const [file, setFile] = useState<File | null>(null);
  const [orgId, setOrgId] = useState<number | null>(null);
  const [year, setYear] = useState<number>(currentStartYear());
  const [preview, setPreview] = useState<JournalPreview | null>(null);
  const [mapping, setMapping] = useState<JournalMapping>({});
  const [outcome, setOutcome] = useState<JournalOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const upload = () =>
    run(async () => {
      if (!file || orgId === null) return;
      setOutcome(null);
      const p = await journalApi.upload(file, orgId, year);
      setPreview(p);
      setMapping(p.mapping);
    });
  const request = (p: JournalPreview) => ({
    uploadKey: p.uploadKey,
    fileName: p.fileName,
    orgId: orgId ?? 0,
    year,
    mapping,
  });
  const remap = () =>
    run(async () => {
      if (preview) setPreview(await journalApi.preview(request(preview)));
    });
  const commit = () =>
    run(async () => {
      if (!preview) return;
      setOutcome(await journalApi.commit(request(preview)));
      setPreview(null);
      await queryClient.invalidateQueries({ queryKey: ['results'] });
    });
  const columns = (preview?.headers ?? []).map((h, i) => ({
    value: String(i),
    label: `${i + 1}. ${h || '(без заголовка)'}`,
  }));
  const setRole = (role: JournalRole, v: string | null) =>
    setMapping((m) => ({ ...m, [role]: v === null ? null : Number(v) }));

  return (
    <Stack>
      <Card withBorder>
        <Text size="sm" c="dimmed" mb="xs">
          Выгрузка электронного журнала (XLSX или CSV) с отметками за четверти, триместры,
          полугодия, промежуточной и итоговой аттестации: одна строка — одна отметка. Столбцы с
          именами не читаются.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FileInput
            label="Файл"
            accept=".csv,.xlsx"
            value={file}
            onChange={(f) => {
              setFile(f);
              setPreview(null);
            }}
            data-testid="journal-file"
          />
          <Select
            label="ОО"
            searchable
            data={(schools.data?.items ?? []).map((o) => ({
              value: String(o.id),
              label: o.shortName,
            }))}
            value={orgId === null ? null : String(orgId)}
            onChange={(v) => setOrgId(v ? Number(v) : null)}
          />
          <NumberInput
            label="Учебный год (год начала)"
            min={2015}
            max={2100}
            value={year}
            onChange={(v) => typeof v === 'number' && setYear(v)}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button onClick={upload} disabled={!file || orgId === null} loading={busy && !preview}>
            Загрузить и сопоставить столбцы
          </Button>
        </Group>
      </Card>

      <ErrorAlert error={error} title="Файл не загружен" />

      {outcome ? (
        <Alert
          color={outcome.status === 'imported' ? 'green' : 'blue'}
          data-testid="journal-outcome"
        >
          {outcome.status === 'imported'
            ? `Загружено отметок: ${outcome.marks}.${
                outcome.replacedFileIds.length
                  ? ` Заменены прежние загрузки № ${outcome.replacedFileIds.join(', ')} (они остались в истории, их можно вернуть отменой новой загрузки).`
                  : ''
              }`
            : 'Этот файл уже был загружен для этой ОО и учебного года: ничего не изменилось.'}
        </Alert>
      ) : null}

      {preview ? (
        <Card withBorder data-testid="journal-preview">
          <Group justify="space-between" mb="sm">
            <Title order={4}>
              Сопоставление столбцов «{preview.fileName}»
              {preview.sheet ? `, лист «${preview.sheet}»` : ''}
            </Title>
            {preview.ok ? (
              <Badge color="green">можно загрузить</Badge>
            ) : (
              <Badge color="red">
                ошибок: {preview.issues.filter((i) => i.severity === 'error').length}
              </Badge>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 5 }} mb="sm">
            {JOURNAL_ROLES.map((role) => (
              <Select
                key={role}
                label={JOURNAL_ROLE_LABELS[role]}
                clearable={role === 'className'}
                data={columns}
                value={mapping[role] == null ? null : String(mapping[role])}
                onChange={(v) => setRole(role, v)}
              />
            ))}
          </SimpleGrid>
          <Group mb="md">
            <Button variant="light" onClick={remap} loading={busy}>
              Применить сопоставление
            </Button>
            <Text size="sm">
              Отметок: {preview.marksCount}; найдено обучающихся ОО: {preview.linkedStudents}
              {preview.alreadyImported ? '; этот файл уже загружен' : ''}
            </Text>
          </Group>
          {preview.replaces.length ? (
            <Alert color="yellow" mb="md" data-testid="journal-replaces">
              {preview.replaces.map((r) => (
                <Text size="sm" key={r.fileId}>
                  Заменит загрузку № {r.fileId} «{r.fileName}» от {formatDateTime(r.importedAt)}:
                  тех же отметок — {r.overlapping}
                  {r.dropped ? `, перестанут учитываться — ${r.dropped}` : ''}.
                </Text>
              ))}
            </Alert>
          ) : null}
          <Title order={5} mb="xs">
            Первые строки
          </Title>
          <Table withTableBorder striped mb="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Строка</Table.Th>
                <Table.Th>Код обучающегося</Table.Th>
                <Table.Th>Класс</Table.Th>
                <Table.Th>Предмет</Table.Th>
                <Table.Th>Период</Table.Th>
                <Table.Th>Отметка</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.sample.map((m) => (
                <Table.Tr key={m.row}>
                  <Table.Td>{m.row}</Table.Td>
                  <Table.Td>{m.studentCode}</Table.Td>
                  <Table.Td>{m.className ?? '—'}</Table.Td>
                  <Table.Td>{m.subjectName}</Table.Td>
                  <Table.Td>{m.period}</Table.Td>
                  <Table.Td>{m.mark}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <IssuesTable issues={preview.issues} />
          <Group mt="md">
            <Button onClick={commit} disabled={!preview.ok} loading={busy}>
              Загрузить отметки
            </Button>
            <Button variant="default" onClick={() => setPreview(null)}>
              Отменить
            </Button>
          </Group>
        </Card>
      ) : null}

      <JournalHistory />
    </Stack>
  );
}
