import { z } from 'zod';

z.config(z.locales.ru());

export const idSchema = z.coerce.number().int().positive();
export const idParams = z.object({ id: idSchema });
export type IdParams = z.infer<typeof idParams>;

export const dataEnvelope = <T extends z.ZodType>(data: T) => z.object({ data });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const okResponse = z.object({ data: z.object({ ok: z.literal(true) }) });

/** Paged list response. */
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.object({ items: z.array(item), total: z.number().int() }) });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** Trimmed non-empty text. */
export const text = (max = 500) => z.string().trim().min(1).max(max);
/** Optional text: empty strings become null. */
export const optionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const isoDateTime = z.string();

/** A user login: Latin letters, digits and . _ - */
export const loginField = z
  .string()
  .trim()
  .min(3, 'Логин: не менее 3 символов')
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'Логин: латинские буквы, цифры, точка, дефис, подчёркивание');
