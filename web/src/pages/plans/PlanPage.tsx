import {
  Anchor,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ActivityView, DashboardView, PlanView } from '../../../../src/shared/plans';
import { planApi } from '../../api/plans';
import { ErrorAlert, PageHeader, QueryState } from '../../components/common';
import { ActivityDrawer } from './ActivityDrawer';
import { DeletePlanModal, EditPlanModal, Objectives } from './PlanEdit';
import { ProgressBar, StatusBadge, ruDate } from './status';

function ActivityRow({ a, onOpen }: { a: ActivityView; onOpen: (id: number) => void }) {
  return (
    <Table.Tr
      style={{ cursor: 'pointer' }}
      onClick={() => onOpen(a.id)}
      data-testid={`activity-${a.id}`}
    >
      <Table.Td>{a.parentId ? '' : (a.number ?? '')}</Table.Td>
      <Table.Td pl={a.parentId ? 'xl' : undefined}>{a.text}</Table.Td>
      <Table.Td style={{ whiteSpace: 'pre-line' }}>{a.deadline.text || '—'}</Table.Td>
      <Table.Td>{a.executorsText}</Table.Td>
      <Table.Td>
        <StatusBadge status={a.effectiveStatus} />
        {a.schools ? (
          <Text size="xs" c="dimmed">
            школы: {a.schools.done}/{a.schools.total}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function Activities({ plan, onOpen }: { plan: PlanView; onOpen: (id: number) => void }) {
  const loose = plan.activities.filter((a) => a.sectionId === null);
  const taskOf = (a: ActivityView) => plan.objectives.find((o) => o.id === a.objectiveId)?.text;
  let lastTask: string | undefined;
  const rows = (list: ActivityView[]) =>
    list.map((a) => {
      const task = taskOf(a);
      const head = task && task !== lastTask;
      lastTask = task;
      return (
        <Fragment key={a.id}>
          {head ? (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" fw={600}>
                  Задача: {task}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          <ActivityRow a={a} onOpen={onOpen} />
        </Fragment>
      );
    });
  return (
    <Table withTableBorder striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>№</Table.Th>
          <Table.Th>Мероприятие</Table.Th>
          <Table.Th w={160}>Срок</Table.Th>
          <Table.Th w={200}>Исполнители</Table.Th>
          <Table.Th w={130}>Статус</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows(loose)}
        {plan.sections.map((s) => (
          <Fragment key={s.id}>
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text fw={700}>
                  {s.number ? `${s.number}. ` : ''}
                  {s.title}
                </Text>
              </Table.Td>
            </Table.Tr>
            {rows(plan.activities.filter((a) => a.sectionId === s.id))}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Group3({ title, rows }: { title: string; rows: DashboardView['bySection'] }) {
  if (!rows.length) return null;
  return (
    <Stack gap={4}>
      <Title order={5}>{title}</Title>
      <Table>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td w={380}>
                <ProgressBar progress={r.progress} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Dashboard({ planId }: { planId: number }) {
  const q = useQuery({
    queryKey: ['plan', planId, 'dashboard'],
    queryFn: () => planApi.dashboard(planId),
  });
  return (
    <QueryState query={q}>
      {(d) => (
        <Stack>
          <ProgressBar progress={d.total} />
          <Group3 title="По разделам" rows={d.bySection} />
          <Group3 title="По исполнителям" rows={d.byExecutor} />
          <Group3 title="По месяцам (окончание срока)" rows={d.byMonth} />
          <Group3 title="По школам (назначенные задачи)" rows={d.bySchool} />
        </Stack>
      )}
    </QueryState>
  );
}

function AddActivity({ plan }: { plan: PlanView }) {
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState('');
  const [executors, setExecutors] = useState('');
  const add = useMutation({
    mutationFn: () =>
      planApi.addActivity(plan.id, { text, deadlineText: deadline, executorsText: executors }),
    onSuccess: async () => {
      setText('');
      setDeadline('');
      setExecutors('');
      await qc.invalidateQueries({ queryKey: ['plan', plan.id] });
    },
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <TextInput
          label="Новое мероприятие"
          style={{ flex: 3 }}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <TextInput
          label="Срок (как в документе)"
          placeholder="апрель-май 2023"
          style={{ flex: 1 }}
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
        />
        <TextInput
          label="Исполнители"
          placeholder="ИМЦ, ЦОКО, ОО"
          style={{ flex: 1 }}
          value={executors}
          onChange={(e) => setExecutors(e.currentTarget.value)}
        />
        <Button onClick={() => add.mutate()} disabled={!text.trim()} loading={add.isPending}>
          Добавить
        </Button>
      </Group>
      <ErrorAlert error={add.error} />
    </Stack>
  );
}

function AddSection({ plan }: { plan: PlanView }) {
  const qc = useQueryClient();
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const add = useMutation({
    mutationFn: () => planApi.addSection(plan.id, { number: number || null, title }),
    onSuccess: async () => {
      setNumber('');
      setTitle('');
      await qc.invalidateQueries({ queryKey: ['plan', plan.id] });
    },
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <TextInput
          label="№ раздела"
          w={100}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
        />
        <TextInput
          label="Новый раздел"
          style={{ flex: 1 }}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Button
          variant="default"
          onClick={() => add.mutate()}
          disabled={!title.trim()}
          loading={add.isPending}
        >
          Добавить раздел
        </Button>
      </Group>
      <ErrorAlert error={add.error} />
    </Stack>
  );
}

function CopyModal({
  plan,
  opened,
  onClose,
}: {
  plan: PlanView;
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const shift = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
  const [start, setStart] = useState(shift(plan.periodStart));
  const [end, setEnd] = useState(shift(plan.periodEnd));
  const copy = useMutation({
    mutationFn: () => planApi.copy(plan.id, { periodStart: start, periodEnd: end }),
    onSuccess: (p) => {
      onClose();
      void navigate(`/plans/${p.id}`);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="План на новый период по этому плану">
      <Stack>
        <Text size="sm">
          Разделы, задачи и мероприятия переносятся, годы в текстах и сроках сдвигаются, статусы
          сбрасываются; приказ об утверждении нужно указать заново.
        </Text>
        <Group grow>
          <TextInput
            label="Начало"
            type="date"
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
          />
          <TextInput
            label="Окончание"
            type="date"
            value={end}
            onChange={(e) => setEnd(e.currentTarget.value)}
          />
        </Group>
        <ErrorAlert error={copy.error} />
        <Button onClick={() => copy.mutate()} loading={copy.isPending}>
          Создать
        </Button>
      </Stack>
    </Modal>
  );
}

function PlanContent({ plan }: { plan: PlanView }) {
  const [open, setOpen] = useState<number | null>(null);
  const [copying, setCopying] = useState(false);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [from, setFrom] = useState(plan.periodStart);
  const [to, setTo] = useState(plan.periodEnd);
  const a = plan.approval;
  return (
    <Stack>
      <PageHeader
        title={plan.title}
        subtitle={`${plan.orgName} · ${plan.levelLabel} · ${ruDate(plan.periodStart)} – ${ruDate(plan.periodEnd)}`}
        actions={
          <>
            <Button component="a" href={planApi.exportDocxUrl(plan.id)} variant="default">
              Скачать DOCX
            </Button>
            <Button component="a" href={planApi.exportXlsxUrl(plan.id)} variant="default">
              Скачать XLSX
            </Button>
            {plan.canManage ? (
              <>
                <Button variant="default" onClick={() => setEditing(true)}>
                  Изменить план
                </Button>
                <Button variant="default" onClick={() => setCopying(true)}>
                  План на следующий год
                </Button>
                <Button color="red" variant="subtle" onClick={() => setDeleting(true)}>
                  Удалить план
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {a ? (
        <Text size="sm">
          УТВЕРЖДАЮ: {a.position.replace(/\n/g, ' ')} {a.name}
          {a.orderNumber ? `, приказ № ${a.orderNumber}` : ''}
          {a.orderDate ? ` от ${ruDate(a.orderDate)}` : ''}
        </Text>
      ) : null}
      {plan.goals.length ? (
        <Text size="sm">
          {plan.goals.length > 1 ? 'Цели' : 'Цель'}: {plan.goals.join('; ')}
        </Text>
      ) : null}
      <ProgressBar progress={plan.progress} />
      <Tabs defaultValue="activities">
        <Tabs.List>
          <Tabs.Tab value="activities">Мероприятия ({plan.activities.length})</Tabs.Tab>
          <Tabs.Tab value="dashboard">Исполнение</Tabs.Tab>
          <Tabs.Tab value="report">Справка о выполнении</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="activities" pt="md">
          <Stack>
            <Activities plan={plan} onOpen={setOpen} />
            {plan.canManage ? (
              <>
                <AddActivity plan={plan} />
                <AddSection plan={plan} />
                <Objectives plan={plan} />
              </>
            ) : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="dashboard" pt="md">
          <Dashboard planId={plan.id} />
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="md">
          <Group align="flex-end">
            <TextInput
              label="С"
              type="date"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              label="По"
              type="date"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
            <Anchor href={planApi.reportUrl(plan.id, from, to)}>Скачать справку (DOCX)</Anchor>
          </Group>
        </Tabs.Panel>
      </Tabs>
      <ActivityDrawer
        target={open === null ? null : { kind: 'activity', id: open }}
        onClose={() => setOpen(null)}
      />
      <CopyModal plan={plan} opened={copying} onClose={() => setCopying(false)} />
      {plan.canManage ? (
        <>
          <EditPlanModal
            key={plan.updatedAt}
            plan={plan}
            opened={editing}
            onClose={() => setEditing(false)}
          />
          <DeletePlanModal plan={plan} opened={deleting} onClose={() => setDeleting(false)} />
        </>
      ) : null}
    </Stack>
  );
}

export function PlanPage() {
  const id = Number(useParams().id);
  const plan = useQuery({ queryKey: ['plan', id], queryFn: () => planApi.get(id) });
  return <QueryState query={plan}>{(p) => <PlanContent plan={p} />}</QueryState>;
}
