import { Button, Checkbox, Group } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrgView } from '../../../../src/shared/orgs';
import { endpoints } from '../../api/endpoints';
import { canAt } from '../../auth/access';
import { useRequiredSession } from '../../auth/session';
import { QueryState } from '../../components/common';
import { DocumentsTable } from './DocumentsTable';
import { UploadDocumentModal } from './UploadDocumentModal';

/** The documents tab of an organisation card. */
export function DocumentsPanel({ org }: { org: OrgView }) {
  const session = useRequiredSession();
  const [history, setHistory] = useState(false);
  const [uploading, setUploading] = useState(false);
  const query = useQuery({
    queryKey: ['documents', { orgId: org.id, history }],
    queryFn: () =>
      endpoints.documents({ orgId: org.id, includeHistory: history ? 'true' : undefined }),
  });
  const manage = canAt(session, 'document.manage', {
    orgId: org.id,
    municipalityId: org.municipalityId,
  });
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Checkbox
          label="Показать прежние версии"
          checked={history}
          onChange={(e) => setHistory(e.currentTarget.checked)}
        />
        {manage ? (
          <Button leftSection={<IconUpload size={16} />} onClick={() => setUploading(true)}>
            Загрузить документ
          </Button>
        ) : null}
      </Group>
      <QueryState query={query}>
        {(docs) => <DocumentsTable docs={docs} showOrg={false} />}
      </QueryState>
      {uploading ? <UploadDocumentModal org={org} onClose={() => setUploading(false)} /> : null}
    </>
  );
}
