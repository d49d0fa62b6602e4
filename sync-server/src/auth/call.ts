import { APIError } from 'better-auth/api';
import { AppError } from '../http/errors';

const RENAMED: Record<string, string> = { INVALID_EMAIL_OR_PASSWORD: 'INVALID_CREDENTIALS' };

/** Runs a better-auth server API call; its APIError becomes our AppError with the same status and code. */
export async function callAuth<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof APIError) {
      const body = (err.body ?? {}) as { code?: string; message?: string };
      const code = body.code ? (RENAMED[body.code] ?? body.code) : 'BAD_REQUEST';
      throw new AppError(code, undefined, err.statusCode, { reason: body.message ?? err.message });
    }
    throw err;
  }
}
