/**
 * Domain errors. The message is shown to the user and is therefore in Russian;
 * the code is stable and meant for programs.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'CSRF'
  | 'SETUP_REQUIRED'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SETUP_REQUIRED: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS[code];
    this.details = details;
  }
}

export const notFound = (what = 'Запись'): AppError =>
  new AppError('NOT_FOUND', `${what} не найдена или недоступна`);

export const forbidden = (message = 'Недостаточно прав для этого действия'): AppError =>
  new AppError('FORBIDDEN', message);

export const conflict = (message: string): AppError => new AppError('CONFLICT', message);

export const invalid = (message: string, details?: unknown): AppError =>
  new AppError('VALIDATION', message, details);
