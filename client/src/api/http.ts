import { getCurrentLocale } from '../i18n/current-locale';
import { ApiError, NETWORK_ERROR, codeForStatus } from './api-error';
import { extractError } from './extract-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  if (!(response.headers.get('content-type') ?? '').includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Calls the API with the session cookie, JSON and the chosen language. Resolves with the parsed
 * body (undefined for 204) or rejects with an ApiError carrying the server's stable code.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getCurrentLocale(),
  };
  const init: RequestInit = { method: options.method ?? 'GET', headers, credentials: 'same-origin' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (options.signal) init.signal = options.signal;

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(NETWORK_ERROR, 0, '');
  }

  const body = response.status === 204 ? null : await readBody(response);
  if (response.ok) return (body ?? undefined) as T;

  const info = typeof body === 'object' && body !== null ? extractError(body) : null;
  throw new ApiError(
    info?.code ?? codeForStatus(response.status),
    response.status,
    info?.message ?? '',
    info?.details,
    info?.requestId,
  );
}

/** POSTs multipart form data (a file upload: the JSON helper cannot), with the session and the chosen language. */
export async function apiPostForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': getCurrentLocale() } });
  } catch {
    throw new ApiError(NETWORK_ERROR, 0, '');
  }
  const body = await readBody(response);
  if (response.ok) return body as T;
  const info = typeof body === 'object' && body !== null ? extractError(body) : null;
  throw new ApiError(info?.code ?? codeForStatus(response.status), response.status, info?.message ?? '', info?.details, info?.requestId);
}
