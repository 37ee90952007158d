import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ClassView } from '../../../../src/shared/classes';
import type { OrgView } from '../../../../src/shared/orgs';
import { endpoints } from '../../api/endpoints';
import { canAt } from '../../auth/access';
import { useRequiredSession } from '../../auth/session';
import { ErrorAlert, notifyError, notifySaved, QueryState } from '../../components/common';

function ClassFormModal(props: {
  orgId: number;
  academicYearId: number;
  yearName: string;
  cls?: ClassView;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  const [parallel, setParallel] = useState<number | string>(props.cls?.parallel ?? 1);
  const [letter, setLetter] = useState(props.cls?.letter ?? '');
  const [profile, setProfile] = useState(props.cls?.profile ?? '');
  const [count, setCount] = useState<number | string>(props.cls?.studentCount ?? '');
  const save = useMutation({
    mutationFn: () => {
      const body = {
        parallel: Number(parallel),
        letter,
        profile,
        studentCount: count === '' ? null : Number(count),
      };
      return props.cls
        ? endpoints.updateClass(props.cls.id, body)
        : endpoints.createClass(props.orgId, { ...body, academicYearId: props.academicYearId });
    },
    onSuccess: async (c) => {
      notifySaved(props.cls ? 'Класс изменён' : `Класс ${c.name} добавлен`);
      await queryClient.invalidateQueries({ queryKey: ['classes', props.orgId] });
      props.onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.cls ? `Класс ${props.cls.name}` : `Новый класс, ${props.yearName}`}
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Group grow>
            <NumberInput
              label="Параллель"
              min={1}
              max={11}
              value={parallel}
              onChange={setParallel}
              required
            />
            <TextInput
              label="Литера"
              placeholder="А"
              value={letter}
              onChange={(e) => setLetter(e.currentTarget.value)}
            />
          </Group>
          <TextInput
            label="Профиль"
            placeholder="например, физико-математический"
            value={profile}
            onChange={(e) => setProfile(e.currentTarget.value)}
          />
          <NumberInput
            label="Число обучающихся"
            min={0}
            max={60}
            value={count}
            onChange={setCount}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={save.isPending}>
              Сохранить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ClassesTab({ org }: { org: OrgView }) {
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const reference = useQuery({ queryKey: ['reference'], queryFn: endpoints.reference });
  const years = reference.data?.academicYears ?? [];
  const current = years.find((y) => y.isCurrent) ?? years[0];
  const [yearId, setYearId] = useState<string | null>(null);
  const selectedYear = years.find((y) => String(y.id) === yearId) ?? current;
  const classes = useQuery({
    queryKey: ['classes', org.id, selectedYear?.id],
    queryFn: () => endpoints.classes(org.id, selectedYear?.id),
    enabled: selectedYear !== undefined,
  });
  const [editing, setEditing] = useState<ClassView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ClassView | null>(null);
  const remove = useMutation({
    mutationFn: (c: ClassView) => endpoints.deleteClass(c.id),
    onSuccess: async () => {
      notifySaved('Класс удалён');
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: ['classes', org.id] });
    },
    onError: notifyError,
  });
  const manage = canAt(session, 'class.manage', {
    orgId: org.id,
    municipalityId: org.municipalityId,
  });

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Select
          label="Учебный год"
          data={years.map((y) => ({
            value: String(y.id),
            label: y.isCurrent ? `${y.name} (текущий)` : y.name,
          }))}
          value={selectedYear ? String(selectedYear.id) : null}
          onChange={setYearId}
          allowDeselect={false}
          w={220}
        />
        {manage && selectedYear ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Добавить класс
          </Button>
        ) : null}
      </Group>
      <QueryState query={classes}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">В этом учебном году классов нет.</Text>
          ) : (
            <Card withBorder p={0}>
              <Table striped data-testid="classes-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Класс</Table.Th>
                    <Table.Th>Профиль</Table.Th>
                    <Table.Th>Обучающихся</Table.Th>
                    {manage ? <Table.Th w={90} /> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td fw={500}>{c.name}</Table.Td>
                      <Table.Td>{c.profile ?? '—'}</Table.Td>
                      <Table.Td>{c.studentCount ?? '—'}</Table.Td>
                      {manage ? (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Tooltip label="Изменить">
                              <ActionIcon
                                variant="subtle"
                                aria-label={`Изменить ${c.name}`}
                                onClick={() => setEditing(c)}
                              >
                                <IconPencil size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label="Удалить">
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={`Удалить ${c.name}`}
                                onClick={() => setDeleting(c)}
                              >
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="sm" c="dimmed" p="sm">
                Классов: {list.length}; обучающихся:{' '}
                {list.reduce((sum, c) => sum + (c.studentCount ?? 0), 0)}
              </Text>
            </Card>
          )
        }
      </QueryState>
      {editing && selectedYear ? (
        <ClassFormModal
          orgId={org.id}
          academicYearId={selectedYear.id}
          yearName={selectedYear.name}
          cls={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {deleting ? (
        <Modal opened onClose={() => setDeleting(null)} title={`Удалить класс ${deleting.name}?`}>
          <Text size="sm" mb="md">
            Удалить можно только класс без обучающихся и результатов.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Отмена
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(deleting)}>
              Удалить
            </Button>
          </Group>
        </Modal>
      ) : null}
    </>
  );
}
