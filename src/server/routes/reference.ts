import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import {
  academicYearResponse,
  createAcademicYearRequest,
  referenceResponse,
} from '../../shared/reference';
import { actorOf } from '../auth';
import { presentAcademicYear, presentSubject } from '../presenters/registry';

export function registerReferenceRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/reference',
    {
      schema: {
        tags: ['Справочники'],
        summary: 'Муниципалитеты, учебные годы и предметы',
        response: { 200: referenceResponse },
      },
    },
    async (request) => {
      const ref = await services.reference.get(actorOf(request));
      return {
        data: {
          municipalities: ref.municipalities,
          academicYears: ref.academicYears.map(presentAcademicYear),
          subjects: ref.subjects.map(presentSubject),
        },
      };
    },
  );

  r.post(
    '/api/reference/academic-years',
    {
      schema: {
        tags: ['Справочники'],
        summary: 'Добавить учебный год',
        body: createAcademicYearRequest,
        response: { 200: academicYearResponse },
      },
    },
    async (request) => ({
      data: presentAcademicYear(
        await services.reference.createAcademicYear(actorOf(request), request.body),
      ),
    }),
  );
}
