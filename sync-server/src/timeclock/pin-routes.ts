import { randomBytes } from 'node:crypto';
import { PLANNER_ROLES, ROLES, hasRole } from '@coulisses/shared';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { text } from '@coulisses/shared/entities/common';
import type { Deps } from '../deps';
import type { AppEnv, OrgCaller } from '../http/context';
import { AppError } from '../http/errors';
import { readJson } from '../http/validate';
import { audit } from '../audit/audit-log';
import { requireRole } from '../auth/caller';
import { linkedUserId } from '../sync/viewer';
import { requireKiosk } from './kiosk-auth';
import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import { pinProblem } from '@coulisses/shared/timeclock/pin-rules';
import { PIN_ITERATIONS, PIN_MAX_FAILURES, checkPin, pinVerifier } from './pin-hash';

/** The PIN's rules (shared pin-rules) answer their own codes (400), after the schema. */
const PinBody = z.object({ pin: text(16) }).strict();
const PinCheckBody = z.object({ userId: text(40).min(1), pin: text(16) }).strict();

/** Online checks per minute per kiosk and person. */
const CHECKS_PER_MINUTE = 10;

/** Sliding one-minute windows of PIN checks, per kiosk and person (in memory: one server process). */
class CheckLimiter {
  private readonly hits = new Map<string, number[]>();
  allow(key: string, now = Date.now()): boolean {
    if (this.hits.size > 10_000) this.hits.clear();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= CHECKS_PER_MINUTE) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }
}

/**
 * Personal kiosk PINs and QR codes: planners set and unlock anyone's; a member sets the PIN and QR of the person
 * linked to their account. The online PIN check of a kiosk counts failures and locks at the limit.
 */
export function pinRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();
  const limiter = new CheckLimiter();

  /** The person of the path, in the caller's organisation, that the caller may manage (planner or self). */
  async function managedPerson(c: Context<AppEnv>, caller: OrgCaller): Promise<string> {
    const userId = c.req.param('userId') ?? '';
    if (!hasRole(caller.role, PLANNER_ROLES) && (await linkedUserId(sql, caller.activeOrgId, caller.accountId)) !== userId) throw new AppError('FORBIDDEN');
    const found = await sql`select id from users where org_id = ${caller.activeOrgId} and id = ${userId} and not deleted`;
    if (!found[0]) throw new AppError('NOT_FOUND');
    return userId;
  }

  app.put('/timeclock/pins/:userId', async (c) => {
    const caller = requireRole(c, ROLES);
    const userId = await managedPerson(c, caller);
    const { pin } = await readJson(c, PinBody);
    const problem = pinProblem(pin);
    if (problem) throw new AppError(problem);
    const v = await pinVerifier(pin);
    await sql`
      insert into user_pins (org_id, user_id, salt, hash, iterations)
      values (${caller.activeOrgId}, ${userId}, ${v.salt}, ${v.hash}, ${v.iterations})
      on conflict (org_id, user_id) do update set salt = excluded.salt, hash = excluded.hash, iterations = excluded.iterations,
        failed_count = 0, locked_at = null, updated_at = now()`;
    await audit(sql, { orgId: caller.activeOrgId, actorAccountId: caller.accountId, action: 'pin.set', entity: 'user_pin', entityId: userId });
    return c.body(null, 204);
  });

  app.post('/timeclock/pins/:userId/unlock', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const userId = c.req.param('userId');
    const rows = await sql`
      update user_pins set failed_count = 0, locked_at = null, updated_at = now()
      where org_id = ${caller.activeOrgId} and user_id = ${userId} returning user_id`;
    if (!rows[0]) throw new AppError('NOT_FOUND');
    await audit(sql, { orgId: caller.activeOrgId, actorAccountId: caller.accountId, action: 'pin.unlocked', entity: 'user_pin', entityId: userId });
    return c.body(null, 204);
  });

  app.get('/timeclock/pins', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const rows = await sql<{ user_id: string; hash: string; failed_count: number; locked_at: Date | null }[]>`
      select user_id, hash, failed_count, locked_at from user_pins where org_id = ${caller.activeOrgId} order by user_id`;
    return c.json({
      pins: rows.map((r) => ({ userId: r.user_id, hasPin: r.hash !== '', failedCount: r.failed_count, lockedAt: r.locked_at ? new Date(r.locked_at).toISOString() : null })),
    });
  });

  /** A new QR secret for the person (shown to them; kiosks receive only its SHA-256). */
  app.post('/timeclock/qr/:userId', async (c) => {
    const caller = requireRole(c, ROLES);
    const userId = await managedPerson(c, caller);
    const code = `CC${randomBytes(12).toString('base64url')}`;
    await sql`
      insert into user_pins (org_id, user_id, salt, hash, iterations, qr_hash)
      values (${caller.activeOrgId}, ${userId}, '', '', ${PIN_ITERATIONS}, ${sha256Hex(code)})
      on conflict (org_id, user_id) do update set qr_hash = excluded.qr_hash`;
    await audit(sql, { orgId: caller.activeOrgId, actorAccountId: caller.accountId, action: 'qr.issued', entity: 'user_pin', entityId: userId });
    return c.json({ code });
  });

  app.post('/kiosk/pin-check', async (c) => {
    const kiosk = await requireKiosk(c, sql);
    const { userId, pin } = await readJson(c, PinCheckBody);
    if (!limiter.allow(`${kiosk.id}:${userId}`)) throw new AppError('RATE_LIMITED');
    const [row] = await sql<{ salt: string; hash: string; iterations: number; failed_count: number; locked_at: Date | null }[]>`
      select salt, hash, iterations, failed_count, locked_at from user_pins where org_id = ${kiosk.orgId} and user_id = ${userId}`;
    if (!row || !row.hash) return c.json({ ok: false });
    if (row.locked_at) throw new AppError('PIN_LOCKED');
    if (await checkPin(pin, row)) {
      await sql`update user_pins set failed_count = 0 where org_id = ${kiosk.orgId} and user_id = ${userId}`;
      return c.json({ ok: true });
    }
    const [after] = await sql<{ failed_count: number }[]>`
      update user_pins set failed_count = failed_count + 1,
        locked_at = case when failed_count + 1 >= ${PIN_MAX_FAILURES} then now() else locked_at end
      where org_id = ${kiosk.orgId} and user_id = ${userId} returning failed_count`;
    if ((after?.failed_count ?? 0) >= PIN_MAX_FAILURES) throw new AppError('PIN_LOCKED');
    return c.json({ ok: false, remaining: PIN_MAX_FAILURES - (after?.failed_count ?? 0) });
  });

  return app;
}
