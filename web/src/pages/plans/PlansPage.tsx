import { Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PLAN_LEVEL_LABELS, PLAN_LEVELS, type PlanLevel } from '../../../../src/core/plans/model';
import { endpoints } from '../../api/endpoints';
import { planApi } from '../../api/plans';
import { useSession } from '../../auth/session';
import { ErrorAlert, PageHeader, QueryState } from '../../components/common';
import { ImportModal } from './ImportModal';
import { ProgressBar, ruDate } from './status';
import { PlanPeriodInputs } from './PlanPeriodInputs';

/** Organisations that may own a plan of a level: schools for a school plan, bodies otherwise. */
export function useOwnerOptions(level: PlanLevel, enabled: boolean) {
  const orgs = useQuery({
    queryKey: ['orgs', 'plan-owners', level],
    queryFn: () =>
      endpoints.orgs({ category: level === 'school' ? 'school' : 'body', pageSize: 500 }),
    enabled,
  });
  return (orgs.data?.items ?? []).map((o) => ({ value: String(o.id), label: o.shortName }));
}

function CreatePlanModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const year = new Date().getFullYear();
  const [level, setLevel] = useState<PlanLevel>('district');
  const [orgId, setOrgId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [start, setStart] = useState(`${year}-01-01`);
  const [end, setEnd] = useState(`${year}-12-31`);
  const owners = useOwnerOptions(level, opened);
  const create = useMutation({
    mutationFn: () =>
      planApi.create({
        orgId: Number(orgId),
        level,
        title,
        periodStart: start,
        periodEnd: end,
      }),
    onSuccess: async (plan) => {
      await qc.invalidateQueries({ queryKey: ['plans'] });
      onClose();
      void navigate(`/plans/${plan.id}`);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Новый план" size="lg">
      <Stack>
        <Select
          label="Уровень"
          data={PLAN_LEVELS.map((l) => ({ value: l, label: PLAN_LEVEL_LABELS[l] }))}
          value={level}
          onChange={(v) => {
            setLevel((v as PlanLevel) ?? 'district');
            setOrgId(null);
          }}
        />
        <Select label="Чей план" data={owners} value={orgId} onChange={setOrgId} searchable />
        <TextInput
          label="Название"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <PlanPeriodInputs start={start} end={end} onStart={setStart} onEnd={setEnd} />
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button
            onClick={() => create.mutate()}
            loading={create.isPending}
            disabled={!orgId || !title}
          >
            Создать
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function PlansPage() {
  const { can } = useSession();
  const plans = useQuery({ queryKey: ['plans'], queryFn: planApi.list });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <Stack>
      <PageHeader
        title="Планы мероприятий"
        subtitle="Планы, программы и дорожные карты района, муниципалитета и школ: от утверждённого документа к исполнению"
        actions={
          can('plan.manage') ? (
            <>
              <Button variant="default" onClick={() => setImporting(true)}>
                Импорт из DOCX/XLSX
              </Button>
              <Button onClick={() => setCreating(true)}>Создать план</Button>
            </>
          ) : null
        }
      />
      <QueryState query={plans}>
        {(rows) =>
          rows.length ? (
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>План</Table.Th>
                  <Table.Th>Уровень</Table.Th>
                  <Table.Th>Организация</Table.Th>
                  <Table.Th>Период</Table.Th>
                  <Table.Th>Исполнение</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td maw={520}>
                      <Link to={`/plans/${p.id}`}>{p.title}</Link>
                      {p.approval?.orderNumber ? (
                        <Text size="xs" c="dimmed">
                          Утверждён приказом № {p.approval.orderNumber}
                          {p.approval.orderDate ? ` от ${ruDate(p.approval.orderDate)}` : ''}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{p.levelLabel}</Table.Td>
                    <Table.Td>{p.orgName}</Table.Td>
                    <Table.Td>
                      {ruDate(p.periodStart)} – {ruDate(p.periodEnd)}
                    </Table.Td>
                    <Table.Td>
                      <ProgressBar progress={p.progress} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed">Планов пока нет.</Text>
          )
        }
      </QueryState>
      <CreatePlanModal opened={creating} onClose={() => setCreating(false)} />
      <ImportModal opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}
