import { Button, Card, Checkbox, Group, Select } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { useSession } from '../../auth/session';
import { PageHeader, QueryState } from '../../components/common';
import { useOrgOptions } from '../../components/registry';
import { DocumentsTable } from './DocumentsTable';
import { KIND_OPTIONS, UploadDocumentModal } from './UploadDocumentModal';

export function DocumentsPage() {
  const { can } = useSession();
  const { options } = useOrgOptions();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [history, setHistory] = useState(false);
  const [uploading, setUploading] = useState(false);
  const query = useQuery({
    queryKey: ['documents', { orgId, kind, history }],
    queryFn: () =>
      endpoints.documents({
        orgId: orgId ?? undefined,
        kind: kind ?? undefined,
        includeHistory: history ? 'true' : undefined,
      }),
  });
  return (
    <>
      <PageHeader
        title="Документы"
        subtitle="Локальные акты, приказы, протоколы и другие документы организаций"
        actions={
          can('document.manage') ? (
            <Button leftSection={<IconUpload size={16} />} onClick={() => setUploading(true)}>
              Загрузить документ
            </Button>
          ) : null
        }
      />
      <Card withBorder mb="md">
        <Group align="flex-end">
          <Select
            label="Организация"
            placeholder="Все"
            data={options}
            value={orgId}
            onChange={setOrgId}
            searchable
            clearable
            w={320}
          />
          <Select
            label="Вид"
            placeholder="Любой"
            data={KIND_OPTIONS}
            value={kind}
            onChange={setKind}
            clearable
            w={240}
          />
          <Checkbox
            label="Показать прежние версии"
            checked={history}
            onChange={(e) => setHistory(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
      </Card>
      <QueryState query={query}>{(docs) => <DocumentsTable docs={docs} showOrg />}</QueryState>
      {uploading ? <UploadDocumentModal onClose={() => setUploading(false)} /> : null}
    </>
  );
}
