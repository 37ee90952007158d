import { Group, TextInput } from '@mantine/core';

/** The plan's period as two date fields (ГГГГ-ММ-ДД), used by the create, import and edit forms. */
export function PlanPeriodInputs(props: {
  start: string;
  end: string;
  onStart: (value: string) => void;
  onEnd: (value: string) => void;
}) {
  return (
    <Group grow>
      <TextInput
        label="Начало периода"
        type="date"
        value={props.start}
        onChange={(e) => props.onStart(e.currentTarget.value)}
      />
      <TextInput
        label="Окончание периода"
        type="date"
        value={props.end}
        onChange={(e) => props.onEnd(e.currentTarget.value)}
      />
    </Group>
  );
}
