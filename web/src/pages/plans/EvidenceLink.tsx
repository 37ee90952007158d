import { Button, Group, Select, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  EVIDENCE_RECORD_KINDS,
  EVIDENCE_RECORD_LABELS,
  isRecordLinkKind,
  type EvidenceRecordKind,
  type RecordLinkKind,
} from '../../../../src/core/plans/model';
import { endpoints } from '../../api/endpoints';
import { monitoringApi } from '../../api/monitoring';
import { planApi, type TrackedKind } from '../../api/plans';
import { ErrorAlert } from '../../components/common';

type Option = { value: string; label: string };

/** The records of other modules the user can read, as options of the picker. */
async function recordOptions(kind: RecordLinkKind): Promise<Option[]> {
  if (kind === 'document') {
    const docs = await endpoints.documents({});
    return docs.map((d) => ({ value: String(d.id), label: `${d.title} (${d.orgName})` }));
  }
  if (kind === 'plan') {
    const plans = await planApi.list();
    return plans.map((p) => ({ value: String(p.id), label: `${p.title} (${p.orgName})` }));
  }
  const campaigns = await monitoringApi.campaigns();
  return campaigns.map((c) => ({
    value: String(c.id),
    label: `${kind === 'monitoring_report' ? 'Аналитическая справка: ' : ''}${c.title} (${c.academicYearName})`,
  }));
}

/**
 * Evidence as a link: a record of another module (registry document, monitoring campaign or its
 * аналитическая справка, another plan) picked from a list, or any address with a title.
 */
export function EvidenceLink(props: {
  kind: TrackedKind;
  id: number;
  onDone: (message: string) => Promise<void>;
}) {
  const [recordKind, setRecordKind] = useState<EvidenceRecordKind>('url');
  const [recordId, setRecordId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const linked = isRecordLinkKind(recordKind) ? recordKind : null;
  const records = useQuery({
    queryKey: ['plan-evidence-records', linked],
    queryFn: () => recordOptions(linked!),
    enabled: linked !== null,
  });
  const add = useMutation({
    mutationFn: () =>
      planApi.addLink(
        props.kind,
        props.id,
        linked
          ? { recordKind, recordId: Number(recordId), ...(title ? { title } : {}) }
          : { recordKind, title, url },
      ),
    onSuccess: () =>
      props.onDone('Подтверждение добавлено').then(() => {
        setRecordId(null);
        setTitle('');
        setUrl('');
      }),
  });
  const ready = linked ? recordId !== null : Boolean(title && url);
  return (
    <>
      <Group align="flex-end">
        <Select
          label="Подтверждение"
          w={220}
          data={EVIDENCE_RECORD_KINDS.map((k) => ({ value: k, label: EVIDENCE_RECORD_LABELS[k] }))}
          value={recordKind}
          onChange={(v) => {
            setRecordKind((v as EvidenceRecordKind) ?? 'url');
            setRecordId(null);
          }}
          allowDeselect={false}
        />
        {linked ? (
          <Select
            label="Запись"
            style={{ flex: 1 }}
            searchable
            data={records.data ?? []}
            value={recordId}
            onChange={setRecordId}
            placeholder={records.isLoading ? 'Загрузка…' : 'Выберите запись'}
            nothingFoundMessage="Нет записей"
            data-testid="evidence-record"
          />
        ) : (
          <>
            <TextInput
              label="Название"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <TextInput
              label="Ссылка"
              style={{ flex: 1 }}
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
            />
          </>
        )}
        <Button
          variant="default"
          onClick={() => add.mutate()}
          disabled={!ready}
          loading={add.isPending}
        >
          Добавить ссылку
        </Button>
      </Group>
      <ErrorAlert error={records.error} />
      <ErrorAlert error={add.error} />
    </>
  );
}
