import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from './errors';
import type { AppEnv } from './context';

/** Parses the JSON body with a zod schema: malformed JSON -> 400 BAD_REQUEST, invalid -> 400 VALIDATION_FAILED. */
export async function readJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new AppError('BAD_REQUEST', { reason: 'malformed JSON' });
  }
  return schema.parse(raw) as z.infer<S>;
}
