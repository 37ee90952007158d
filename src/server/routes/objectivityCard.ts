import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { standardReportsXlsx } from '../../reports/objectivity/standardReportsXlsx';
import type { Services } from '../../services';
import {
  cardQuery,
  regionAggregateListResponse,
  regionImportFields,
  regionImportResponse,
  regionListQuery,
  reportsQuery,
  schoolCardResponse,
  standardReportsResponse,
} from '../../shared/objectivityCard';
import { actorOf } from '../auth';
import { readUpload, sendFile, XLSX_MIME } from './planUpload';

const orgParams = z.object({ orgId: z.coerce.number().int().positive() });

/** School card, ФИС ОКО standard reports and the regional aggregates (docs/objectivity-card.md). */
export function registerObjectivityCardRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Объективность результатов'];
  const s = services.objectivityCard;

  r.get(
    '/api/objectivity/schools/:orgId/card',
    {
      schema: {
        tags,
        summary: 'Карточка школы: стандартные таблицы ФИС ОКО, динамика, доказательства',
        params: orgParams,
        querystring: cardQuery,
        response: { 200: schoolCardResponse },
      },
    },
    async (request) => ({
      data: await s.card(actorOf(request), request.params.orgId, request.query),
    }),
  );

  r.get(
    '/api/objectivity/reports',
    {
      schema: {
        tags,
        summary: 'Стандартные отчёты ФИС ОКО: школа, муниципалитет, регион',
        querystring: reportsQuery,
        response: { 200: standardReportsResponse },
      },
    },
    async (request) => ({ data: await s.reports(actorOf(request), request.query) }),
  );

  r.get(
    '/api/objectivity/reports/xlsx',
    {
      schema: { tags, summary: 'Стандартные отчёты ФИС ОКО (XLSX)', querystring: reportsQuery },
    },
    async (request, reply) => {
      const report = await s.reports(actorOf(request), request.query);
      const t = report.selected;
      const name = t ? `ФИС ОКО ${t.subjectName} ${t.grade} кл ${t.year}.xlsx` : 'ФИС ОКО.xlsx';
      return sendFile(reply, name, XLSX_MIME, await standardReportsXlsx(report));
    },
  );

  r.get(
    '/api/objectivity/region-aggregates',
    {
      schema: {
        tags,
        summary: 'Загруженные региональные показатели ФИС ОКО',
        querystring: regionListQuery,
        response: { 200: regionAggregateListResponse },
      },
    },
    async (request) => ({
      data: await services.regionAggregates.list(actorOf(request), request.query),
    }),
  );

  r.post(
    '/api/objectivity/region-aggregates',
    {
      schema: {
        tags,
        summary: 'Загрузить региональные показатели ФИС ОКО (multipart: файл file, municipalityId)',
        consumes: ['multipart/form-data'],
        response: { 200: regionImportResponse },
      },
    },
    async (request) => {
      const { fields, file } = await readUpload(request, regionImportFields);
      return {
        data: await services.regionAggregates.importFile(
          actorOf(request),
          { fileName: file.fileName, bytes: file.bytes },
          fields.municipalityId,
        ),
      };
    },
  );
}
