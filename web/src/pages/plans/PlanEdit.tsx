import { Button, Group, Modal, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PlanView } from '../../../../src/shared/plans';
import { planApi } from '../../api/plans';
import { ErrorAlert, notifySaved } from '../../components/common';
import { PlanPeriodInputs } from './PlanPeriodInputs';

const useRefresh = (planId: number) => {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: ['plan', planId] });
    await qc.invalidateQueries({ queryKey: ['plans'] });
    await qc.invalidateQueries({ queryKey: ['plan-detail'] });
  };
};

/** The plan's header: title, period, the «УТВЕРЖДАЮ» block and the goals (one per line). */
export function EditPlanModal(props: { plan: PlanView; opened: boolean; onClose: () => void }) {
  const { plan } = props;
  const a = plan.approval;
  const [title, setTitle] = useState(plan.title);
  const [start, setStart] = useState(plan.periodStart);
  const [end, setEnd] = useState(plan.periodEnd);
  const [position, setPosition] = useState(a?.position ?? '');
  const [name, setName] = useState(a?.name ?? '');
  const [orderNumber, setOrderNumber] = useState(a?.orderNumber ?? '');
  const [orderDate, setOrderDate] = useState(a?.orderDate ?? '');
  const [goals, setGoals] = useState(plan.goals.join('\n'));
  const refresh = useRefresh(plan.id);
  const save = useMutation({
    mutationFn: () =>
      planApi.update(plan.id, {
        title,
        periodStart: start,
        periodEnd: end,
        approval:
          position.trim() || name.trim()
            ? {
                position,
                name,
                orderNumber: orderNumber || null,
                orderDate: orderDate || null,
              }
            : null,
        goals: goals
          .split('\n')
          .map((g) => g.trim())
          .filter(Boolean),
      }),
    onSuccess: () =>
      refresh().then(() => {
        notifySaved('План сохранён');
        props.onClose();
      }),
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Изменить план" size="lg">
      <Stack gap="xs">
        <Textarea
          label="Название"
          autosize
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <PlanPeriodInputs start={start} end={end} onStart={setStart} onEnd={setEnd} />
        <Title order={6}>УТВЕРЖДАЮ</Title>
        <Textarea
          label="Должность утверждающего"
          autosize
          value={position}
          onChange={(e) => setPosition(e.currentTarget.value)}
        />
        <TextInput label="ФИО" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Group grow>
          <TextInput
            label="Номер приказа"
            value={orderNumber}
            onChange={(e) => setOrderNumber(e.currentTarget.value)}
          />
          <TextInput
            label="Дата приказа"
            type="date"
            value={orderDate}
            onChange={(e) => setOrderDate(e.currentTarget.value)}
          />
        </Group>
        <Textarea
          label="Цели (каждая с новой строки)"
          autosize
          minRows={2}
          value={goals}
          onChange={(e) => setGoals(e.currentTarget.value)}
        />
        <Text size="xs" c="dimmed">
          При смене периода сроки без года («апрель», «в течение года») пересчитываются.
        </Text>
        <ErrorAlert error={save.error} />
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!title.trim()}>
          Сохранить
        </Button>
      </Stack>
    </Modal>
  );
}

/** Deleting the plan with all its activities, after a confirmation. */
export function DeletePlanModal(props: { plan: PlanView; opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => planApi.remove(props.plan.id),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['plans'] });
      await qc.invalidateQueries({ queryKey: ['my-tasks'] });
      notifySaved('План удалён');
      void navigate('/plans');
    },
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Удалить план?">
      <Stack>
        <Text size="sm">
          План «{props.plan.title}» будет удалён вместе с мероприятиями (
          {props.plan.activities.length}), задачами школ, комментариями и отметками о выполнении.
          Файлы-подтверждения остаются в «Документах». Удаление записывается в журнал.
        </Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Отмена
          </Button>
          <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
            Удалить план
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ObjectiveRow({ planId, id, text }: { planId: number; id: number; text: string }) {
  const [value, setValue] = useState(text);
  const refresh = useRefresh(planId);
  const save = useMutation({
    mutationFn: () => planApi.updateObjective(id, value),
    onSuccess: () => refresh().then(() => notifySaved('Задача сохранена')),
  });
  return (
    <>
      <Group align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          aria-label="Задача плана"
        />
        <Button
          variant="default"
          onClick={() => save.mutate()}
          disabled={value.trim() === text || !value.trim()}
          loading={save.isPending}
        >
          Сохранить
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </>
  );
}

/** The plan's tasks («Задачи»): edited in place, new ones added; activities refer to them. */
export function Objectives({ plan }: { plan: PlanView }) {
  const [text, setText] = useState('');
  const refresh = useRefresh(plan.id);
  const add = useMutation({
    mutationFn: () => planApi.addObjective(plan.id, text),
    onSuccess: () => refresh().then(() => setText('')),
  });
  return (
    <Stack gap="xs">
      <Title order={5}>Задачи плана</Title>
      {plan.objectives.map((o) => (
        <ObjectiveRow key={`${o.id}${o.text}`} planId={plan.id} id={o.id} text={o.text} />
      ))}
      <Group align="flex-end">
        <TextInput
          label="Новая задача"
          style={{ flex: 1 }}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Button
          variant="default"
          onClick={() => add.mutate()}
          disabled={!text.trim()}
          loading={add.isPending}
        >
          Добавить задачу
        </Button>
      </Group>
      <ErrorAlert error={add.error} />
    </Stack>
  );
}
