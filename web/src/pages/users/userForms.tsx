import {
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../../../src/shared/auth';
import type { UserView } from '../../../../src/shared/users';
import { endpoints } from '../../api/endpoints';
import { canAt, municipalitiesWith } from '../../auth/access';
import { useRequiredSession } from '../../auth/session';
import { ErrorAlert, notifySaved } from '../../components/common';
import { numberOrNull, useOrgOptions } from '../../components/registry';
import { AssignmentsEditor, assignmentsBody, type AssignmentDraft } from './AssignmentsEditor';

/** The municipality where this administrator creates users: their district, or their school's. */
function useHomeMunicipality(): number {
  const session = useRequiredSession();
  const district = municipalitiesWith(session, 'user.manage')[0];
  if (district) return district.id;
  const school = session.assignments.find((a) => a.role === 'school_admin');
  return school?.municipalityId ?? session.assignments[0]?.municipalityId ?? 0;
}

/** Workplaces this administrator may give: organisations of the municipality in their reach. */
function useWorkplaceOptions(municipalityId: number) {
  const session = useRequiredSession();
  const { orgs } = useOrgOptions();
  return orgs
    .filter(
      (o) =>
        o.municipalityId === municipalityId &&
        canAt(session, 'user.manage', { orgId: o.id, municipalityId }),
    )
    .map((o) => ({ value: String(o.id), label: o.shortName }));
}

interface Profile {
  fullName: string;
  position: string;
  email: string;
  phone: string;
  workplaceOrgId: string | null;
}

function ProfileFields(props: {
  value: Profile;
  onChange(v: Profile): void;
  municipalityId: number;
}) {
  const workplaces = useWorkplaceOptions(props.municipalityId);
  const set = (patch: Partial<Profile>) => props.onChange({ ...props.value, ...patch });
  return (
    <>
      <TextInput
        label="ФИО"
        value={props.value.fullName}
        onChange={(e) => set({ fullName: e.currentTarget.value })}
        required
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Должность"
          value={props.value.position}
          onChange={(e) => set({ position: e.currentTarget.value })}
        />
        <Select
          label="Место работы"
          data={workplaces}
          value={props.value.workplaceOrgId}
          onChange={(v) => set({ workplaceOrgId: v })}
          searchable
          clearable
        />
        <TextInput
          label="Электронная почта"
          type="email"
          value={props.value.email}
          onChange={(e) => set({ email: e.currentTarget.value })}
        />
        <TextInput
          label="Телефон"
          value={props.value.phone}
          onChange={(e) => set({ phone: e.currentTarget.value })}
        />
      </SimpleGrid>
    </>
  );
}

export function CreateUserModal(props: { onClose(): void; onSaved(user: UserView): void }) {
  const queryClient = useQueryClient();
  const session = useRequiredSession();
  const municipalityId = useHomeMunicipality();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const [profile, setProfile] = useState<Profile>({
    fullName: '',
    position: '',
    email: '',
    phone: '',
    workplaceOrgId: municipalitiesWith(session, 'user.manage').length
      ? null
      : (session.user.workplaceOrgId?.toString() ?? null),
  });
  const [assignments, setAssignments] = useState<AssignmentDraft[]>([]);
  const save = useMutation({
    mutationFn: () =>
      endpoints.createUser({
        login,
        password,
        mustChangePassword: mustChange,
        municipalityId,
        fullName: profile.fullName,
        position: profile.position,
        email: profile.email,
        phone: profile.phone,
        workplaceOrgId: numberOrNull(profile.workplaceOrgId),
        assignments: assignmentsBody(assignments, municipalityId),
      }),
    onSuccess: async (u) => {
      notifySaved(`Пользователь ${u.login} создан`);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      props.onSaved(u);
      props.onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={props.onClose} title="Новый пользователь" size="xl">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Логин"
              description="Латинские буквы, цифры, точка, дефис"
              value={login}
              onChange={(e) => setLogin(e.currentTarget.value)}
              autoComplete="off"
              required
            />
            <PasswordInput
              label="Временный пароль"
              description={`Не менее ${PASSWORD_MIN_LENGTH} символов`}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="new-password"
              required
            />
          </SimpleGrid>
          <Checkbox
            label="Потребовать смену пароля при первом входе"
            checked={mustChange}
            onChange={(e) => setMustChange(e.currentTarget.checked)}
          />
          <ProfileFields value={profile} onChange={setProfile} municipalityId={municipalityId} />
          <Divider label="Роли и области доступа" labelPosition="left" />
          <AssignmentsEditor
            municipalityId={municipalityId}
            value={assignments}
            onChange={setAssignments}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={save.isPending}>
              Создать
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function EditUserModal({ user, onClose }: { user: UserView; onClose(): void }) {
  const queryClient = useQueryClient();
  const [profile, setProfile] = useState<Profile>({
    fullName: user.fullName,
    position: user.position ?? '',
    email: user.email ?? '',
    phone: user.phone ?? '',
    workplaceOrgId: user.workplaceOrgId?.toString() ?? null,
  });
  const save = useMutation({
    mutationFn: () =>
      endpoints.updateUser(user.id, {
        ...profile,
        workplaceOrgId: numberOrNull(profile.workplaceOrgId),
      }),
    onSuccess: async () => {
      notifySaved('Изменения сохранены');
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await queryClient.invalidateQueries({ queryKey: ['user', user.id] });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={`Изменить: ${user.login}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <ProfileFields
            value={profile}
            onChange={setProfile}
            municipalityId={user.municipalityId}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
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

export function ResetPasswordModal({ user, onClose }: { user: UserView; onClose(): void }) {
  const [password, setPassword] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const save = useMutation({
    mutationFn: () =>
      endpoints.resetPassword(user.id, { password, mustChangePassword: mustChange }),
    onSuccess: () => {
      notifySaved(`Пароль пользователя ${user.login} изменён`);
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={`Новый пароль: ${user.login}`}>
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Text size="sm" c="dimmed">
            Все открытые сеансы пользователя будут завершены.
          </Text>
          <PasswordInput
            label="Новый пароль"
            description={`Не менее ${PASSWORD_MIN_LENGTH} символов`}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="new-password"
            required
          />
          <Checkbox
            label="Потребовать смену пароля при входе"
            checked={mustChange}
            onChange={(e) => setMustChange(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={save.isPending}>
              Задать пароль
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
