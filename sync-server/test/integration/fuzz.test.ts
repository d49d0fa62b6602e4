import http from 'node:http';
import { ENTITIES, uuidv7, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import { availableBackends } from '../helpers/backends';
import { TestClient, signedIn } from '../helpers/client';
import { TestDevice, assignment, mission, now, person } from '../helpers/docs';
import { seeded } from '../helpers/random';
import { startTestServer, type TestServer } from '../helpers/server';
import { create } from '../helpers/sync-http';

/**
 * Hostile input never 500s: every route of the app (read from the Hono app itself, plus better-auth's endpoints
 * behind /api/auth/*) gets JSON oddities as bodies and query strings, from an anonymous caller, a TECH, a MANAGER
 * and a kiosk. Every answer is < 500 and a 4xx has the one error shape; afterwards the server is ready, still
 * pulls, and Object.prototype was not polluted. FUZZ_SEED=<n> replays a run.
 */
const backends = await availableBackends();
vi.setConfig({ hookTimeout: 600_000, testTimeout: 300_000 });

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed2026);
/** Requests per route (each with a random caller, oddity and path parameters). */
const PER_ROUTE = 3;

type Caller = 'anonymous' | 'tech' | 'manager' | 'kiosk';
const CALLERS: Caller[] = ['anonymous', 'tech', 'manager', 'kiosk'];

interface Oddity {
  label: string;
  /** The raw body text (undefined: no body) and its content type (undefined: none sent). */
  body?: string | Uint8Array;
  contentType?: string;
  /** The server may close the connection instead of answering (a body over the limit). */
  mayDrop?: boolean;
}

/** Field names our routes and better-auth read, so wrong types reach the validators behind the first check. */
const VOCABULARY = [
  'id', 'name', 'title', 'email', 'password', 'role', 'orgId', 'organizationId', 'venueId', 'userId', 'pin', 'reason', 'timezone',
  'settings', 'data', 'payload', 'newDocumentState', 'assumedMasterState', '_deleted', 'memberId', 'invitationId', 'slug', 'code',
  'callbackURL', 'rememberMe', 'token', 'limit', 'checkpoint', 'status',
];

const deepArray = (levels: number) => '['.repeat(levels) + '1' + ']'.repeat(levels);
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

type Rng = ReturnType<typeof seeded>;

/**
 * A request on a connection of its own (no keep-alive pool): a body over the limit is answered 413 and its
 * connection closed while the body is still on its way; fetch's pool could hand that socket to the next request.
 */
function ownConnection(url: string, method: string, headers: Record<string, string>, body: string | Uint8Array | undefined): Promise<Response> {
  return new Promise((resolve, reject) => {
    // An explicit length: Node sends a DELETE body unframed otherwise (no chunked encoding by default).
    const length = body === undefined ? {} : { 'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.length) };
    const req = http.request(url, { method, headers: { ...headers, ...length }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') out.set(k, v);
        const status = res.statusCode ?? 0;
        resolve(new Response([204, 205, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: out }));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error('no answer in 20 s')));
    req.end(body);
  });
}

function wrongValue(rng: Rng): unknown {
  return rng.pick<unknown>(['5', '1e3', 'false', 'true', '', {}, [], [1, 'x'], { nested: { deeper: [] } }, null, 0, -1, 1.5, true, false, 2 ** 64, -(2 ** 53) - 10]);
}

/** An object of vocabulary keys with values of the wrong type (strings for numbers, objects for arrays, nulls...). */
function wrongTypes(rng: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < 2 + rng.int(5); i++) out[rng.pick(VOCABULARY)] = wrongValue(rng);
  return out;
}

/** A JSON object text with vocabulary keys and `raw` spliced in as one value (raw JSON text, e.g. 1e400). */
function withRaw(rng: Rng, raw: string): string {
  const key = rng.pick(VOCABULARY);
  const rest = JSON.stringify(wrongTypes(rng)).slice(1, -1);
  return `{${JSON.stringify(key)}:${raw}${rest ? `,${rest}` : ''}}`;
}

