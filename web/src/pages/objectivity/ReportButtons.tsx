import { Button, Group } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReportFormat } from '../../../../src/shared/objectivityReport';
import { downloadFile, objectivityReportApi } from '../../api/objectivityReport';
import { notifyError } from '../../components/common';

function Buttons(props: { url: (format: ReportFormat) => string; name: string }) {
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const download = async (format: ReportFormat) => {
    setBusy(format);
    try {
      await downloadFile(props.url(format), `${props.name}.${format}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<IconFileTypeDocx size={16} />}
        loading={busy === 'docx'}
        disabled={busy !== null}
        onClick={() => void download('docx')}
      >
        Аналитическая справка (DOCX)
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={16} />}
        loading={busy === 'pdf'}
        disabled={busy !== null}
        onClick={() => void download('pdf')}
      >
        PDF
      </Button>
    </Group>
  );
}

/** Downloads of the district справка on the objectivity of the year's results. */
export function DistrictReportButtons(props: { year?: number }) {
  return (
    <Buttons
      url={(format) => objectivityReportApi.districtUrl(format, props.year)}
      name={`spravka-objectivity${props.year ? `-${props.year}` : ''}`}
    />
  );
}

/** Downloads of one school's справка (a school user: its own school only). */
export function SchoolReportButtons(props: { orgId: number; year?: number }) {
  return (
    <Buttons
      url={(format) => objectivityReportApi.schoolUrl(props.orgId, format, props.year)}
      name={`spravka-objectivity-${props.orgId}${props.year ? `-${props.year}` : ''}`}
    />
  );
}
