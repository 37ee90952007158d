import { Button, FileInput, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentView,
} from '../../../../src/shared/documents';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert, notifySaved } from '../../components/common';

/** Adds a document to the organisation's registry, where every campaign can cite it. */
export function DocumentUpload({
  orgId,
  label = 'Добавить документ в реестр',
  defaultKind = 'local_act',
  onUploaded,
}: {
  orgId: number;
  label?: string;
  defaultKind?: DocumentKind;
  onUploaded?: (doc: DocumentView) => Promise<void>;
}) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>(defaultKind);
  const [replacesId, setReplacesId] = useState<string | null>(null);
  const current = useQuery({
    queryKey: ['documents', orgId, 'current'],
    queryFn: () => endpoints.documents({ orgId }),
    enabled: open,
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!file) return setError(new Error('Выберите файл'));
    const form = new FormData();
    form.set('orgId', String(orgId));
    form.set('kind', kind);
    form.set('title', title);
    if (replacesId) form.set('replacesId', replacesId);
    form.set('file', file);
    setBusy(true);
    try {
      const doc = await endpoints.uploadDocument(form);
      await client.invalidateQueries({ queryKey: ['documents', orgId] });
      if (onUploaded) await onUploaded(doc);
      notifySaved('Документ добавлен в реестр');
      setOpen(false);
      setFile(null);
      setTitle('');
      setReplacesId(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Документ в реестр">
        <Stack>
          <Select
            label="Вид"
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
            value={kind}
            onChange={(v) => setKind(v ?? 'local_act')}
          />
          <TextInput
            label="Название"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Select
            label="Новая версия документа"
            description="Старая версия остаётся в реестре и в ответах прошлых мониторингов"
            clearable
            placeholder="Нет — новый документ"
            data={(current.data ?? []).map((d) => ({
              value: String(d.id),
              label: `${d.title} (версия ${d.version})`,
            }))}
            value={replacesId}
            onChange={(v) => {
              setReplacesId(v);
              const doc = current.data?.find((d) => String(d.id) === v);
              if (doc) {
                setTitle(doc.title);
                setKind(doc.kind);
              }
            }}
          />
          <FileInput label="Файл" value={file} onChange={setFile} />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button loading={busy} onClick={submit}>
              Загрузить
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
