import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  ALLOWED_SCOPES,
  ROLE_LABELS,
  ROLES,
  SCHOOL_GRANTABLE_ROLES,
  SCOPE_KIND_LABELS,
  type Role,
  type ScopeKind,
} from '../../../../src/core/access/roles';
import type { AssignmentView } from '../../../../src/shared/auth';
import { canAt, municipalitiesWith } from '../../auth/access';
import { useRequiredSession } from '../../auth/session';
import { useOrgOptions } from '../../components/registry';

/** One role assignment being edited; organisations as Select values. */
export interface AssignmentDraft {
  role: Role;
  scopeKind: ScopeKind;
  orgIds: string[];
}

export const draftsOf = (assignments: AssignmentView[]): AssignmentDraft[] =>
  assignments.map((a) => ({
    role: a.role,
    scopeKind: a.scopeKind,
    orgIds: a.orgIds.map(String),
  }));

/** The request body of assignments, all in the user's municipality. */
export const assignmentsBody = (drafts: AssignmentDraft[], municipalityId: number) =>
  drafts.map((d) => ({
    role: d.role,
    scopeKind: d.scopeKind,
    municipalityId,
    orgIds: d.scopeKind === 'municipality' ? [] : d.orgIds.map(Number),
  }));

/**
 * Roles with their scope (docs/permissions.md): a district administrator grants any role of the
 * municipality; a school administrator grants school-level roles in their own school only.
 */
export function AssignmentsEditor(props: {
  municipalityId: number;
  value: AssignmentDraft[];
  onChange(value: AssignmentDraft[]): void;
  disabled?: boolean;
}) {
  const session = useRequiredSession();
  const districtWide = municipalitiesWith(session, 'user.manage').some(
    (m) => m.id === props.municipalityId,
  );
  const roles = districtWide ? ROLES : SCHOOL_GRANTABLE_ROLES;
  const { orgs } = useOrgOptions('school');
  const schoolOptions = orgs
    .filter(
      (o) =>
        o.municipalityId === props.municipalityId &&
        canAt(session, 'user.manage', { orgId: o.id, municipalityId: o.municipalityId }),
    )
    .map((o) => ({ value: String(o.id), label: o.shortName }));
  const scopesOf = (role: Role) =>
    ALLOWED_SCOPES[role].filter((k) => districtWide || k !== 'municipality');

  const change = (i: number, patch: Partial<AssignmentDraft>) =>
    props.onChange(props.value.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  const setRole = (i: number, role: Role) => {
    const scopeKind = scopesOf(role)[0] ?? 'school';
    change(i, { role, scopeKind, orgIds: [] });
  };
  const add = () => {
    const role = roles.includes('teacher') ? 'teacher' : (roles[0] ?? 'readonly');
    const scopeKind = scopesOf(role)[0] ?? 'school';
    const orgIds = !districtWide && schoolOptions[0] ? [schoolOptions[0].value] : [];
    props.onChange([...props.value, { role, scopeKind, orgIds }]);
  };

  return (
    <Stack gap="xs">
      {props.value.length === 0 ? (
        <Text size="sm" c="dimmed">
          Ролей нет: пользователь сможет войти, но не увидит ни одного раздела.
        </Text>
      ) : null}
      {props.value.map((d, i) => (
        <Group key={i} align="flex-end" gap="xs" data-testid="assignment-row">
          <Select
            label={i === 0 ? 'Роль' : undefined}
            aria-label="Роль"
            data={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            value={d.role}
            onChange={(v) => v && setRole(i, v as Role)}
            allowDeselect={false}
            disabled={props.disabled}
            w={260}
          />
          <Select
            label={i === 0 ? 'Область' : undefined}
            aria-label="Область"
            data={scopesOf(d.role).map((k) => ({ value: k, label: SCOPE_KIND_LABELS[k] }))}
            value={d.scopeKind}
            onChange={(v) => v && change(i, { scopeKind: v as ScopeKind, orgIds: [] })}
            allowDeselect={false}
            disabled={props.disabled}
            w={150}
          />
          {d.scopeKind === 'municipality' ? (
            <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 220 }} pb={8}>
              {d.role === 'expert'
                ? 'Школы эксперта задаёт состав экспертных групп'
                : 'Все организации муниципалитета'}
            </Text>
          ) : d.scopeKind === 'school' ? (
            <Select
              label={i === 0 ? 'Организация' : undefined}
              aria-label="Организация"
              data={schoolOptions}
              value={d.orgIds[0] ?? null}
              onChange={(v) => change(i, { orgIds: v ? [v] : [] })}
              searchable
              disabled={props.disabled}
              style={{ flex: 1, minWidth: 220 }}
            />
          ) : (
            <MultiSelect
              label={i === 0 ? 'Организации' : undefined}
              aria-label="Организации"
              data={schoolOptions}
              value={d.orgIds}
              onChange={(v) => change(i, { orgIds: v })}
              searchable
              disabled={props.disabled}
              style={{ flex: 1, minWidth: 220 }}
            />
          )}
          <Tooltip label="Убрать роль">
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label="Убрать роль"
              onClick={() => props.onChange(props.value.filter((_, k) => k !== i))}
              disabled={props.disabled}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={add}
          disabled={props.disabled}
        >
          Добавить роль
        </Button>
      </Group>
    </Stack>
  );
}
