import { PLANNER_ROLES, hasRole, type Role } from '@coulisses/shared';
import { Id } from '@coulisses/shared/entities/common';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../../auth/caller';
import type { Deps } from '../../deps';
import type { AppEnv } from '../../http/context';
import { AppError } from '../../http/errors';
import { resolveViewer } from '../../sync/viewer';
import { IcsReadError, readBusyBlocks } from './ics-read';
import { importBusyBlocks } from './import-write';
import { creatorStanding, livePerson } from './repo';

const ALL_ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'TECH'];
const DAY = 86_400_000;
/** An imported file: at most this many bytes (a year of a busy personal calendar is well under 1 MB). */
export const ICS_IMPORT_MAX_BYTES = 1024 * 1024;
/** At most this many busy blocks in the next 12 months. */
export const ICS_IMPORT_MAX_BLOCKS = 2_000;

export const ImportQuery = z
  .object({ userId: Id.optional().meta({ description: 'The person whose availability it is (planners; default and only value for a TECH: their own person)' }) })
  .strict();

/** The file's text: a multipart `file`, or the body itself as text/calendar (or text/plain). */
async function readIcs(c: Context<AppEnv>): Promise<string> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  let bytes: Uint8Array;
  if (type.startsWith('multipart/form-data')) {
    let file: unknown;
    try {
      file = (await c.req.parseBody()).file;
    } catch {
      throw new AppError('ICS_NO_FILE');
    }
    if (!(file instanceof File)) throw new AppError('ICS_NO_FILE');
    bytes = new Uint8Array(await file.arrayBuffer());
  } else if (type.startsWith('text/calendar') || type.startsWith('text/plain')) {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  } else {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (bytes.length === 0) throw new AppError('ICS_NO_FILE');
  if (bytes.length > ICS_IMPORT_MAX_BYTES) throw new AppError('ICS_TOO_LARGE');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('ICS_INVALID');
  }
}

/**
 * POST /calendar/import?userId=: an iCalendar file as a person's busy times. Each busy event (and occurrence of a
 * recurring one) in the next 12 months becomes an UNAVAILABLE availability, written through the sync core as the
 * caller's own push (a TECH's waits for approval where the organisation asks for it). Ids come from the event's
 * UID and the occurrence's start: importing the same file again creates nothing. Answers the counts.
 */
export function calendarImportRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();
  app.post('/calendar/import', async (c) => {
    const caller = requireRole(c, ALL_ROLES);
    const q = ImportQuery.parse(c.req.query());
    const ctx = await resolveViewer(sql, caller);
    const planner = hasRole(caller.role, PLANNER_ROLES);
    const userId = planner ? (q.userId ?? ctx.viewer.userId) : ctx.viewer.userId;
    if (!planner && (!userId || (q.userId && q.userId !== userId))) throw new AppError('FORBIDDEN');
    if (!userId || !(await livePerson(sql, caller.activeOrgId, userId))) throw new AppError('NOT_FOUND');
    const text = await readIcs(c);
    const now = Date.now();
    const { timeZone } = await creatorStanding(sql, caller.activeOrgId, caller.accountId);
    let read;
    try {
      read = readBusyBlocks(text, now, now + 365 * DAY, timeZone, ICS_IMPORT_MAX_BLOCKS);
    } catch (err) {
      if (err instanceof IcsReadError) throw new AppError(err.reason === 'TOO_MANY' ? 'ICS_TOO_LARGE' : 'ICS_INVALID');
      throw err;
    }
    const counts = await importBusyBlocks(deps.sync, ctx, userId, read.blocks);
    return c.json({ userId, created: counts.created, skipped: counts.skipped + read.skipped });
  });
  return app;
}
