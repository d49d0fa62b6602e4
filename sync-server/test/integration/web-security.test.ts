import http from 'node:http';
import type { Socket } from 'node:net';
import { uuidv7, type SyncDoc } from '@coulisses/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { availableBackends } from '../helpers/backends';
import { signedIn, type TestClient } from '../helpers/client';
import { now, project } from '../helpers/docs';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';
import { create } from '../helpers/sync-http';

const backends = await availableBackends();
vi.setConfig({ hookTimeout: 600_000, testTimeout: 300_000 });

const EVIL = 'https://evil.example';
const PARTNER = 'https://partner.example';

/** A request with exactly these headers and the client's cookie (TestClient always adds a trusted Origin). */
async function raw(client: TestClient, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Response> {
  const h: Record<string, string> = { cookie: client.cookieHeader(), ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  return fetch(client.baseUrl + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
}

async function errorCode(res: Response): Promise<string | undefined> {
  return ((await res.json().catch(() => ({}))) as { error?: { code?: string } }).error?.code;
}

/** A request through node:http, which lets the test choose the Host header. */
function viaHost(port: number, host: string, method: string, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function venue(name: string): SyncDoc {
  return { id: uuidv7(), updatedAt: now(), kind: 'venue', name, archived: false, data: {}, _deleted: false } as SyncDoc;
}

/** The Content-Security-Policy header as a map of directive to its sources. */
function directives(res: Response): Map<string, string> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...sources] = d.split(/\s+/);
        return [name, sources.join(' ')] as [string, string];
      }),
  );
}