const json = (body: string, label: string): Oddity => ({ label, body, contentType: 'application/json' });

/** The body oddities; each call draws fresh random parts. */
const ODDITIES: ((rng: Rng) => Oddity)[] = [
  (rng) => json(withRaw(rng, JSON.stringify('bad\u0000nul')), 'NUL in a string'),
  (rng) => json(withRaw(rng, JSON.stringify('\ud800')), 'lone high surrogate'),
  (rng) => json(withRaw(rng, '"x\\udc00y"'), 'lone low surrogate'),
  (rng) => json(`{${JSON.stringify(`k\u0000${rng.pick(VOCABULARY)}`)}:1}`, 'NUL in a key'),
  () => json('{"\\ud800":1,"name":"x"}', 'lone surrogate in a key'),
  (rng) => json(withRaw(rng, rng.pick(['1e400', '-1e400', '18446744073709551616', '1e308', '-0'])), 'huge numbers'),
  (rng) => json(rng.pick(['1e400', '-1e400']), 'a bare non-finite number'),
  () => json(deepArray(10_000), 'deep arrays (10000 levels)'),
  () => json(deepObject(10_000), 'deep objects (10000 levels)'),
  (rng) => json(withRaw(rng, deepObject(10_000)), 'deep nesting inside a field'),
  (rng) => json(JSON.stringify(wrongTypes(rng)), 'wrong types'),
  (rng) => json(JSON.stringify([wrongTypes(rng)]), 'an array for an object'),
  (rng) => json(JSON.stringify(rng.pick<unknown>([null, 'text', 42, true, []])), 'a scalar body'),
  () => json('{"__proto__":{"polluted":1},"name":"x"}', '__proto__ key'),
  () => json('{"constructor":{"prototype":{"polluted":1}}}', 'constructor.prototype keys'),
  (rng) => json(JSON.stringify([{ newDocumentState: { id: uuidv7(), ...wrongTypes(rng), _deleted: 'false' } }]), 'a push row with _deleted "false"'),
  () => ({ label: 'empty JSON body', body: '', contentType: 'application/json' }),
  () => ({ label: 'no body, no content type' }),
  (rng) => json(rng.pick(['{"email":', 'not json', '{"a":1}}', '\u0000', '[1,]', '{"a":"\\u00"}']), 'malformed JSON'),
  (rng) => ({ label: 'JSON as text/plain', body: JSON.stringify(wrongTypes(rng)), contentType: 'text/plain' }),
  () => ({ label: 'form body with NUL', body: 'name=ok&name=bad%00nul&email=a%40b.c&password=%00%00%00%00%00%00%00%00&__proto__=x', contentType: 'application/x-www-form-urlencoded' }),
  () => ({ label: 'junk bytes as image/jpeg', body: Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256), contentType: 'image/jpeg' }),
  () => ({ label: 'empty image/jpeg', body: new Uint8Array(0), contentType: 'image/jpeg' }),
  () => ({ label: 'a JSON type with a charset and junk parameters', body: '{"name":"x\\u0000"}', contentType: 'application/json; charset=utf-16; x=%00' }),
  () => ({ label: '2 MB string (limit 1 MB)', body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), contentType: 'application/json', mayDrop: true }),
];

/** Query string oddities (raw, already encoded where needed). */
const QUERIES: ((rng: Rng) => string)[] = [
  () => '',
  () => '?limit=1e400&checkpoint=%7B%22seq%22%3A1e400%7D',
  () => '?checkpoint=%00',
  () => `?checkpoint=${encodeURIComponent(deepArray(1000))}`,
  () => `?checkpoint=${encodeURIComponent('{"__proto__":{"polluted":1},"seq":1}')}`,
  () => '?limit=-5&details=1',
  () => '?limit=abc&statuses=%ED%A0%80',
  () => '?from=%00&to=2026-01-01T00:00:00.000Z',
  () => '?from=2026-01-01T00:00:00.000Z&to=9999-99-99',
  () => '?collections=%E0%A4%A&deviceId=%F0%9F',
  () => '?__proto__[polluted]=1&constructor[prototype][polluted]=1',
  () => '?sortBy=zzz&filterField=zzz&filterValue=1&offset=-1&membersLimit=-1',
  () => '?filterField=userId&filterOperator=in&filterValue=a&limit=99999999999999999999',
  () => `?statuses=${'VALIDATED,'.repeat(300)}&deviceId=${'d'.repeat(500)}`,
  // A lone surrogate as UTF-8 bytes (invalid UTF-8): decoding it fails, the raw text is kept.
  (rng) => `?${rng.pick(VOCABULARY)}=%ED%A0%BD&name=%ED%B0%80`,
];

