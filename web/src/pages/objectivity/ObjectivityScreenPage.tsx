import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { GRANTS } from '../../../../src/core/access/permissions';
import type { SessionView } from '../../../../src/shared/auth';
import type { ScreenQuery, ScreenView } from '../../../../src/shared/objectivityScreen';
import { objectivityScreenApi } from '../../api/objectivityScreen';
import { useSession } from '../../auth/session';
import { PageHeader, QueryState } from '../../components/common';
import { DUE_COLORS, IndicatorIcons, ListMarks, RiskBadge } from './badges';
import { DistrictReportButtons } from './ReportButtons';
import { SupportProgrammeButton } from './SupportProgrammeButton';

type Sort = NonNullable<ScreenQuery['sort']>;

/** The one school a school-level user reads objectivity for, if that is all they reach. */
function ownSchool(session: SessionView): number | null {
  const reaching = session.assignments.filter((a) => GRANTS['objectivity.read'][a.role]);
  if (!reaching.length) return null;
  if (
    reaching.some((a) => a.scopeKind !== 'school' || GRANTS['objectivity.read'][a.role] !== 'scope')
  )
    return null;
  const orgs = new Set(reaching.flatMap((a) => a.orgIds));
  return orgs.size === 1 ? ([...orgs][0] as number) : null;
}

const PROCEDURES: Record<string, string> = { vpr: 'ВПР', oge: 'ОГЭ', ege: 'ЕГЭ' };

