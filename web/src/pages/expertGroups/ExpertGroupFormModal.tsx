import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ExpertGroupView } from '../../../../src/shared/expertGroups';
import { endpoints } from '../../api/endpoints';
import { registryEndpoints } from '../../api/registry';
import { municipalitiesWith } from '../../auth/access';
import { useRequiredSession } from '../../auth/session';
import { ErrorAlert, notifySaved } from '../../components/common';
import { numberOrNull, useOrgOptions } from '../../components/registry';

/** Creates an expert group, or edits one (members, leader, supervised schools). */
export function ExpertGroupFormModal(props: {
  group?: ExpertGroupView;
  onClose(): void;
  onSaved?(group: ExpertGroupView): void;
}) {
  const { group } = props;
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const municipalityId =
    group?.municipalityId ?? municipalitiesWith(session, 'expertGroup.manage')[0]?.id ?? 0;
  const reference = useQuery({ queryKey: ['reference'], queryFn: endpoints.reference });
  const candidates = useQuery({
    queryKey: ['expert-candidates', municipalityId],
    queryFn: () => registryEndpoints.expertCandidates(municipalityId),
  });
  const schools = useOrgOptions('school');
  const [name, setName] = useState(group?.name ?? '');
  const [subjectId, setSubjectId] = useState<string | null>(group?.subjectId?.toString() ?? null);
  const [description, setDescription] = useState(group?.description ?? '');
  const [isActive, setIsActive] = useState(group?.isActive ?? true);
  const [members, setMembers] = useState<string[]>(
    group?.members.map((m) => String(m.userId)) ?? [],
  );
  const [leader, setLeader] = useState<string | null>(
    group?.members.find((m) => m.isLeader)?.userId.toString() ?? null,
  );
  const [schoolIds, setSchoolIds] = useState<string[]>(
    group?.schools.map((s) => String(s.orgId)) ?? [],
  );

  const people = new Map<string, string>();
  for (const m of group?.members ?? []) people.set(String(m.userId), m.fullName);
  for (const c of candidates.data ?? []) {
    people.set(String(c.userId), `${c.fullName}${c.workplaceName ? ` (${c.workplaceName})` : ''}`);
  }
  const schoolOptions = new Map(schools.options.map((o) => [o.value, o.label]));
  for (const s of group?.schools ?? []) {
    if (!schoolOptions.has(String(s.orgId))) schoolOptions.set(String(s.orgId), s.shortName);
  }

  const save = useMutation({
    mutationFn: () => {
      const body = {
        name,
        subjectId: numberOrNull(subjectId),
        description,
        isActive,
        members: members.map((id) => ({ userId: Number(id), isLeader: id === leader })),
        schoolOrgIds: schoolIds.map(Number),
      };
      return group
        ? endpoints.updateExpertGroup(group.id, body)
        : endpoints.createExpertGroup({ ...body, municipalityId });
    },
    onSuccess: async (g) => {
      notifySaved(group ? 'Группа изменена' : `Группа «${g.name}» создана`);
      await queryClient.invalidateQueries({ queryKey: ['expert-groups'] });
      await queryClient.invalidateQueries({ queryKey: ['expert-group', g.id] });
      props.onSaved?.(g);
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
      title={group ? `Изменить: ${group.name}` : 'Новая экспертная группа'}
      size="xl"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label="Название"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <Select
            label="Предмет"
            placeholder="Без предмета (начальное образование, общие вопросы)"
            data={(reference.data?.subjects ?? []).map((s) => ({
              value: String(s.id),
              label: s.name,
            }))}
            value={subjectId}
            onChange={setSubjectId}
            searchable
            clearable
          />
          <Textarea
            label="Описание"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <MultiSelect
            label="Эксперты"
            description="Пользователи с ролью «Эксперт» в муниципалитете"
            data={[...people].map(([value, label]) => ({ value, label }))}
            value={members}
            onChange={(v) => {
              setMembers(v);
              if (leader && !v.includes(leader)) setLeader(null);
            }}
            searchable
          />
          <Select
            label="Руководитель группы"
            data={members.map((id) => ({ value: id, label: people.get(id) ?? id }))}
            value={leader}
            onChange={setLeader}
            clearable
          />
          <MultiSelect
            label="Курируемые ОО"
            description="Эксперт не оценивает школу, в которой работает"
            data={[...schoolOptions].map(([value, label]) => ({ value, label }))}
            value={schoolIds}
            onChange={setSchoolIds}
            searchable
          />
          {group ? (
            <Checkbox
              label="Группа действует"
              checked={isActive}
              onChange={(e) => setIsActive(e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={save.isPending}>
              {group ? 'Сохранить' : 'Создать'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
