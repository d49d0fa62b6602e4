import { ApiError, NETWORK_ERROR } from './api-error';

/** What can be told about an error, whatever shape it came in. */
export interface ErrorInfo {
  code: string | null;
  message: string | null;
  status: number | null;
  details?: unknown;
  requestId: string | null;
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function fromBody(body: Obj, status: number | null): ErrorInfo {
  const info: ErrorInfo = {
    code: str(body['code']),
    message: str(body['message']),
    status,
    requestId: str(body['requestId']),
  };
  if (body['details'] !== undefined) info.details = body['details'];
  return info;
}

/**
 * Code and message of an error from any of our sources:
 * - an ApiError thrown by the API client;
 * - the API's body `{ error: { code, message, details, requestId } }`;
 * - a better-auth client error, which spreads the answer's JSON into `{ status, statusText, ... }`:
 *   so either `{ error: { code, message }, status }` (our server's shape) or `{ code, message, status }`
 *   (better-auth's own shape);
 * - a failed fetch (TypeError), also when better-fetch wraps it as `{ error: TypeError }`;
 * - any Error or a plain string.
 */
export function extractError(input: unknown): ErrorInfo {
  if (input instanceof ApiError) {
    const info: ErrorInfo = { code: input.code, message: input.message, status: input.status, requestId: input.requestId };
    if (input.details !== undefined) info.details = input.details;
    return info;
  }
  if (input instanceof TypeError) {
    return { code: NETWORK_ERROR, message: null, status: 0, requestId: null };
  }
  if (input instanceof Error) {
    return { code: null, message: str(input.message), status: null, requestId: null };
  }
  if (typeof input === 'string') {
    return { code: null, message: str(input), status: null, requestId: null };
  }
  if (!isObject(input)) {
    return { code: null, message: null, status: null, requestId: null };
  }
  const status = typeof input['status'] === 'number' ? input['status'] : null;
  const nested = input['error'];
  if (nested instanceof Error) {
    return { code: NETWORK_ERROR, message: null, status: status === 500 ? 0 : status, requestId: null };
  }
  if (isObject(nested) && (str(nested['code']) || str(nested['message']))) {
    return fromBody(nested, status);
  }
  return fromBody(input, status);
}
