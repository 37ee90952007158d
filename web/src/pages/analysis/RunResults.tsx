import { Badge, Button, List, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { AnalysisSchoolResult } from '../../../../src/shared/analysis';

const formatP = (p: number) =>
  p < 0.0001 ? '< 0,0001' : p.toFixed(p < 0.01 ? 4 : 3).replace('.', ',');
const pEq = (p: number) => (p < 0.0001 ? 'p < 0,0001' : `p = ${formatP(p)}`);

function FlagBadge({ r }: { r: AnalysisSchoolResult }) {
  if (r.flagged) return <Badge color="red">признаки</Badge>;
  if (r.supportList) return <Badge color="orange">поддержка</Badge>;
  return <Badge color="gray">нет</Badge>;
}

function DossierText({ r }: { r: AnalysisSchoolResult }) {
  return (
    <Stack gap={4} py="xs">
      <Text size="sm">{r.summary}</Text>
      {r.evidence.length > 0 && (
        <List size="sm" spacing={4}>
          {r.evidence.map((e, i) => (
            <List.Item key={i}>
              <b>{e.title}</b> ({e.subject}, {e.grade} класс{e.className ? `, ${e.className}` : ''},{' '}
              {pEq(e.p)}, n = {e.n}): {e.text} {e.causes}
              {e.sampleNote ? ` ${e.sampleNote}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {r.caveats.map((c, i) => (
        <Text key={i} size="xs" c="dimmed">
          {c}
        </Text>
      ))}
    </Stack>
  );
}

/** School-year results of a run: flag, p, score, years in a row, and the dossier on demand. */
export function RunResults({ results }: { results: AnalysisSchoolResult[] }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  if (!results.length) return <Text c="dimmed">В этом запуске нет доступных вам результатов.</Text>;
  return (
    <Table striped highlightOnHover aria-label="Результаты школ">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Год</Table.Th>
          <Table.Th>ОО</Table.Th>
          <Table.Th>Признаки</Table.Th>
          <Table.Th>p</Table.Th>
          <Table.Th>Балл (−lg p)</Table.Th>
          <Table.Th>Лет подряд</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {results.map((r) => {
          const key = `${r.orgId}:${r.year}`;
          return (
            <Fragment key={key}>
              <Table.Tr>
                <Table.Td>{r.year}</Table.Td>
                <Table.Td>{r.orgName}</Table.Td>
                <Table.Td>
                  <FlagBadge r={r} />
                </Table.Td>
                <Table.Td>{formatP(r.p)}</Table.Td>
                <Table.Td>{r.score.toFixed(2).replace('.', ',')}</Table.Td>
                <Table.Td>{r.yearsInRow || '—'}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => toggle(key)}>
                    {open.has(key) ? 'Скрыть' : 'Досье'}
                  </Button>
                </Table.Td>
              </Table.Tr>
              {open.has(key) && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <DossierText r={r} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
