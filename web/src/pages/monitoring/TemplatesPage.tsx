import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  EVIDENCE_MODES,
  INDICATOR_TYPE_LABELS,
  INDICATOR_TYPES,
  TEMPLATE_PURPOSE_LABELS,
  TEMPLATE_PURPOSES,
  type EvidenceMode,
  type Indicator,
  type IndicatorType,
  type TemplateDefinition,
  type TemplatePurpose,
} from '../../../../src/core/monitoring/template';
import type { TemplateView } from '../../../../src/shared/monitoring';
import { monitoringApi } from '../../api/monitoring';
import { useRequiredSession } from '../../auth/session';
import {
  ErrorAlert,
  formatDateTime,
  notifySaved,
  PageHeader,
  QueryState,
} from '../../components/common';

const EVIDENCE_LABELS: Record<EvidenceMode, string> = {
  none: 'не нужно',
  optional: 'по желанию',
  required: 'обязательно',
};

let counter = 0;
const newKey = (prefix: string) => `${prefix}${Date.now().toString(36)}${++counter}`;

/** Sections and indicators edited in place; saved as a new version of the template. */
function Builder(props: {
  initial: TemplateDefinition;
  onSave: (def: TemplateDefinition, note: string) => Promise<void>;
  saveLabel: string;
}) {
  const [def, setDef] = useState<TemplateDefinition>(structuredClone(props.initial));
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const setSection = (si: number, patch: Partial<TemplateDefinition['sections'][number]>) =>
    setDef((d) => ({ sections: d.sections.map((s, i) => (i === si ? { ...s, ...patch } : s)) }));
  const setIndicator = (si: number, ii: number, patch: Partial<Indicator>) =>
    setSection(si, {
      indicators: (def.sections[si]?.indicators ?? []).map((x, i) =>
        i === ii ? { ...x, ...patch } : x,
      ),
    });
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onSave(def, note);
      setNote('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      {def.sections.map((s, si) => (
        <Card withBorder key={s.key}>
          <Group mb="xs">
            <TextInput
              style={{ flex: 1 }}
              label={`Раздел ${si + 1}`}
              value={s.title}
              onChange={(e) => setSection(si, { title: e.currentTarget.value })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label="Удалить раздел"
              onClick={() => setDef((d) => ({ sections: d.sections.filter((_, i) => i !== si) }))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
          <Table fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Показатель</Table.Th>
                <Table.Th>Тип</Table.Th>
                <Table.Th>Вес</Table.Th>
                <Table.Th>Шкала / цель</Table.Th>
                <Table.Th>Подтверждение</Table.Th>
                <Table.Th>Обяз.</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.indicators.map((ind, ii) => (
                <Table.Tr key={ind.key}>
                  <Table.Td w="40%">
                    <TextInput
                      size="xs"
                      value={ind.title}
                      onChange={(e) => setIndicator(si, ii, { title: e.currentTarget.value })}
                      aria-label="Название показателя"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      data={INDICATOR_TYPES.map((t) => ({
                        value: t,
                        label: INDICATOR_TYPE_LABELS[t],
                      }))}
                      value={ind.type}
                      onChange={(v) => {
                        const type = (v as IndicatorType | null) ?? 'yes_no';
                        setIndicator(si, ii, {
                          type,
                          ...(type === 'scale' ? { scaleMax: ind.scaleMax ?? 2 } : {}),
                          ...(type === 'evidence' ? { evidence: 'required' as const } : {}),
                        });
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      w={70}
                      min={0}
                      max={100}
                      value={ind.weight}
                      onChange={(v) => setIndicator(si, ii, { weight: Number(v) || 0 })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {ind.type === 'scale' ? (
                      <NumberInput
                        size="xs"
                        w={80}
                        min={1}
                        description="максимум"
                        value={ind.scaleMax ?? 2}
                        onChange={(v) => setIndicator(si, ii, { scaleMax: Number(v) || 1 })}
                      />
                    ) : ind.type === 'number' ? (
                      <NumberInput
                        size="xs"
                        w={90}
                        description="не меньше"
                        value={ind.target?.min ?? ''}
                        onChange={(v) =>
                          setIndicator(si, ii, {
                            target: typeof v === 'number' ? { min: v } : undefined,
                          })
                        }
                      />
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      data={EVIDENCE_MODES.map((m) => ({ value: m, label: EVIDENCE_LABELS[m] }))}
                      value={ind.evidence}
                      onChange={(v) =>
                        setIndicator(si, ii, { evidence: (v as EvidenceMode | null) ?? 'none' })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      checked={ind.required}
                      onChange={(e) => setIndicator(si, ii, { required: e.currentTarget.checked })}
                      aria-label="Обязательный"
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label="Удалить показатель"
                      onClick={() =>
                        setSection(si, { indicators: s.indicators.filter((_, i) => i !== ii) })
                      }
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Button
            size="xs"
            variant="subtle"
            mt="xs"
            onClick={() =>
              setSection(si, {
                indicators: [
                  ...s.indicators,
                  {
                    key: newKey(`${s.key}.`),
                    title: '',
                    type: 'yes_no',
                    weight: 1,
                    required: true,
                    evidence: 'optional',
                  },
                ],
              })
            }
          >
            + Показатель
          </Button>
        </Card>
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() =>
            setDef((d) => ({
              sections: [...d.sections, { key: newKey('s'), title: '', indicators: [] }],
            }))
          }
        >
          + Раздел
        </Button>
        <TextInput
          placeholder="Что изменено"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button onClick={save} loading={busy}>
          {props.saveLabel}
        </Button>
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}

function TemplateCard({ t }: { t: TemplateView }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder>
      <Group justify="space-between">
        <div>
          <Text fw={600}>{t.title}</Text>
          <Text size="xs" c="dimmed">
            {t.description}
          </Text>
        </div>
        <Group>
          <Badge variant="light">{t.purposeLabel}</Badge>
          <Badge>версия {t.latest.version}</Badge>
          <Button size="xs" variant="default" onClick={() => setEditing((v) => !v)}>
            {editing ? 'Закрыть' : 'Изменить'}
          </Button>
        </Group>
      </Group>
      <Text size="xs" mt="xs">
        Версии:{' '}
        {t.versions
          .map(
            (v) =>
              `${v.version} (${formatDateTime(v.createdAt)}${v.note ? `, ${v.note}` : ''}; мониторингов: ${v.usedByCampaigns})`,
          )
          .join(' · ')}
      </Text>
      {editing ? (
        <div style={{ marginTop: 12 }}>
          <Text size="sm" c="dimmed" mb="xs">
            Сохранение создаёт новую версию; идущие и прошлые мониторинги остаются на своей версии.
          </Text>
          <Builder
            initial={t.latest.definition}
            saveLabel="Сохранить новой версией"
            onSave={async (definition, note) => {
              await monitoringApi.addVersion(t.id, { definition, ...(note ? { note } : {}) });
              await client.invalidateQueries({ queryKey: ['monitoring', 'templates'] });
              notifySaved('Сохранена новая версия шаблона');
              setEditing(false);
            }}
          />
        </div>
      ) : null}
    </Card>
  );
}

function NewTemplate({ municipalityId }: { municipalityId: number }) {
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<TemplatePurpose>('checklist');
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        Новый шаблон
      </Title>
      <Group mb="sm">
        <TextInput
          label="Код (латиницей)"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <TextInput
          label="Название"
          w={400}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Select
          label="Назначение"
          data={TEMPLATE_PURPOSES.map((p) => ({ value: p, label: TEMPLATE_PURPOSE_LABELS[p] }))}
          value={purpose}
          onChange={(v) => setPurpose((v as TemplatePurpose | null) ?? 'checklist')}
        />
      </Group>
      <Builder
        initial={{ sections: [{ key: 's1', title: '', indicators: [] }] }}
        saveLabel="Создать шаблон"
        onSave={async (definition) => {
          await monitoringApi.createTemplate({ municipalityId, code, title, purpose, definition });
          await client.invalidateQueries({ queryKey: ['monitoring', 'templates'] });
          notifySaved('Шаблон создан');
        }}
      />
    </Card>
  );
}

export function TemplatesPage() {
  const session = useRequiredSession();
  const client = useQueryClient();
  const municipalityId = session.assignments[0]?.municipalityId ?? 0;
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: ['monitoring', 'templates', municipalityId],
    queryFn: () => monitoringApi.templates(municipalityId),
  });
  return (
    <>
      <PageHeader
        title="Шаблоны мониторинга"
        subtitle="Анкеты, чек-листы и экспертные карты: разделы, показатели, веса и правила оценки"
        actions={
          <>
            <Button
              variant="default"
              onClick={async () => {
                const r = await monitoringApi.installBuiltins(municipalityId);
                await client.invalidateQueries({ queryKey: ['monitoring', 'templates'] });
                notifySaved(`Добавлено типовых шаблонов: ${r.added}`);
              }}
            >
              Добавить типовые шаблоны
            </Button>
            <Button onClick={() => setCreating((v) => !v)}>Новый шаблон</Button>
          </>
        }
      />
      {creating ? <NewTemplate municipalityId={municipalityId} /> : null}
      <Text size="sm" c="dimmed" my="sm">
        Правила оценки: «да» = 1, «нет» = 0; шкала — значение / максимум; число — 1, если в пределах
        цели; документ или ссылка — 1, если приложены; текст не оценивается. Показатель с
        обязательным подтверждением без документа или ссылки даёт 0. Итог — взвешенная доля, %.
      </Text>
      <QueryState query={query}>
        {(templates) => (
          <Stack>
            {templates.map((t) => (
              <TemplateCard key={t.id} t={t} />
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