interface Target {
  method: string;
  path: string;
}

interface Failure {
  caller: Caller;
  method: string;
  url: string;
  oddity: string;
  status: number | string;
  body: string;
}

describe.each(backends)('hostile input never 500s on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let tech: TestClient;
  let kioskToken = '';
  let orgId = '';
  const ids: { any: string[]; memberId: string[]; userId: string[] } & Record<string, string[]> = { any: [], collection: ENTITIES.map((e) => e.name), memberId: [], userId: [] };

  beforeAll(async () => {
    // better-auth logs every refused request to the console itself ("[Better Auth]: Invalid JSON..."): hundreds
    // of lines here. Only those are dropped; anything else still prints.
    const consoleError = console.error.bind(console);
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('[Better Auth]')) consoleError(...args);
    });
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    // Real ids of the manager's organisation, so some requests reach the code behind the "not found".
    const venue = { id: uuidv7(), updatedAt: now(), kind: 'venue', name: 'Salle fuzz', archived: false, data: {}, _deleted: false } as SyncDoc;
    await create(manager, 'reference', [venue]);
    const m = mission({ venueId: venue.id, status: 'PUBLISHED' });
    const p = person({ firstName: 'Fuzz' });
    await create(manager, 'missions', [m]);
    await create(manager, 'users', [p]);
    const a = assignment(m.id, p.id);
    await create(manager, 'assignments', [a]);
    const punch = new TestDevice().punch(p.id);
    await create(manager, 'field_events', [punch]);
    const enrol = async (name: string) => {
      const res = await manager.post('/api/v1/timeclock/kiosks', { venueId: venue.id, name });
      expect(res.status).toBe(201);
      return (await res.json()) as { kiosk: { id: string }; token: string };
    };
    kioskToken = (await enrol('Borne fuzz')).token;
    // A second kiosk whose id may be revoked by the fuzz; the first one's id is never used as a parameter.
    const spare = await enrol('Borne de rechange');
    const members = ((await (await manager.get('/api/v1/org/members')).json()) as { members: { id: string }[] }).members.map((x) => x.id);
    ids.any = [venue.id, m.id, p.id, a.id, punch.id, spare.kiosk.id];
    ids.memberId = members;
    ids.userId = [p.id];
    orgId = ((await (await manager.get('/api/v1/me')).json()) as { activeOrg: { id: string } }).activeOrg.id;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.close();
  });

  /** Every route of the app as Hono lists it, /api/auth/* expanded into better-auth's own endpoints. */
  function targets(): Target[] {
    const app = createApp(server.deps);
    const seen = new Set<string>();
    const out: Target[] = [];
    const add = (method: string, path: string) => {
      const key = `${method} ${path}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ method, path });
    };
    for (const r of app.routes) {
      if (r.path.startsWith('/api/auth')) continue;
      add(r.method, r.path);
    }
    const endpoints = Object.values(server.deps.auth.api as Record<string, { path?: unknown; options?: { method?: unknown } }>);
    for (const e of endpoints) {
      if (typeof e?.path !== 'string') continue;
      const methods = ([] as unknown[]).concat(e.options?.method ?? 'GET').map(String);
      for (const method of methods) add(method === '*' ? 'ALL' : method, `/api/auth${e.path}`);
    }
    return out;
  }

  /** Fills :params and * with random junk or real ids (never the kiosk used as a caller). */
  function fill(rng: Rng, path: string, realShare = 0.5): string {
    const junk = () =>
      rng.pick([
        uuidv7(), 'x', '%00', `a%00b`, '%ED%A0%80', '%E0%A4%A', '..%2F..%2Fpackage.json', 'd'.repeat(300), '%F0%9F%98', '0', '-1', '1e400', '__proto__', 'constructor',
        encodeURIComponent('{"a":1}'), '%C0%AF',
      ]);
    let out = path.replace(/:([A-Za-z]+)(\{[^}]*\})?/g, (_m, name: string) => {
      if (name === 'month') return rng.pick(['2026-01', '2026-13', '0000-00', junk()]);
      const real: string[] = ids[name] ?? ids.any;
      return rng.next() < realShare && real.length ? real[rng.int(real.length)]! : junk();
    });
    out = out.replace(/\*/g, () => rng.pick(['x', 'missions/pull', 'a/b/c', junk(), 'sign-in/email', 'get-session']));
    return out;
  }

  const SESSION_KILLERS = /\/(sign-out|revoke-|delete-user|organization\/(leave|delete|set-active)|change-password|change-email|update-user|two-factor|link-social|unlink-account)/;

  /** The headers of a caller: a session's cookie, or a kiosk's token (now and then a wrong one). */
  function headersOf(rng: Rng, caller: Caller, sessions: { tech: TestClient; manager: TestClient }): Record<string, string> {
    const headers: Record<string, string> = { origin: server.url.replace('127.0.0.1', 'localhost'), 'accept-language': rng.pick(['fr', 'en']) };
    if (caller === 'tech') headers.cookie = sessions.tech.cookieHeader();
    if (caller === 'manager') headers.cookie = sessions.manager.cookieHeader();
    if (caller === 'kiosk') headers.authorization = rng.next() < 0.9 ? `Kiosk ${kioskToken}` : 'Kiosk not-a-token';
    return headers;
  }

  /**
   * Sends one request and checks the answer: < 500, and a 4xx in the one error shape with a message. Returns the
   * status and text (for the learning below), or null when the request failed or was recorded as a failure.
   */
  async function call(
    req: { caller: Caller; method: string; url: string; headers: Record<string, string>; oddity: Oddity },
    failures: Failure[],
  ): Promise<{ status: number; text: string } | null> {
    const { caller, method, url, headers, oddity } = req;
    const hasBody = method !== 'GET' && method !== 'HEAD' && oddity.body !== undefined;
    if (hasBody && oddity.contentType) headers['content-type'] = oddity.contentType;
    const record = (status: number | string, body: string) => {
      failures.push({ caller, method, url, oddity: oddity.label, status, body: body.slice(0, 300) });
      return null;
    };
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 20_000);
    try {
      const body = hasBody ? oddity.body : undefined;
      const res = oddity.mayDrop && body !== undefined ? await ownConnection(server.url + url, method, headers, body) : await fetch(server.url + url, { method, headers, body, redirect: 'manual', signal: abort.signal });
      if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
        await res.body?.cancel();
        return res.status >= 400 ? record(res.status, 'event stream with an error status') : { status: res.status, text: '' };
      }
      const text = await res.text();
      if (res.status >= 500) return record(res.status, text);
      if (res.status >= 400) {
        let parsed: { error?: { code?: unknown; message?: unknown } } | undefined;
        try {
          parsed = JSON.parse(text) as typeof parsed;
        } catch {
          return record(res.status, `not JSON: ${text}`);
        }
        const e = parsed?.error;
        if (!e || typeof e.code !== 'string' || !e.code || typeof e.message !== 'string' || !e.message.trim()) return record(res.status, `not the error shape: ${text}`);
      }
      return { status: res.status, text };
    } catch (err) {
      const reason = String((err as Error).cause ?? err);
      return oddity.mayDrop && !reason.includes('no answer') ? null : record('network', reason);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One planned request, every random choice made up front (so a seed replays the same run, whatever the timing). */
  function prepare(rng: Rng, caller: Caller, target: Target, oddity: Oddity, query: string): Parameters<typeof call>[0] {
    // A signed-in caller never signs itself out or drops its organisation (the rest of the run needs it).
    if ((caller === 'tech' || caller === 'manager') && SESSION_KILLERS.test(target.path)) caller = 'anonymous';
    const method = target.method === 'ALL' ? rng.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) : target.method;
    return { caller, method, url: fill(rng, target.path) + query, headers: headersOf(rng, caller, { tech, manager }), oddity };
  }

  it('answers every route with < 500 and the error shape, whoever calls with whatever body and query', async () => {
    const rng = seeded(SEED + (backend === 'postgres' ? 1 : 0));
    const all = targets();
    // The list is the app's own: it has the sync, kiosk, payroll and better-auth routes (not hand-maintained).
    expect(all.some((t) => t.path === '/api/v1/sync/:collection/push')).toBe(true);
    expect(all.some((t) => t.path === '/api/v1/timeclock/kiosks')).toBe(true);
    expect(all.some((t) => t.path === '/api/auth/sign-up/email')).toBe(true);
    expect(all.some((t) => t.path === '/api/auth/organization/create')).toBe(true);
    const failures: Failure[] = [];
    const plan: Parameters<typeof call>[0][] = [];
    for (const target of all) {
      for (let i = 0; i < PER_ROUTE; i++) plan.push(prepare(rng, rng.pick(CALLERS), target, rng.pick(ODDITIES)(rng), rng.pick(QUERIES)(rng)));
    }
    // Every oddity from every caller at least once, on routes that read a body; every query oddity on GET routes.
    const bodyRoutes = all.filter((t) => t.method !== 'GET' && t.method !== 'ALL');
    const getRoutes = all.filter((t) => t.method === 'GET');
    for (const make of ODDITIES) for (const caller of CALLERS) plan.push(prepare(rng, caller, rng.pick(bodyRoutes), make(rng), ''));
    for (const make of QUERIES) for (const caller of CALLERS) plan.push(prepare(rng, caller, rng.pick(getRoutes), { label: 'no body' }, make(rng)));
    const t0 = Date.now();
    // Two at a time: enough to overlap the server's awaits, not enough to starve a 2-core machine.
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < plan.length) {
          await call(plan[next++]!, failures);
        }
      }),
    );
    console.warn(`[fuzz ${backend}] seed ${SEED}: ${plan.length} requests on ${all.length} routes in ${Date.now() - t0} ms`);
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  /** A field the route said it needs: its name and the type or the options the validator expects. */
  interface Need {
    key: string;
    type?: string;
    options?: string[];
  }

  /** The top-level fields a 400 says are missing or wrong: our details ({path, message}) or better-auth's "[body.x] ..." messages. */
  function needsOf(text: string): Need[] {
    let body: { error?: { code?: string; message?: string; details?: { path?: string; message?: string }[] } };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return [];
    }
    const issues: { path: string; message: string }[] = [];
    for (const d of Array.isArray(body.error?.details) ? body.error.details : []) issues.push({ path: String(d.path ?? ''), message: String(d.message ?? '') });
    for (const part of String(body.error?.message ?? '').split('; ')) {
      const m = /^\[body\.([^\]]+)\] (.*)$/.exec(part);
      if (m) issues.push({ path: m[1]!, message: m[2]! });
    }
    const out: Need[] = [];
    for (const { path, message } of issues) {
      if (!path || path.includes('.')) continue;
      const options = /expected one of (.*)$/.exec(message)?.[1]?.match(/"([^"]*)"/g)?.map((o) => o.slice(1, -1));
      const type = /expected (\w+), received undefined/.exec(message)?.[1];
      if (options?.length) out.push({ key: path, options });
      else if (type) out.push({ key: path, type });
    }
    return out;
  }

  /** A plausible value for a field: the org's real ids where the name says which, a fresh email or slug, a valid PIN... */
  function plausible(need: Need): unknown {
    if (need.options?.length) return need.options[0];
    switch (need.type) {
      case 'number':
        return 1;
      case 'boolean':
        return true;
      case 'array':
        return [];
      case 'object':
      case 'record':
        return {};
      default:
        break;
    }
    const k = need.key.toLowerCase();
    if (k === 'venueid') return ids.any[0];
    if (k === 'userid') return ids.userId[0];
    if (k === 'orgid' || k === 'organizationid') return orgId;
    if (k.startsWith('member')) return ids.memberId[0];
    if (k.includes('email')) return `fuzz-${uuidv7()}@example.test`;
    if (k.includes('password')) return 'longenough1';
    if (k === 'pin') return '1234';
    if (k === 'slug') return `fuzz-${uuidv7()}`;
    if (k === 'timezone') return 'Europe/Paris';
    if (k === 'role') return 'TECH';
    if (k.endsWith('id')) return ids.any[1];
    return 'Fuzz';
  }

  /** Hostile values put in one field of an otherwise plausible body (raw JSON text). */
  const HOSTILE_VALUES: [string, string][] = [
    ['NUL', JSON.stringify('bad\u0000nul')],
    ['lone surrogate', '"x\\ud800"'],
    ['deep nesting', deepObject(10_000)],
    ['1e400', '1e400'],
    ['__proto__', '{"__proto__":{"polluted":1}}'],
  ];

  it('fills the fields each route asks for (learnt from its 400s) and puts one hostile value in them', async () => {
    const rng = seeded(SEED + 7 + (backend === 'postgres' ? 1 : 0));
    // Own sessions: what a learnt body does to a session (an organisation created, made active) stays here.
    const sessions = { tech: await signedIn(server.url, 'tech@coulisses.demo'), manager: await signedIn(server.url, 'manager@coulisses.demo') };
    const failures: Failure[] = [];
    const bodyRoutes = targets().filter((t) => ['POST', 'PUT', 'PATCH'].includes(t.method));
    let learnt = 0;
    let sent = 0;
    for (const target of bodyRoutes) {
      const isAuth = target.path.startsWith('/api/auth/');
      for (const caller of CALLERS) {
        if ((caller === 'tech' || caller === 'manager') && SESSION_KILLERS.test(target.path)) continue;
        if (isAuth && caller === 'kiosk') continue;
        const url = fill(rng, target.path, 1);
        const fields: Record<string, unknown> = {};
        // Our schemas are strict: an unknown key keeps a learning body from ever being accepted. better-auth
        // ignores unknown keys, so its routes get one round (the empty body) and then only hostile bodies.
        for (let round = 0; round < (isAuth ? 1 : 3); round++) {
          const probe = isAuth ? fields : { ...fields, zzFuzzUnknown: 1 };
          sent++;
          const res = await call({ caller, method: target.method, url, headers: headersOf(rng, caller, sessions), oddity: json(JSON.stringify(probe), 'learning') }, failures);
          if (!res || res.status !== 400) break;
          const needs = needsOf(res.text).filter((n) => !(n.key in fields) || n.options);
          if (needs.length === 0) break;
          for (const n of needs) fields[n.key] = plausible(n);
        }
        const textKeys = Object.keys(fields).filter((k) => typeof fields[k] === 'string');
        if (textKeys.length === 0) continue;
        learnt++;
        for (const [label, raw] of HOSTILE_VALUES) {
          const key = rng.pick(textKeys);
          const rest = Object.entries(fields).filter(([k]) => k !== key).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
          const body = `{${[`${JSON.stringify(key)}:${raw}`, ...rest].join(',')}}`;
          sent++;
          const res = await call({ caller, method: target.method, url, headers: headersOf(rng, caller, sessions), oddity: json(body, `${label} in ${key} of a learnt body`) }, failures);
          // A hostile value is never accepted: refused with 400 before any store (or the route is not the caller's).
          if (res && res.status < 300) failures.push({ caller, method: target.method, url, oddity: `${label} in ${key} accepted`, status: res.status, body: res.text.slice(0, 300) });
        }
      }
    }
    console.warn(`[fuzz ${backend}] learnt bodies of ${learnt} route and caller pairs, ${sent} requests`);
    expect(learnt).toBeGreaterThan(5);
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers the hostile inputs of the issue with 400 VALIDATION_FAILED (kiosk enrolment, sign-up, organisation)', async () => {
    const venueId = ids.any[0]!;
    const cases: [TestClient, string, string][] = [
      [manager, '/api/v1/timeclock/kiosks', JSON.stringify({ venueId, name: 'bad\u0000nul' })],
      [manager, '/api/v1/timeclock/kiosks', JSON.stringify({ venueId, name: '\ud800' })],
      [new TestClient(server.url), '/api/auth/sign-up/email', JSON.stringify({ name: 'bad\u0000nul', email: `fuzz-${uuidv7()}@example.test`, password: 'longenough1' })],
      [new TestClient(server.url), '/api/auth/sign-up/email', JSON.stringify({ name: '\udc00', email: `fuzz-${uuidv7()}@example.test`, password: 'longenough1' })],
      [manager, '/api/auth/organization/create', JSON.stringify({ name: 'Org \u0000', slug: `fuzz-${uuidv7()}` })],
      [manager, '/api/auth/organization/create', '{"name":"x","slug":"y","metadata":' + deepObject(10_000) + '}'],
    ];
    for (const [client, path, body] of cases) {
      const res = await client.request('POST', path, body, { 'content-type': 'application/json' });
      const out = (await res.json()) as { error: { code: string; message: string; details: { path: string; code: string; message: string }[] } };
      expect({ path, status: res.status, code: out.error.code }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED' });
      expect(out.error.details[0]).toEqual({ path: expect.any(String), code: expect.any(String), message: expect.any(String) });
    }
    const form = await new TestClient(server.url).request('POST', '/api/auth/sign-up/email', 'name=ok&email=f%40example.test&password=longenough1&name=bad%00nul', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(400);
    // Punch photos are binary: junk, a wrong type, an empty or missing body are refused, never a 500.
    const punchId = ids.any[4]!;
    const photo = (body: Uint8Array | string | undefined, type?: string) =>
      fetch(`${server.url}/api/v1/timeclock/punches/${punchId}/photo`, { method: 'PUT', headers: { cookie: manager.cookieHeader(), ...(type ? { 'content-type': type } : {}) }, body });
    for (const [body, type, status] of [
      [Uint8Array.from([0xff, 0xd8, 0xff, 0x00, 0x01]), 'image/jpeg', 422],
      [new Uint8Array(0), 'image/jpeg', 400],
      [undefined, 'image/jpeg', 400],
      ['{"a":1}', 'application/json', 415],
      [Uint8Array.from([1, 2, 3]), undefined, 415],
      [new Uint8Array(300 * 1024), 'image/jpeg', 413],
    ] as const) {
      const res = await photo(body, type);
      expect({ type, size: body?.length, status: res.status }).toEqual({ type, size: body?.length, status });
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/\S/);
    }
    // better-auth passes these query parameters to SQL unchecked (each was a 500): refused before it sees them.
    for (const q of ['list-members?limit=-5', 'list-members?limit=1e400', 'list-members?offset=-1', 'list-members?limit=1.5', 'list-members?sortBy=zzz',
      'list-members?filterField=zzz&filterValue=1', 'list-members?filterField=userId&filterOperator=in&filterValue=a', 'get-full-organization?membersLimit=-1']) {
      const res = await manager.get(`/api/auth/organization/${q}`);
      expect({ q, status: res.status }).toEqual({ q, status: 400 });
    }
    expect((await manager.get('/api/auth/organization/list-members?limit=2&offset=0&sortBy=createdAt')).status).toBe(200);
    const nulPath = await manager.get('/api/v1/timeclock/chains?deviceId=%00');
    expect(nulPath.status).toBe(400);
    expect(((await nulPath.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('still answers /readyz and a normal pull afterwards', async () => {
    const ready = await new TestClient(server.url).get('/readyz');
    expect(ready.status).toBe(200);
    const fresh = await signedIn(server.url, 'manager@coulisses.demo');
    const pull = await fresh.get('/api/v1/sync/missions/pull?limit=10');
    expect(pull.status).toBe(200);
    expect(Array.isArray(((await pull.json()) as { documents: unknown[] }).documents)).toBe(true);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('a push batch with one hostile row: 200, that row rejected VALIDATION_FAILED, the valid row stored', () => {
    /** Pushes the raw batch text, expects 200 with details; returns the rejected rows. */
    async function pushRaw(client: TestClient, collection: string, raw: string) {
      const res = await client.request('POST', `/api/v1/sync/${collection}/push?details=1`, raw, { 'content-type': 'application/json' });
      const text = await res.text();
      expect({ status: res.status, body: res.status === 200 ? '' : text }).toEqual({ status: 200, body: '' });
      return JSON.parse(text) as { rejected: { id: string; code: string }[]; written: number };
    }

    async function pulled(client: TestClient, collection: string, id: string): Promise<SyncDoc | undefined> {
      let checkpoint: unknown = null;
      for (let page = 0; page < 50; page++) {
        const q = checkpoint ? `&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}` : '';
        const res = await client.get(`/api/v1/sync/${collection}/pull?limit=1000${q}`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { documents: SyncDoc[]; checkpoint: unknown };
        const found = body.documents.find((d) => d.id === id);
        if (found) return found;
        if (body.documents.length === 0) return undefined;
        checkpoint = body.checkpoint;
      }
      return undefined;
    }

    const missionRow = (fields: Record<string, unknown> = {}) => JSON.stringify({ newDocumentState: mission(fields as Partial<SyncDoc>) });
    const referenceRow = (id: string, dataText: string) =>
      `{"newDocumentState":{"id":${JSON.stringify(id)},"updatedAt":${JSON.stringify(now())},"kind":"venue","name":"Salle","archived":false,"data":${dataText},"_deleted":false}}`;

    const CASES: { name: string; collection: string; hostile: (id: string) => string }[] = [
      { name: 'NUL in a title', collection: 'missions', hostile: (id) => missionRow({ id, title: 'bad\u0000nul' }) },
      { name: 'a lone surrogate in a title', collection: 'missions', hostile: (id) => missionRow({ id, title: 'x\ud800' }) },
      { name: '_deleted "false"', collection: 'missions', hostile: (id) => missionRow({ id, _deleted: 'false' }) },
      { name: 'deep nesting in a free-form data record', collection: 'reference', hostile: (id) => referenceRow(id, deepObject(10_000)) },
      { name: 'NUL in a key of a data record', collection: 'reference', hostile: (id) => referenceRow(id, '{"k\\u0000":1}') },
      { name: 'a lone surrogate in a data record', collection: 'reference', hostile: (id) => referenceRow(id, '{"note":"\\udbff"}') },
      { name: '__proto__ in a data record', collection: 'reference', hostile: (id) => referenceRow(id, '{"__proto__":{"polluted":1}}') },
      { name: '1e400 in a data record', collection: 'reference', hostile: (id) => referenceRow(id, '{"n":1e400}') },
    ];

    it.each(CASES)('$name', async ({ collection, hostile }) => {
      const hostileId = uuidv7();
      const valid =
        collection === 'missions'
          ? mission({ title: 'Valide' })
          : ({ id: uuidv7(), updatedAt: now(), kind: 'venue', name: 'Salle valide', archived: false, data: {}, _deleted: false } as SyncDoc);
      const out = await pushRaw(manager, collection, `[${JSON.stringify({ newDocumentState: valid })},${hostile(hostileId)}]`);
      expect(out.rejected).toEqual([expect.objectContaining({ id: hostileId, code: 'VALIDATION_FAILED' })]);
      expect(out.written).toBe(1);
      expect(await pulled(manager, collection, valid.id)).toMatchObject({ id: valid.id, _deleted: false });
      expect(await pulled(manager, collection, hostileId)).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
