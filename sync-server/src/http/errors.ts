import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { ERROR_STATUS, translate, type ApiErrorBody, type ErrorCode, type Params } from '@coulisses/shared';
import type { AppEnv } from './context';

/** An error the API answers on purpose: a stable code, its status, optional details. */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode | string,
    readonly details?: unknown,
    status?: number,
    readonly params?: Params,
  ) {
    super(code);
    this.status = (status ?? ERROR_STATUS[code as ErrorCode] ?? 400) as ContentfulStatusCode;
  }
}

/** Builds the one error body shape, the message in the caller's language. */
export function errorBody(c: Context<AppEnv>, code: string, opts: { details?: unknown; params?: Params; message?: string } = {}): ApiErrorBody {
  const locale = c.get('locale') ?? 'fr';
  const key = `errors.${code}`;
  const params = { requestId: c.get('requestId') ?? '', ...opts.params };
  let message = translate(locale, key, params);
  if (message === key) message = translate(locale, `authErrors.${code}`, params);
  if (message === `authErrors.${code}`) message = opts.message ?? translate(locale, 'errors.BAD_REQUEST');
  const body: ApiErrorBody = { error: { code, message } };
  if (opts.details !== undefined) body.error.details = opts.details;
  if (ERROR_STATUS[code as ErrorCode] === 500) body.error.requestId = c.get('requestId');
  return body;
}

export function errorResponse(c: Context<AppEnv>, status: number, code: string, opts: { details?: unknown; params?: Params; message?: string } = {}): Response {
  return c.json(errorBody(c, code, opts), status as ContentfulStatusCode);
}

/** A custom issue whose message is a stable code (KPI_BANDS_ORDER...): that code is the detail's code. */
const RULE_CODE = /^[A-Z][A-Z0-9_]+$/;

export function zodDetails(err: ZodError): { path: string; message: string; code: string }[] {
  return err.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code === 'custom' && RULE_CODE.test(issue.message) ? issue.message : issue.code,
  }));
}

/** app.onError: every thrown error becomes the one error shape; unexpected ones are logged with their stack. */
export function handleError(err: unknown, c: Context<AppEnv>): Response {
  if (err instanceof AppError) {
    return errorResponse(c, err.status, err.code, { details: err.details, params: err.params });
  }
  if (err instanceof ZodError) {
    return errorResponse(c, 400, 'VALIDATION_FAILED', { details: zodDetails(err) });
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code: ErrorCode = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
    if (status >= 500) c.get('log')?.error({ err }, 'request failed');
    return errorResponse(c, status, code);
  }
  c.get('log')?.error({ err }, 'unexpected error');
  return errorResponse(c, 500, 'INTERNAL');
}
