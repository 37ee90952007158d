import { Badge, Group, Tooltip } from '@mantine/core';
import {
  IconChartHistogram,
  IconEye,
  IconNotebook,
  IconPuzzle,
  IconStairsUp,
  IconTrendingUp,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ScreenRow } from '../../../../src/shared/objectivityScreen';

/** One icon per engine indicator (core/analytics/dossier.ts INDICATOR_TITLES). */
export const INDICATOR_ICONS: Record<string, ReactNode> = {
  cutExcess: <IconChartHistogram size={18} />,
  misfit: <IconPuzzle size={18} />,
  itemProfile: <IconStairsUp size={18} />,
  concordance: <IconNotebook size={18} />,
  yearChange: <IconTrendingUp size={18} />,
  observerGap: <IconEye size={18} />,
};

export const RISK_COLORS: Record<ScreenRow['risk'], string> = {
  high: 'red',
  elevated: 'orange',
  none: 'green',
  nodata: 'gray',
};

export const DUE_COLORS: Record<ScreenRow['dueStatus'], string> = {
  none: 'gray',
  explained: 'blue',
  cleared: 'green',
  keep_risk: 'red',
  observers: 'violet',
  recheck: 'orange',
};

export function RiskBadge({ risk, label }: { risk: ScreenRow['risk']; label: string }) {
  return (
    <Badge color={RISK_COLORS[risk]} variant={risk === 'none' ? 'light' : 'filled'}>
      {label}
    </Badge>
  );
}

/** Icons of the indicators that fired, each with its Russian title and details in a tooltip. */
export function IndicatorIcons({ indicators }: { indicators: ScreenRow['indicators'] }) {
  if (!indicators.length) return <>—</>;
  return (
    <Group gap={4} wrap="nowrap">
      {indicators.map((i) => (
        <Tooltip
          key={i.indicator}
          multiline
          w={360}
          withArrow
          label={
            <>
              <b>{i.title}</b>
              {i.details.map((d) => (
                <div key={d}>{d}</div>
              ))}
            </>
          }
        >
          <span aria-label={i.title} role="img" style={{ display: 'inline-flex' }}>
            {INDICATOR_ICONS[i.indicator] ?? i.indicator}
          </span>
        </Tooltip>
      ))}
    </Group>
  );
}

/** Federal markers «4 РУ: 1, 4 МА: 2 …» and the ШНОР mark. */
export function ListMarks({ row }: { row: Pick<ScreenRow, 'federal' | 'shnor'> }) {
  const f = row.federal;
  const cells = f
    ? [
        ['4 РУ', f.r4],
        ['4 МА', f.m4],
        ['5 РУ', f.r5],
        ['5 МА', f.m5],
      ].filter(([, v]) => Number(v) > 0)
    : [];
  return (
    <Group gap={4}>
      {f && (
        <Tooltip
          withArrow
          label={`Федеральный список: ${cells.map(([k, v]) => `${k} — ${v}`).join(', ') || 'без маркеров'}`}
        >
          <Badge color="grape" variant="light">
            ФС: {f.total}
          </Badge>
        </Tooltip>
      )}
      {row.shnor && (
        <Tooltip withArrow label={row.shnor.note ?? 'В списке ШНОР'}>
          <Badge color="cyan" variant="light">
            ШНОР
          </Badge>
        </Tooltip>
      )}
      {!f && !row.shnor && '—'}
    </Group>
  );
}
