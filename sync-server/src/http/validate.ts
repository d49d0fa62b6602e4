import type { Context } from 'hono';
import type { z } from 'zod';
import { jsonHazard, type JsonHazard } from '@coulisses/shared';
import { AppError } from './errors';
import type { AppEnv } from './context';

export interface ReadJsonOptions {
  /**
   * Skip the whole-body hazard check because the caller checks each part itself: the sync push checks every
   * row (pushRowHazard) so that one hostile row is refused in `rejected` while the others of the batch are
   * stored. A caller that defers must check everything it stores or walks.
   */
  deferHazards?: boolean;
}

/** The 400 of a hostile body: VALIDATION_FAILED with the hazard as the one detail ({path, code, message}). */
export function hazardError(found: JsonHazard): AppError {
  return new AppError('VALIDATION_FAILED', [found]);
}

/**
 * Parses the JSON body with a zod schema: malformed JSON -> 400 BAD_REQUEST; a hostile value anywhere (NUL or
 * an unpaired surrogate in a string or a key, a `__proto__`/`constructor`/`prototype` key, a non-finite number
 * such as 1e400, nesting deeper than JSON_MAX_DEPTH) -> 400 VALIDATION_FAILED with details [{path, code,
 * message}]; invalid for the schema -> 400 VALIDATION_FAILED. Never a 500: JSON.parse is iterative in V8, and
 * the hazard walk is too.
 */
export async function readJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S, opts: ReadJsonOptions = {}): Promise<z.infer<S>> {
  return schema.parse(await readJsonRaw(c, opts)) as z.infer<S>;
}

/** The JSON body checked as readJson does (media type, syntax, hazards), before a schema: for a route whose body
 * is one of several shapes picked by a field. */
export async function readJsonRaw(c: Context<AppEnv>, opts: ReadJsonOptions = {}): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    // SyntaxError for malformed JSON (an empty body too); any other failure to read the body is the client's.
    throw new AppError('BAD_REQUEST', { reason: 'malformed JSON' });
  }
  if (!opts.deferHazards) {
    const found = jsonHazard(raw);
    if (found) throw hazardError(found);
  }
  return raw;
}
