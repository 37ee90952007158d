import { Button, Group, Textarea } from '@mantine/core';
import { useState } from 'react';

/**
 * District staff reopen something locked (a final expert card, a closed campaign): the reason is
 * required and goes to the history and the audit log.
 */
export function ReopenAction({
  label,
  onReopen,
}: {
  label: string;
  onReopen: (reason: string) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <Button variant="light" color="orange" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  return (
    <Group align="flex-end">
      <Textarea
        label="Причина (попадёт в историю и журнал аудита)"
        required
        autosize
        w={360}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Button
        color="orange"
        loading={busy}
        disabled={!reason.trim()}
        onClick={async () => {
          setBusy(true);
          try {
            await onReopen(reason);
            setOpen(false);
            setReason('');
          } finally {
            setBusy(false);
          }
        }}
      >
        Открыть заново
      </Button>
      <Button variant="subtle" onClick={() => setOpen(false)}>
        Отмена
      </Button>
    </Group>
  );
}
