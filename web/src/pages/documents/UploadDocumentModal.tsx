import { Button, FileInput, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  MAX_DOCUMENT_BYTES,
  type DocumentKind,
} from '../../../../src/shared/documents';
import type { OrgView } from '../../../../src/shared/orgs';
import { endpoints } from '../../api/endpoints';
import { canAt } from '../../auth/access';
import { useRequiredSession } from '../../auth/session';
import { ErrorAlert, notifySaved } from '../../components/common';
import { useOrgOptions } from '../../components/registry';

export const KIND_OPTIONS = DOCUMENT_KINDS.map((k) => ({
  value: k,
  label: DOCUMENT_KIND_LABELS[k],
}));

/** Uploads a file as a document of one organisation (fixed when `org` is given). */
export function UploadDocumentModal(props: { org?: OrgView; onClose(): void }) {
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const { orgs } = useOrgOptions(undefined, !props.org);
  const writable = orgs.filter((o) =>
    canAt(session, 'document.manage', { orgId: o.id, municipalityId: o.municipalityId }),
  );
  const [orgId, setOrgId] = useState<string | null>(
    props.org ? String(props.org.id) : (session.user.workplaceOrgId?.toString() ?? null),
  );
  const [kind, setKind] = useState<DocumentKind>('local_act');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('Выберите файл документа');
      if (!orgId) throw new Error('Выберите организацию');
      if (file.size > MAX_DOCUMENT_BYTES) throw new Error('Файл больше 50 МБ');
      const form = new FormData();
      form.set('orgId', orgId);
      form.set('kind', kind);
      form.set('title', title);
      if (description.trim()) form.set('description', description);
      form.set('file', file, file.name);
      return endpoints.uploadDocument(form);
    },
    onSuccess: async (d) => {
      notifySaved(`Документ «${d.title}» загружен`);
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
      props.onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    upload.mutate();
  };
  return (
    <Modal opened onClose={props.onClose} title="Загрузить документ" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={upload.error} />
          {props.org ? null : (
            <Select
              label="Организация"
              data={writable.map((o) => ({ value: String(o.id), label: o.shortName }))}
              value={orgId}
              onChange={setOrgId}
              searchable
              required
            />
          )}
          <Select
            label="Вид документа"
            data={KIND_OPTIONS}
            value={kind}
            onChange={(v) => v && setKind(v as DocumentKind)}
            allowDeselect={false}
          />
          <TextInput
            label="Название"
            placeholder="Положение о ВСОКО"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <Textarea
            label="Описание"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <FileInput
            label="Файл"
            description="До 50 МБ"
            placeholder="Выберите файл"
            leftSection={<IconUpload size={16} />}
            value={file}
            onChange={setFile}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={upload.isPending}>
              Загрузить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
