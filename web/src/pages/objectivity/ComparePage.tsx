import { Select, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/common';
import { numberOrNull, useOrgOptions } from '../../components/registry';
import { ExternalInternalPanel } from './ExternalInternalPanel';

/**
 * /objectivity/compare: external vs internal results of one school. District staff choose the
 * school; a school user sees only its own (the only school in its reach).
 */
export function ComparePage() {
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const { options, orgs, loading } = useOrgOptions('school');
  const fallback =
    orgs.find((o) => o.id === session?.user.workplaceOrgId)?.id ?? orgs[0]?.id ?? null;
  const orgId = numberOrNull(params.get('orgId')) ?? fallback;
  const year = numberOrNull(params.get('year')) ?? undefined;
  return (
    <>
      <PageHeader
        title="Внешние и внутренние результаты"
        subtitle="ВПР, ОГЭ, ЕГЭ в сравнении с промежуточной и итоговой аттестацией одних и тех же обучающихся (программа адресного сопровождения, п. 3.2)"
      />
      <Stack>
        {options.length > 1 && (
          <Select
            label="Школа"
            searchable
            w={420}
            data={options}
            value={orgId === null ? null : String(orgId)}
            onChange={(v) => v && setParams({ orgId: v })}
            allowDeselect={false}
          />
        )}
        {orgId !== null ? (
          <ExternalInternalPanel key={`${orgId}:${year ?? ''}`} orgId={orgId} year={year} />
        ) : (
          !loading && <Text c="dimmed">Нет доступных школ.</Text>
        )}
      </Stack>
    </>
  );
}
