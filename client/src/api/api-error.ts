/** An error answered by the API (or a failure to reach it: code NETWORK, status 0). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(code: string, status: number, message: string, details?: unknown, requestId?: string | null) {
    super(message || code);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.requestId = requestId ?? null;
  }
}

/** Client-side codes, translated under `clientErrors.<code>`. */
export const NETWORK_ERROR = 'NETWORK';
export const UNKNOWN_ERROR = 'UNKNOWN';

/** A stable code for an error answer that carried no JSON body (a proxy page, an empty 500...). */
export function codeForStatus(status: number): string {
  if (status === 0 || status === 502 || status === 504) return NETWORK_ERROR;
  const byStatus: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
    500: 'INTERNAL',
    503: 'NOT_READY',
  };
  return byStatus[status] ?? UNKNOWN_ERROR;
}
