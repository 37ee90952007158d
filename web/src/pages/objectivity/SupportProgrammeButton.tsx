import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { objectivitySupportApi } from '../../api/objectivitySupport';
import { municipalitiesWith } from '../../auth/access';
import { useSession } from '../../auth/session';
import { notifyError, notifySaved } from '../../components/common';

/**
 * «Программа адресного сопровождения»: for the schools chosen on the risk list, a modal asks the
 * title and the school year and creates the programme as a plan (seed 001 shape, the schools'
 * figures from the latest analysis run), then opens the plan. District staff only.
 */
export function SupportProgrammeButton(props: { orgIds: number[]; year: number }) {
  const { can, session } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [startYear, setStartYear] = useState(String(props.year));
  const [responsible, setResponsible] = useState('');
  const create = useMutation({
    mutationFn: () =>
      objectivitySupportApi.createProgramme({
        orgIds: props.orgIds,
        year: props.year,
        startYear: Number(startYear),
        title: title.trim() || null,
        responsible: responsible.trim() || null,
      }),
    onSuccess: async (out) => {
      notifySaved(`Программа сформирована: мероприятий ${out.activities}`);
      await client.invalidateQueries({ queryKey: ['plans'] });
      setOpen(false);
      await navigate(`/plans/${out.planId}`);
    },
    onError: notifyError,
  });
  // District staff only: the programme is a plan of the district's ИМЦ.
  const district = session ? municipalitiesWith(session, 'plan.manage').length > 0 : false;
  if (!district || !can('objectivity.read')) return null;
  const years = [props.year - 1, props.year, props.year + 1].map((y) => ({
    value: String(y),
    label: `${y}/${y + 1} учебный год`,
  }));
  return (
    <>
      <Button disabled={!props.orgIds.length} onClick={() => setOpen(true)}>
        Программа адресного сопровождения ({props.orgIds.length})
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title="Программа адресного сопровождения"
        size="lg"
      >
        <Stack>
          <Text size="sm">
            Программа профилактических мер для выбранных школ (ОО: {props.orgIds.length}) по
            результатам ВПР {props.year} года: информационная работа, контроль проведения
            (наблюдатели из других школ, перекрёстная проверка и перепроверка), анализ результатов,
            методическая помощь. Показатели школ берутся из последнего запуска анализа. Программа
            создаётся как план мероприятий: её можно изменить, отслеживать и выгрузить в DOCX.
          </Text>
          <TextInput
            label="Название"
            placeholder="Программа профилактических мер по адресному сопровождению…"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Select
            label="Учебный год программы"
            data={years}
            value={startYear}
            onChange={(v) => v && setStartYear(v)}
            allowDeselect={false}
          />
          <TextInput
            label="Ответственный за анализ (Фамилия И.О.)"
            placeholder="По умолчанию — вы"
            value={responsible}
            onChange={(e) => setResponsible(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Отмена
            </Button>
            <Button loading={create.isPending} onClick={() => create.mutate()}>
              Сформировать программу
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
