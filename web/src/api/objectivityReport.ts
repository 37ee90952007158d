import type { ErrorResponse } from '../../../src/shared/common';
import type { ReportFormat } from '../../../src/shared/objectivityReport';
import { ApiError, qs } from './client';

/** Addresses of the аналитическая справка on the objectivity of results. */
export const objectivityReportApi = {
  districtUrl: (format: ReportFormat, year?: number) =>
    `/api/objectivity/report.${format}${qs({ year })}`,
  schoolUrl: (orgId: number, format: ReportFormat, year?: number) =>
    `/api/objectivity/schools/${orgId}/report.${format}${qs({ year })}`,
};

const fileNameOf = (disposition: string | null, fallback: string) => {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/)?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
};

/**
 * Downloads a generated file; an error answer (no analysis run, no LibreOffice for PDF, no
 * access) becomes an ApiError with the server's Russian message instead of a page of JSON.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Сервер недоступен. Проверьте подключение и повторите.');
  }
  if (!res.ok) {
    const text = await res.text();
    let err: ErrorResponse['error'] | undefined;
    try {
      err = (JSON.parse(text) as ErrorResponse).error;
    } catch {
      err = undefined;
    }
    throw new ApiError(
      res.status,
      err?.code ?? 'HTTP',
      err?.message ?? `Ошибка сервера (${res.status})`,
    );
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
