import {
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { Answer } from '../../../../src/core/monitoring/scoring';
import type { Indicator } from '../../../../src/core/monitoring/template';

export interface DocOption {
  value: string;
  label: string;
}

const YES_NO = [
  { value: '', label: '—' },
  { value: 'yes', label: 'Да' },
  { value: 'no', label: 'Нет' },
];

/** The input of one indicator: value by type, evidence from the school's registry or links, comment. */
export function AnswerInput(props: {
  indicator: Indicator;
  answer: Answer | undefined;
  documents: DocOption[];
  withComment: boolean;
  onChange: (a: Answer) => void;
}) {
  const { indicator: ind, documents } = props;
  const a: Answer = props.answer ?? { value: null };
  const set = (patch: Partial<Answer>) => props.onChange({ ...a, ...patch });
  const value = (() => {
    switch (ind.type) {
      case 'yes_no':
        return (
          <SegmentedControl
            size="xs"
            data={YES_NO}
            value={a.value === true ? 'yes' : a.value === false ? 'no' : ''}
            onChange={(v) => set({ value: v === 'yes' ? true : v === 'no' ? false : null })}
            aria-label={ind.title}
          />
        );
      case 'scale':
        return (
          <NumberInput
            size="xs"
            w={120}
            min={0}
            max={ind.scaleMax ?? 1}
            value={typeof a.value === 'number' ? a.value : ''}
            onChange={(v) => set({ value: typeof v === 'number' ? v : null })}
            aria-label={ind.title}
            description={`0…${ind.scaleMax ?? 1}`}
          />
        );
      case 'number':
        return (
          <NumberInput
            size="xs"
            w={160}
            value={typeof a.value === 'number' ? a.value : ''}
            onChange={(v) => set({ value: typeof v === 'number' ? v : null })}
            aria-label={ind.title}
          />
        );
      case 'text':
        return (
          <Textarea
            size="xs"
            autosize
            minRows={1}
            value={typeof a.value === 'string' ? a.value : ''}
            onChange={(e) => set({ value: e.currentTarget.value || null })}
            aria-label={ind.title}
          />
        );
      case 'evidence':
        return (
          <SegmentedControl
            size="xs"
            data={[
              { value: '', label: 'Документ ниже' },
              { value: 'no', label: 'Нет документа' },
            ]}
            value={a.value === false ? 'no' : ''}
            onChange={(v) => set({ value: v === 'no' ? false : null })}
          />
        );
    }
  })();
  return (
    <Stack gap={4}>
      {value}
      {ind.evidence !== 'none' ? (
        <Group grow align="flex-start">
          <MultiSelect
            size="xs"
            placeholder="Документы из реестра ОО"
            data={documents}
            value={(a.documentIds ?? []).map(String)}
            onChange={(v) => set({ documentIds: v.map(Number) })}
            aria-label={`Документы: ${ind.title}`}
            clearable
          />
          <TextInput
            size="xs"
            placeholder="Ссылка на сайт ОО (https://…)"
            value={(a.links ?? []).join(' ')}
            onChange={(e) =>
              set({ links: e.currentTarget.value.split(/\s+/).filter((l) => l.length > 0) })
            }
            aria-label={`Ссылка: ${ind.title}`}
          />
        </Group>
      ) : null}
      {ind.evidence === 'required' ? (
        <Text size="xs" c="dimmed">
          Без документа или ссылки показатель не засчитывается
        </Text>
      ) : null}
      {props.withComment ? (
        <TextInput
          size="xs"
          placeholder="Комментарий эксперта"
          value={a.comment ?? ''}
          onChange={(e) => set({ comment: e.currentTarget.value || undefined })}
          aria-label={`Комментарий: ${ind.title}`}
        />
      ) : null}
    </Stack>
  );
}

/** An answer as text for read-only views. */
export function answerText(ind: Indicator, a: Answer | undefined): string {
  if (!a) return '—';
  const parts: string[] = [];
  if (a.value === true) parts.push('Да');
  else if (a.value === false) parts.push('Нет');
  else if (typeof a.value === 'number')
    parts.push(ind.type === 'scale' ? `${a.value} из ${ind.scaleMax ?? 1}` : String(a.value));
  else if (typeof a.value === 'string') parts.push(a.value);
  if (a.links?.length) parts.push(a.links.join(', '));
  if (a.documentIds?.length) parts.push(`документов: ${a.documentIds.length}`);
  if (a.comment) parts.push(`(${a.comment})`);
  return parts.join('; ') || '—';
}
