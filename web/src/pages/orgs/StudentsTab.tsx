import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { OrgView } from '../../../../src/shared/orgs';
import { endpoints } from '../../api/endpoints';
import { canAt } from '../../auth/access';
import { useRequiredSession } from '../../auth/session';
import { ErrorAlert, formatDate, notifySaved, QueryState } from '../../components/common';
import { numberOrNull, Pager } from '../../components/registry';

const PAGE_SIZE = 50;

/** Codes separated by spaces, commas, semicolons or line breaks, without repeats. */
export const splitCodes = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((c) => c.trim())
      .filter(Boolean),
  ),
];

function AddCodesModal({ org, onClose }: { org: OrgView; onClose(): void }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [classId, setClassId] = useState<string | null>(null);
  const reference = useQuery({ queryKey: ['reference'], queryFn: endpoints.reference });
  const year = reference.data?.academicYears.find((y) => y.isCurrent);
  const classes = useQuery({
    queryKey: ['classes', org.id, year?.id],
    queryFn: () => endpoints.classes(org.id, year?.id),
    enabled: year !== undefined,
  });
  const codes = splitCodes(text);
  const add = useMutation({
    mutationFn: () => endpoints.addStudents(org.id, codes, numberOrNull(classId)),
    onSuccess: async (r) => {
      notifySaved(
        `Добавлено кодов: ${r.created}${r.existing ? `; уже были в реестре: ${r.existing}` : ''}`,
      );
      await queryClient.invalidateQueries({ queryKey: ['students', org.id] });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Modal opened onClose={onClose} title="Добавить коды обучающихся" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Alert color="blue" variant="light">
            Вводите только псевдонимные коды (как в ФИС ОКО), без фамилий и имён. Коды разделяйте
            пробелами, запятыми или переводом строки.
          </Alert>
          <ErrorAlert error={add.error} />
          <Textarea
            label="Коды"
            placeholder={'212-05-001\n212-05-002'}
            autosize
            minRows={6}
            maxRows={16}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Select
            label={`Класс в ${year?.name ?? 'текущем'} учебном году (необязательно)`}
            placeholder="Без класса"
            data={(classes.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            value={classId}
            onChange={setClassId}
            clearable
            searchable
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Распознано кодов: {codes.length}
            </Text>
            <Group>
              <Button variant="default" onClick={onClose}>
                Отмена
              </Button>
              <Button type="submit" loading={add.isPending} disabled={!codes.length}>
                Добавить
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function StudentsTab({ org }: { org: OrgView }) {
  const session = useRequiredSession();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const query = useQuery({
    queryKey: ['students', org.id, page],
    queryFn: () => endpoints.students(org.id, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const manage = canAt(session, 'student.manage', {
    orgId: org.id,
    municipalityId: org.municipalityId,
  });
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          Обучающиеся хранятся под псевдонимными кодами: система не требует ФИО.
        </Text>
        {manage ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            Добавить коды
          </Button>
        ) : null}
      </Group>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">Коды обучающихся ещё не добавлены.</Text>
          ) : (
            <Card withBorder p={0}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Код</Table.Th>
                    <Table.Th>Классы (по годам)</Table.Th>
                    <Table.Th>Добавлен</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td ff="monospace">{s.code}</Table.Td>
                      <Table.Td>{s.classNames.join(', ') || '—'}</Table.Td>
                      <Table.Td>{formatDate(s.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )
        }
      </QueryState>
      {query.data ? (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={query.data.total}
          onChange={setPage}
          noun="кодов"
        />
      ) : null}
      {adding ? <AddCodesModal org={org} onClose={() => setAdding(false)} /> : null}
    </>
  );
}
