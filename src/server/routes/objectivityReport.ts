import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import {
  districtReportQuery,
  REPORT_MIME,
  schoolReportParams,
  schoolReportQuery,
  type ReportFormat,
} from '../../shared/objectivityReport';
import { actorOf } from '../auth';

const attachment = (fileName: string) =>
  `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

const FORMATS: ReportFormat[] = ['docx', 'pdf'];

/** The аналитическая справка on the objectivity of results: district and one school, DOCX/PDF. */
export function registerObjectivityReportRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Объективность результатов'];

  for (const format of FORMATS) {
    const label = format.toUpperCase();
    r.get(
      `/api/objectivity/report.${format}`,
      {
        schema: {
          tags,
          summary: `Аналитическая справка об объективности результатов по району (${label})${format === 'pdf' ? '; 409, если на сервере нет LibreOffice' : ''}`,
          querystring: districtReportQuery,
        },
      },
      async (request, reply) => {
        const file = await services.objectivityReport.district(
          actorOf(request),
          request.query,
          format,
        );
        reply.header('content-type', REPORT_MIME[format]);
        reply.header('content-disposition', attachment(file.fileName));
        return reply.send(file.bytes);
      },
    );

    r.get(
      `/api/objectivity/schools/:orgId/report.${format}`,
      {
        schema: {
          tags,
          summary: `Аналитическая справка об объективности результатов одной ОО (${label}; школа — только своя)`,
          params: schoolReportParams,
          querystring: schoolReportQuery,
        },
      },
      async (request, reply) => {
        const file = await services.objectivityReport.school(
          actorOf(request),
          request.params.orgId,
          request.query,
          format,
        );
        reply.header('content-type', REPORT_MIME[format]);
        reply.header('content-disposition', attachment(file.fileName));
        return reply.send(file.bytes);
      },
    );
  }
}