describe.each(backends)('web security on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  const pushPath = '/api/v1/sync/projects/push';

  beforeAll(async () => {
    server = await startTestServer(backend, { trustedOrigins: [PARTNER] });
    manager = await signedIn(server.url, 'manager@coulisses.demo');
  });
  afterAll(async () => server?.close());

  describe('cross-site request forgery (Origin and Sec-Fetch-Site)', () => {
    it('refuses a push sent from another origin with the victim\'s cookie: 403 ORIGIN_REFUSED, nothing written', async () => {
      const forged = project({ name: 'Projet pirate' });
      const res = await manager.post(pushPath, [{ newDocumentState: forged }], { origin: EVIL });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'ORIGIN_REFUSED', message: expect.any(String) } });
      const ok = project({ name: 'Projet legitime' });
      await create(manager, 'projects', [ok]);
      const stored = await serverDocs(manager, 'projects');
      expect(stored.has(ok.id)).toBe(true);
      expect(stored.has(forged.id)).toBe(false);
    });

    it('refuses a kiosk revocation sent from another origin; the kiosk stays active', async () => {
      const v = venue(`Salle ${uuidv7().slice(-6)}`);
      await create(manager, 'reference', [v]);
      const enrolled = await manager.post('/api/v1/timeclock/kiosks', { venueId: v.id, name: 'Borne CSRF' });
      expect(enrolled.status).toBe(201);
      const kioskId = ((await enrolled.json()) as { kiosk: { id: string } }).kiosk.id;
      const forged = await manager.post(`/api/v1/timeclock/kiosks/${kioskId}/revoke`, {}, { origin: EVIL });
      expect(forged.status).toBe(403);
      expect(await errorCode(forged)).toBe('ORIGIN_REFUSED');
      const [row] = await server.deps.db.sql<{ revoked_at: Date | null }[]>`select revoked_at from kiosks where id = ${kioskId}`;
      expect(row!.revoked_at).toBeNull();
      expect((await manager.post(`/api/v1/timeclock/kiosks/${kioskId}/revoke`)).status).toBe(200);
    });

    it('without Origin, follows Sec-Fetch-Site: cross-site and same-site refused, same-origin and none accepted, no header (not a browser) accepted', async () => {
      const push = (headers: Record<string, string>) => raw(manager, 'POST', pushPath, headers, [{ newDocumentState: project() }]);
      for (const site of ['cross-site', 'same-site']) {
        const res = await push({ 'sec-fetch-site': site });
        expect(res.status, site).toBe(403);
        expect(await errorCode(res)).toBe('ORIGIN_REFUSED');
      }
      for (const site of ['same-origin', 'none']) expect((await push({ 'sec-fetch-site': site })).status, site).toBe(200);
      expect((await push({})).status).toBe(200);
    });

    it('accepts the server\'s own origins and TRUSTED_ORIGINS; refuses any other, "null" included', async () => {
      const push = (origin: string) => raw(manager, 'POST', pushPath, { origin, 'sec-fetch-site': 'cross-site' }, [{ newDocumentState: project() }]);
      for (const origin of [`http://localhost:${server.port}`, `http://127.0.0.1:${server.port}`, PARTNER]) {
        expect((await push(origin)).status, origin).toBe(200);
      }
      for (const origin of [EVIL, 'null', `http://localhost:${server.port + 1}`, `https://localhost:${server.port}`, `${PARTNER}.evil.example`, 'http://crew.test']) {
        const res = await push(origin);
        expect(res.status, origin).toBe(403);
        expect(await errorCode(res)).toBe('ORIGIN_REFUSED');
      }
    });

    it('accepts the origin of the request\'s own Host (a proxy or another name for the server), not a foreign one', async () => {
      const body = JSON.stringify([{ newDocumentState: project() }]);
      const cookie = manager.cookieHeader();
      const own = await viaHost(server.port, 'crew.test', 'POST', pushPath, { cookie, origin: 'http://crew.test' }, body);
      expect(own.status).toBe(200);
      const foreign = await viaHost(server.port, 'crew.test', 'POST', pushPath, { cookie, origin: 'http://other.test' }, body);
      expect(foreign.status).toBe(403);
      expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: 'ORIGIN_REFUSED' } });
    });

    it('guards better-auth too: a cross-site sign-out or sign-in is refused and the session survives', async () => {
      const signOut = await manager.post('/api/auth/sign-out', {}, { origin: EVIL });
      expect(signOut.status).toBe(403);
      expect(await errorCode(signOut)).toBe('ORIGIN_REFUSED');
      expect(signOut.headers.getSetCookie()).toEqual([]);
      expect((await manager.get('/api/v1/me')).status).toBe(200);
      const signIn = await raw(manager, 'POST', '/api/auth/sign-in/email', { 'sec-fetch-site': 'cross-site' }, { email: 'tech@coulisses.demo', password: 'coulisses2026' });
      expect(signIn.status).toBe(403);
      expect(signIn.headers.getSetCookie()).toEqual([]);
    });

    it('refuses cross-site GETs on the API (some change state), accepts same-origin ones and non-browser clients; OPTIONS passes', async () => {
      for (const path of ['/api/v1/me', '/api/auth/get-session']) {
        const crossSite = await raw(manager, 'GET', path, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' });
        expect(crossSite.status, path).toBe(403);
        expect(await errorCode(crossSite)).toBe('ORIGIN_REFUSED');
        const foreign = await raw(manager, 'GET', path, { origin: EVIL, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' });
        expect(foreign.status, path).toBe(403);
        expect((await raw(manager, 'GET', path, { 'sec-fetch-site': 'same-origin' })).status, path).toBe(200);
        expect((await raw(manager, 'GET', path, {})).status, path).toBe(200);
      }
      const preflight = await raw(manager, 'OPTIONS', pushPath, { origin: EVIL, 'access-control-request-method': 'POST' });
      expect(preflight.status).not.toBe(403);
    });
  });

  describe('the active organisation survives refused auth calls', () => {
    it('a member of one organisation asking for another one keeps syncing their own', async () => {
      const [other] = await server.deps.db.sql<{ id: string }[]>`select id from auth_organization where slug = 'nuits-blanches'`;
      const pull = () => manager.get(`/api/v1/sync/projects/pull?limit=1&checkpoint=${encodeURIComponent(JSON.stringify({ seq: 0 }))}`);
      const before = (await (await manager.get('/api/v1/me')).json()) as { activeOrg: { id: string } };
      expect((await pull()).status).toBe(200);

      for (const path of ['/api/auth/organization/get-full-organization', '/api/auth/organization/get-organization']) {
        const refused = await manager.get(`${path}?organizationId=${other!.id}`);
        expect(refused.status, path).toBe(403);
        const after = await pull();
        expect(after.status, `${path} then pull: ${await after.clone().text()}`).toBe(200);
      }
      const setActive = await manager.post('/api/auth/organization/set-active', { organizationId: other!.id });
      expect(setActive.status).toBe(403);
      expect((await pull()).status).toBe(200);
      const me = (await (await manager.get('/api/v1/me')).json()) as { activeOrg: { id: string } };
      expect(me.activeOrg.id).toBe(before.activeOrg.id);
    });

    it('a cross-site navigation to an organisation endpoint is refused before better-auth sees it', async () => {
      const [other] = await server.deps.db.sql<{ id: string }[]>`select id from auth_organization where slug = 'nuits-blanches'`;
      const res = await raw(manager, 'GET', `/api/auth/organization/get-full-organization?organizationId=${other!.id}`, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' });
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe('ORIGIN_REFUSED');
      expect((await manager.get(`/api/v1/sync/projects/pull?limit=1&checkpoint=${encodeURIComponent(JSON.stringify({ seq: 0 }))}`)).status).toBe(200);
    });
  });

  describe('Content-Security-Policy', () => {
    it('gives every HTML page the strict app policy', async () => {
      const expected: Record<string, string> = {
        'default-src': "'none'",
        'script-src': "'self'",
        'style-src': "'self'",
        'img-src': "'self'",
        'connect-src': "'self'",
        'worker-src': "'self'",
        'manifest-src': "'self'",
        'object-src': "'none'",
        'base-uri': "'self'",
        'form-action': "'self'",
        'frame-ancestors': "'none'",
      };
      for (const path of ['/', '/kiosk', '/m/x', '/invite/x']) {
        const res = await manager.get(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type'), path).toContain('text/html');
        const policy = directives(res);
        for (const [name, sources] of Object.entries(expected)) expect(policy.get(name), `${path} ${name}`).toBe(sources);
        expect(res.headers.get('content-security-policy'), path).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      }
      // The service worker takes its policy from its own answer.
      expect(directives(await manager.get('/sw.js')).get('connect-src')).toBe("'self'");
    });

    it('gives API and other non-page answers a policy that loads nothing and forbids framing', async () => {
      for (const path of ['/api/v1/me', '/api/v1/nope', '/healthz']) {
        const res = await manager.get(path);
        expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
      }
    });
  });

  describe('413 Payload Too Large', () => {
    /** One request through `agent`; resolves with the answer, the socket, and whether the request errored. */
    function send(agent: http.Agent, method: string, path: string, body?: Buffer, chunked = false) {
      return new Promise<{ status: number; connection: string | undefined; text: string; socket: Socket; reused: boolean; errors: Error[] }>((resolve, reject) => {
        const headers: Record<string, string | number> = { 'content-type': 'application/json' };
        if (body && !chunked) headers['content-length'] = body.length;
        // Errors after the answer (a reset while the body is still being sent) are collected, not thrown.
        const errors: Error[] = [];
        const req = http.request({ host: '127.0.0.1', port: server.port, method, path, agent, headers }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, text, socket: req.socket!, reused: req.reusedSocket, errors }));
        });
        req.on('error', (err) => {
          errors.push(err);
          reject(err);
        });
        if (body) req.write(body);
        req.end();
      });
    }

    const closed = (socket: Socket) => new Promise<boolean>((resolve) => (socket.destroyed ? resolve(false) : socket.once('close', (hadError: boolean) => resolve(hadError))));

    it('answers a body over the limit with the error, Connection: close and a clean close; the next request is answered on a new connection', async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const cases = [
          { path: '/api/auth/sign-in/email', body: Buffer.alloc(server.deps.config.bodyLimitBytes * 2, 'x'), chunked: false },
          { path: pushPath, body: Buffer.alloc(server.deps.config.syncBodyLimitBytes + 1024 * 1024, 'x'), chunked: true },
        ];
        for (const { path, body, chunked } of cases) {
          const big = await send(agent, 'POST', path, body, chunked);
          expect(big.status, path).toBe(413);
          expect(big.connection, path).toBe('close');
          expect(JSON.parse(big.text), path).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
          expect(await closed(big.socket), `${path}: socket closed with an error`).toBe(false);
          expect(big.errors, path).toEqual([]);
          const next = await send(agent, 'GET', '/healthz');
          expect(next.status, path).toBe(200);
          expect(next.reused, path).toBe(false);
          // A normal answer keeps its connection for the next request.
          expect((await send(agent, 'GET', '/healthz')).reused, path).toBe(true);
        }
      } finally {
        agent.destroy();
      }
    });
  });
});
