import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { objectivityScreenApi } from '../../api/objectivityScreen';
import { QueryState } from '../../components/common';

const MARKERS = [
  ['r4', '4 РУ'],
  ['m4', '4 МА'],
  ['r5', '5 РУ'],
  ['m5', '5 МА'],
] as const;

/** The school on the official lists (federal list with markers, ШНОР) by year, for its card. */
export function OfficialListBadges(props: { orgId: number }) {
  const query = useQuery({
    queryKey: ['objectivity', 'school-lists', props.orgId],
    queryFn: () => objectivityScreenApi.schoolLists(props.orgId),
  });
  return (
    <QueryState query={query}>
      {(entries) =>
        entries.length ? (
          <Group gap={6} aria-label="Официальные списки">
            {entries.map((e) => {
              const m = e.markers;
              const details = m
                ? MARKERS.filter(([k]) => m[k] > 0)
                    .map(([k, label]) => `${label} — ${m[k]}`)
                    .join(', ')
                : (e.note ?? '');
              return (
                <Tooltip
                  key={`${e.list}:${e.year}`}
                  withArrow
                  multiline
                  w={320}
                  label={`${e.listLabel}, ${e.year}${details ? `: ${details}` : ''}`}
                >
                  <Badge color={e.list === 'federal' ? 'grape' : 'cyan'} variant="light">
                    {e.list === 'federal'
                      ? `Федеральный список ${e.year}: маркеров ${m?.total ?? 0}`
                      : `ШНОР ${e.year}`}
                  </Badge>
                </Tooltip>
              );
            })}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            В официальных списках (федеральном, ШНОР) школы нет.
          </Text>
        )
      }
    </QueryState>
  );
}