function SortHeader(props: {
  sort: Sort;
  label: string;
  current: Sort;
  desc: boolean;
  onSort: (sort: Sort, desc: boolean) => void;
}) {
  const active = props.current === props.sort;
  return (
    <Table.Th>
      <UnstyledButton
        onClick={() => props.onSort(props.sort, active ? !props.desc : props.sort !== 'name')}
        fw={600}
        fz="sm"
      >
        {props.label}
        {active ? (props.desc ? ' ↓' : ' ↑') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

function Totals({ view }: { view: ScreenView }) {
  const t = view.totals;
  return (
    <Group gap="xs">
      <Badge color="red">высокий: {t.high}</Badge>
      <Badge color="orange">повышенный: {t.elevated}</Badge>
      <Badge color="green" variant="light">
        нет признаков: {t.none}
      </Badge>
      <Badge color="gray">нет данных: {t.nodata}</Badge>
      <Badge color="grape" variant="light">
        в федеральном списке: {t.federal}
      </Badge>
      <Badge color="cyan" variant="light">
        ШНОР: {t.shnor}
      </Badge>
    </Group>
  );
}

/** The district screen «Объективность результатов»: every school, its risk and evidence. */
export function ObjectivityScreenPage() {
  const { session, can } = useSession();
  const [params, setParams] = useSearchParams();
  // Schools chosen for the targeted support programme.
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const toggle = (orgId: number) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(orgId)) next.delete(orgId);
      else next.add(orgId);
      return next;
    });
  const q: ScreenQuery = {
    year: params.get('year') ? Number(params.get('year')) : undefined,
    procedure: params.get('procedure') ?? undefined,
    subject: params.get('subject') ?? undefined,
    grade: params.get('grade') ? Number(params.get('grade')) : undefined,
    search: params.get('search') ?? undefined,
    sort: (params.get('sort') as Sort | null) ?? undefined,
    desc: params.get('desc') === 'true' ? 'true' : undefined,
  };
  const own = session ? ownSchool(session) : null;
  const query = useQuery({
    queryKey: ['objectivity', 'screen', q],
    queryFn: () => objectivityScreenApi.screen(q),
    enabled: own === null,
  });
  if (own !== null) return <Navigate to={`/objectivity/schools/${own}`} replace />;
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const sort = q.sort ?? 'risk';
  const desc = q.desc === 'true';
  const onSort = (s: Sort, d: boolean) => set({ sort: s, desc: d ? 'true' : null });
  return (
    <>
      <PageHeader
        title="Объективность результатов"
        subtitle="Школы муниципалитета по последнему сохранённому анализу: уровень риска, сработавшие показатели, официальные списки и ход рассмотрения"
        actions={
          <>
            {query.data?.year && <DistrictReportButtons year={query.data.year} />}
            <Button component={Link} to="/objectivity/reports" variant="default">
              Отчёты ФИС ОКО
            </Button>
            <Button component={Link} to="/objectivity/compare" variant="default">
              Внешние и внутренние
            </Button>
            {can('objectivity.manage') && (
              <>
                <Button component={Link} to="/objectivity/observations" variant="default">
                  Наблюдение
                </Button>
                <Button component={Link} to="/objectivity/lists" variant="default">
                  Официальные списки
                </Button>
              </>
            )}
            <Button
              component="a"
              href={objectivityScreenApi.screenXlsxUrl({ ...q, year: query.data?.year ?? q.year })}
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              XLSX
            </Button>
          </>
        }
      />
      <QueryState query={query}>
        {(view) => (
          <Stack>
            <Group align="flex-end">
              <Select
                label="Год"
                w={110}
                data={view.years.map(String)}
                value={view.year === null ? null : String(view.year)}
                onChange={(v) => set({ year: v })}
                allowDeselect={false}
              />
              <Select
                label="Процедура"
                w={130}
                data={(view.procedures.length ? view.procedures : [view.procedure]).map((p) => ({
                  value: p,
                  label: PROCEDURES[p] ?? p,
                }))}
                value={view.procedure}
                onChange={(v) => set({ procedure: v, year: null })}
                allowDeselect={false}
              />
              <Select
                label="Предмет"
                w={200}
                placeholder="все"
                clearable
                data={view.subjects}
                value={q.subject ?? null}
                onChange={(v) => set({ subject: v })}
              />
              <Select
                label="Класс"
                w={110}
                placeholder="все"
                clearable
                data={view.grades.map(String)}
                value={q.grade ? String(q.grade) : null}
                onChange={(v) => set({ grade: v })}
              />
              <TextInput
                label="Поиск"
                placeholder="название или логин"
                leftSection={<IconSearch size={16} />}
                defaultValue={q.search ?? ''}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') set({ search: e.currentTarget.value.trim() || null });
                }}
                onBlur={(e) => set({ search: e.currentTarget.value.trim() || null })}
              />
            </Group>
            <Group justify="space-between">
              <Totals view={view} />
              {view.year !== null && (
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    Выбрано школ: {chosen.size}
                  </Text>
                  {chosen.size > 0 && (
                    <SupportProgrammeButton orgIds={[...chosen]} year={view.year} />
                  )}
                </Group>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              Уровень риска: «высокий» — признаки необъективности после поправки на множественные
              проверки (Бенджамини–Хохберг, q ≤ {String(view.q ?? 0.05).replace('.', ',')});
              «повышенный» — список поддержки (q ≤ {String(view.supportQ ?? 0.1).replace('.', ',')}
              ); «нет данных» — школы без результатов в анализе за этот год. Признаки
              статистические: они показывают, где нужна проверка, и не доказывают нарушений.
            </Text>
            {view.rows.length ? (
              <Table striped highlightOnHover aria-label="Объективность результатов по школам">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label="Выбрать все школы списка"
                        checked={
                          view.rows.length > 0 && view.rows.every((r) => chosen.has(r.orgId))
                        }
                        onChange={(e) =>
                          setChosen(
                            e.currentTarget.checked
                              ? new Set(view.rows.map((r) => r.orgId))
                              : new Set(),
                          )
                        }
                      />
                    </Table.Th>
                    <SortHeader sort="name" label="ОО" current={sort} desc={desc} onSort={onSort} />
                    <Table.Th>Логин</Table.Th>
                    <SortHeader
                      sort="risk"
                      label="Риск"
                      current={sort}
                      desc={desc}
                      onSort={onSort}
                    />
                    <Table.Th>Показатели</Table.Th>
                    <SortHeader sort="n" label="Работ" current={sort} desc={desc} onSort={onSort} />
                    <SortHeader
                      sort="yearsInRow"
                      label="Лет подряд"
                      current={sort}
                      desc={desc}
                      onSort={onSort}
                    />
                    <SortHeader
                      sort="markers"
                      label="Официальные списки"
                      current={sort}
                      desc={desc}
                      onSort={onSort}
                    />
                    <Table.Th>Рассмотрение</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.rows.map((r) => (
                    <Table.Tr key={r.orgId}>
                      <Table.Td>
                        <Checkbox
                          aria-label={`Выбрать ${r.name}`}
                          checked={chosen.has(r.orgId)}
                          onChange={() => toggle(r.orgId)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/objectivity/schools/${r.orgId}?year=${view.year ?? ''}`}
                        >
                          {r.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{r.login ?? '—'}</Table.Td>
                      <Table.Td>
                        <RiskBadge risk={r.risk} label={r.riskLabel} />
                      </Table.Td>
                      <Table.Td>
                        <IndicatorIcons indicators={r.indicators} />
                      </Table.Td>
                      <Table.Td>{r.n ?? '—'}</Table.Td>
                      <Table.Td>{r.yearsInRow || '—'}</Table.Td>
                      <Table.Td>
                        <ListMarks row={r} />
                      </Table.Td>
                      <Table.Td>
                        {r.dueStatus === 'none' ? (
                          '—'
                        ) : (
                          <Badge color={DUE_COLORS[r.dueStatus]} variant="light">
                            {r.dueStatusLabel}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text c="dimmed">Нет школ, подходящих под отбор.</Text>
            )}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
