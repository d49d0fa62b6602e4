import { hasKey, translate, type Locale, type Params } from '@coulisses/shared';
import { extractError } from './extract-error';
import { UNKNOWN_ERROR } from './api-error';

/** Catalogue namespaces searched, in order, for an error code. */
const NAMESPACES = ['errors', 'authErrors', 'clientErrors'] as const;

function paramsFor(details: unknown, requestId: string | null, message: string | null): Params {
  const params: Params = { requestId: requestId ?? '-', reason: message ?? '-' };
  if (typeof details === 'object' && details !== null && !Array.isArray(details)) {
    for (const [key, value] of Object.entries(details)) {
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    }
  }
  return params;
}

/**
 * The text to show for an error: the catalogue's `errors.<code>` (or `authErrors.<code>`,
 * `clientErrors.<code>`) when it exists, else the server's message, else a generic text.
 */
export function errorText(locale: Locale, error: unknown): string {
  const info = extractError(error);
  if (info.code) {
    for (const ns of NAMESPACES) {
      const key = `${ns}.${info.code}`;
      if (!hasKey(locale, key)) continue;
      const text = translate(locale, key, paramsFor(info.details, info.requestId, info.message));
      if (!/\{\w+\}/.test(text)) return text;
      break;
    }
  }
  return info.message ?? translate(locale, `clientErrors.${UNKNOWN_ERROR}`);
}
