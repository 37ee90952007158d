import {
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { categoryOfKind, type OrgKind } from '../../../../src/core/registry/organisations';
import type { OrgView } from '../../../../src/shared/orgs';
import { endpoints } from '../../api/endpoints';
import { municipalitiesWith } from '../../auth/access';
import { useRequiredSession } from '../../auth/session';
import { ErrorAlert, notifySaved } from '../../components/common';
import { KIND_GROUPS } from './orgLabels';

interface Fields {
  kind: OrgKind;
  number: string;
  fisLogin: string;
  fullName: string;
  shortName: string;
  address: string;
  directorName: string;
  phone: string;
  email: string;
  website: string;
  isActive: boolean;
}

const fieldsOf = (org?: OrgView): Fields => ({
  kind: org?.kind ?? 'school',
  number: org?.number ?? '',
  fisLogin: org?.fisLogin ?? '',
  fullName: org?.fullName ?? '',
  shortName: org?.shortName ?? '',
  address: org?.address ?? '',
  directorName: org?.directorName ?? '',
  phone: org?.phone ?? '',
  email: org?.email ?? '',
  website: org?.website ?? '',
  isActive: org?.isActive ?? true,
});

/** Creates an organisation, or edits one when `org` is given. */
export function OrgFormModal(props: {
  org?: OrgView;
  onClose(): void;
  onSaved?(org: OrgView): void;
}) {
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const municipalities = municipalitiesWith(session, 'org.manage');
  const [municipalityId, setMunicipalityId] = useState<string | null>(
    String(props.org?.municipalityId ?? municipalities[0]?.id ?? ''),
  );
  const [f, setF] = useState<Fields>(fieldsOf(props.org));
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) =>
    setF((prev) => ({ ...prev, [key]: value }));
  const isSchool = categoryOfKind(f.kind) === 'school';

  const save = useMutation({
    mutationFn: () => {
      const common = {
        kind: f.kind,
        number: f.number,
        fisLogin: isSchool ? f.fisLogin : null,
        fullName: f.fullName,
        shortName: f.shortName,
        address: f.address,
        directorName: f.directorName,
        phone: f.phone,
        email: f.email,
        website: f.website,
      };
      return props.org
        ? endpoints.updateOrg(props.org.id, { ...common, isActive: f.isActive })
        : endpoints.createOrg({ ...common, municipalityId: Number(municipalityId) });
    },
    onSuccess: async (org) => {
      notifySaved(props.org ? 'Изменения сохранены' : `Организация «${org.shortName}» создана`);
      await queryClient.invalidateQueries({ queryKey: ['orgs'] });
      await queryClient.invalidateQueries({ queryKey: ['org', org.id] });
      props.onSaved?.(org);
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
      title={props.org ? `Изменить: ${props.org.shortName}` : 'Новая организация'}
      size="xl"
    >
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          {!props.org && municipalities.length > 1 ? (
            <Select
              label="Муниципалитет"
              data={municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
              value={municipalityId}
              onChange={setMunicipalityId}
              allowDeselect={false}
              required
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Вид организации"
              data={KIND_GROUPS}
              value={f.kind}
              onChange={(v) => v && set('kind', v as OrgKind)}
              allowDeselect={false}
              required
            />
            <TextInput
              label="Номер"
              description="Для школ: номер без «№»"
              value={f.number}
              onChange={(e) => set('number', e.currentTarget.value)}
            />
            {isSchool ? (
              <TextInput
                label="Логин ФИС ОКО"
                description="Вида sch780212"
                value={f.fisLogin}
                onChange={(e) => set('fisLogin', e.currentTarget.value)}
              />
            ) : null}
          </SimpleGrid>
          <TextInput
            label="Полное наименование"
            value={f.fullName}
            onChange={(e) => set('fullName', e.currentTarget.value)}
            required
          />
          <TextInput
            label="Краткое наименование"
            description="Так организация показывается в списках и отчётах"
            value={f.shortName}
            onChange={(e) => set('shortName', e.currentTarget.value)}
            required
          />
          <TextInput
            label="Адрес"
            value={f.address}
            onChange={(e) => set('address', e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Руководитель"
              value={f.directorName}
              onChange={(e) => set('directorName', e.currentTarget.value)}
            />
            <TextInput
              label="Телефон"
              value={f.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
            />
            <TextInput
              label="Электронная почта"
              type="email"
              value={f.email}
              onChange={(e) => set('email', e.currentTarget.value)}
            />
            <TextInput
              label="Сайт"
              value={f.website}
              onChange={(e) => set('website', e.currentTarget.value)}
            />
          </SimpleGrid>
          {props.org ? (
            <Checkbox
              label="Организация действует (недействующие скрыты из списков)"
              checked={f.isActive}
              onChange={(e) => set('isActive', e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={save.isPending}>
              {props.org ? 'Сохранить' : 'Создать'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
