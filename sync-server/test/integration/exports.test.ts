import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { uuidv7 } from '@coulisses/shared';
import { buildCsv, insertPngChunks, pngMetaChunks, type ExportMeta } from '@coulisses/shared/analytics/export-files';
import { contentHash, exportStatement, findSeal, fromBase64Url, sealValue, toBase64Url, writeSeal } from '@coulisses/shared/analytics/export-seal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningPem, keyIdOf, loadSigningKey } from '../../src/analytics/exports/keys';
import { availableBackends } from '../helpers/backends';
import { signedIn, TestClient } from '../helpers/client';
import { startTestServer, type TestServer } from '../helpers/server';

const backends = await availableBackends();

type Err = { error: { code: string; message: string } };
type Signature = { id: string; signature: string; keyId: string; signedAt: string; exportedAt: string; seal: string; statement: string };
type Verdict = { result: string; reason: string; message: string; format: string | null; sha256: string | null; export: Record<string, unknown> | null };
type Me = { account: { id: string; name: string }; activeOrg: { id: string; name: string } };

const PNG_1X1 = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function refused(res: Response, status: number, code: string): Promise<void> {
  const body = await json<Err>(res, status);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

/** Signed exports (issue 13 item 6) on the real server: register, sign, verify genuine / altered / wrong key / unknown. */
describe.each(backends)('signed exports on %s', (backend) => {
  let server: TestServer;
  let manager: TestClient;
  let tech: TestClient;
  let regie: TestClient;
  let anon: TestClient;
  let me: Me;

  beforeAll(async () => {
    server = await startTestServer(backend);
    manager = await signedIn(server.url, 'manager@coulisses.demo');
    tech = await signedIn(server.url, 'tech@coulisses.demo');
    regie = await signedIn(server.url, 'regie@nuits-blanches.demo');
    anon = new TestClient(server.url, 'en');
    me = (await (await manager.get('/api/v1/me')).json()) as Me;
  });
  afterAll(async () => server?.close());

  const meta = (exportId: string, exportedAt = new Date().toISOString()): ExportMeta => ({
    exportId, viewId: 'analytics.dashboard', title: 'Tableau de direction', exportedAt, timezone: 'Europe/Paris',
    orgId: me.activeOrg.id, orgName: me.activeOrg.name, projectName: null, exportedBy: me.account.name, accountId: me.account.id,
    filters: [{ label: 'P\u00e9riode', value: 'mars 2026' }],
  });
  const csvFile = (m: ExportMeta) => new TextEncoder().encode(buildCsv(m, [{ title: 'Indicateurs', columns: ['Indicateur', 'Valeur'], rows: [['Heures pr\u00e9vues', 12.5]] }], 'fr'));
  const register = (client: TestClient, m: ExportMeta, file: Uint8Array, format = 'csv', extra: Record<string, unknown> = {}) =>
    client.post('/api/v1/analytics/exports', { id: m.exportId, format, viewId: m.viewId, fileName: `tableau.${format}`, sha256: contentHash(file), filters: { from: '2026-03-01', to: '2026-03-31', projectId: null }, projectId: null, exportedAt: m.exportedAt, createdOffline: false, ...extra });
  const verifyBytes = async (file: Uint8Array): Promise<Verdict> => {
    const res = await fetch(`${server.url}/api/v1/analytics/exports/verify`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'accept-language': 'en' }, body: file });
    return json<Verdict>(res, 200);
  };
  /** A signed CSV of the manager: registered, its seal filled with the server's answer. */
  async function signedCsv(): Promise<{ file: Uint8Array; sig: Signature; m: ExportMeta }> {
    const m = meta(uuidv7());
    const unsigned = csvFile(m);
    const sig = await json<Signature>(await register(manager, m, unsigned), 201);
    return { file: writeSeal(unsigned, sig.seal), sig, m };
  }

  it('two server instances that create the first key at once settle on one key', async () => {
    const { sql } = server.deps.db;
    const [a, b] = await Promise.all([loadSigningKey(sql, undefined), loadSigningKey(sql, undefined)]);
    expect(a.id).toBe(b.id);
    expect((await loadSigningKey(sql, undefined)).id).toBe(a.id);
  });

  it('refuses: no session 401, TECH 403, bad body 400, a time far off 400, nothing to verify 400', async () => {
    const m = meta(uuidv7());
    const file = csvFile(m);
    await refused(await register(anon, m, file), 401, 'UNAUTHENTICATED');
    await refused(await register(tech, m, file), 403, 'FORBIDDEN');
    await refused(await register(manager, m, file, 'csv', { sha256: 'not-a-hash' }), 400, 'VALIDATION_FAILED');
    await refused(await register(manager, m, file, 'docx'), 400, 'VALIDATION_FAILED');
    await refused(await register(manager, m, file, 'csv', { id: 'x'.repeat(36) }), 400, 'VALIDATION_FAILED');
    await refused(await register(manager, m, file, 'csv', { exportedAt: new Date(Date.now() + 3_600_000).toISOString() }), 400, 'VALIDATION_FAILED');
    await refused(await register(manager, m, file, 'csv', { extra: 1 }), 400, 'VALIDATION_FAILED');
    await refused(await manager.request('POST', '/api/v1/analytics/exports', 'x', { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await refused(await anon.request('POST', '/api/v1/analytics/exports/verify', '', { 'content-type': 'application/octet-stream' }), 400, 'EXPORT_NO_FILE');
    await refused(await tech.get(`/api/v1/analytics/exports/${m.exportId}`), 403, 'FORBIDDEN');
    const noFile = new FormData();
    noFile.set('other', 'x');
    await refused(await fetch(`${server.url}/api/v1/analytics/exports/verify`, { method: 'POST', body: noFile }), 400, 'EXPORT_NO_FILE');
    await refused(await fetch(`${server.url}/api/v1/analytics/exports/verify`, { method: 'POST', body: new Uint8Array(11 * 1024 * 1024) }), 413, 'PAYLOAD_TOO_LARGE');
    // Random bytes, a truncated seal, a seal of the wrong length: verdicts, never a 500.
    const noise = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919 + 13) & 0xff);
    expect((await verifyBytes(noise)).result).toBe('UNKNOWN');
    expect((await verifyBytes(new TextEncoder().encode(`CCEXPORT1:${m.exportId}\nCCSEAL1:UNSIGNED---`))).result).toBe('UNKNOWN');
  });

  it('genuine: the signed CSV verifies, with who, when, organisation and filters; raw body and multipart', async () => {
    const { file, sig, m } = await signedCsv();
    expect(sig.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(sig.seal).toHaveLength(128);
    expect(sig.exportedAt).toBe(m.exportedAt);
    const v = await verifyBytes(file);
    expect(v).toMatchObject({ result: 'GENUINE', reason: 'SIGNATURE_VALID', format: 'csv', sha256: contentHash(file) });
    expect(v.message).toMatch(/^Genuine/);
    expect(v.export).toMatchObject({
      id: m.exportId, format: 'csv', viewId: 'analytics.dashboard', orgId: me.activeOrg.id, orgName: 'Compagnie du Grand Plateau', orgTimezone: 'Europe/Paris',
      exportedBy: { accountId: me.account.id, name: 'Marc Lefebvre' }, exportedAt: m.exportedAt, filters: { from: '2026-03-01', to: '2026-03-31', projectId: null },
    });
    expect(v.export).not.toHaveProperty('signature');
    const form = new FormData();
    form.set('file', new Blob([file]), 'tableau.csv');
    const multi = await json<Verdict>(await fetch(`${server.url}/api/v1/analytics/exports/verify`, { method: 'POST', body: form }), 200);
    expect(multi.result).toBe('GENUINE');
    expect(multi.message).toMatch(/^Authentique/);
  });

  it('altered by one byte: ALTERED (hash); a changed signature character: ALTERED (signature)', async () => {
    const { file } = await signedCsv();
    const text = Buffer.from(file).toString('utf8');
    const at = Buffer.byteLength(text.slice(0, text.indexOf('12,5')));
    const altered = file.slice();
    altered[at] = '9'.charCodeAt(0);
    expect(await verifyBytes(altered)).toMatchObject({ result: 'ALTERED', reason: 'HASH_MISMATCH' });
    const seal = findSeal(file)!;
    const badSig = file.slice();
    badSig[seal.offset + 5] = file[seal.offset + 5] === 0x41 ? 0x42 : 0x41;
    expect(await verifyBytes(badSig)).toMatchObject({ result: 'ALTERED', reason: 'SIGNATURE_INVALID' });
  });

  it('wrong key: a file sealed with another Ed25519 key is ALTERED, and unknown ids are UNKNOWN', async () => {
    const { file, sig, m } = await signedCsv();
    const other = generateSigningPem();
    const otherKey = createPrivateKey(other.privatePem);
    const forged = toBase64Url(sign(null, Buffer.from(sig.statement, 'utf8'), otherKey));
    expect(forged).not.toBe(sig.signature);
    // The forger claims the server's key id, or names its own key: neither verifies.
    expect(await verifyBytes(writeSeal(file, sealValue(forged, sig.keyId)))).toMatchObject({ result: 'ALTERED', reason: 'SIGNATURE_INVALID' });
    expect(await verifyBytes(writeSeal(file, sealValue(forged, keyIdOf(createPublicKey(otherKey)))))).toMatchObject({ result: 'ALTERED', reason: 'SIGNATURE_INVALID' });
    // A whole file made and sealed elsewhere with an id the register does not know.
    const stranger = meta(uuidv7());
    const strangerFile = csvFile(stranger);
    const statement = exportStatement({ exportId: stranger.exportId, sha256: contentHash(strangerFile)!, orgId: m.orgId, accountId: m.accountId, exportedAt: stranger.exportedAt });
    const sealed = writeSeal(strangerFile, sealValue(toBase64Url(sign(null, Buffer.from(statement), otherKey)), 'otherkey'));
    expect(await verifyBytes(sealed)).toMatchObject({ result: 'UNKNOWN', reason: 'NOT_REGISTERED', export: null });
    expect(await verifyBytes(new TextEncoder().encode('a;b\r\n1;2\r\n'))).toMatchObject({ result: 'UNKNOWN', reason: 'NO_SEAL', sha256: null });
  });

  it('anyone verifies a signature with the public key (what openssl does)', async () => {
    const { sig } = await signedCsv();
    const res = await anon.get('/api/v1/analytics/exports/public-key');
    expect(res.status).toBe(200);
    const pem = await res.text();
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const pub = createPublicKey(pem);
    expect(keyIdOf(pub)).toBe(sig.keyId);
    expect(verify(null, Buffer.from(sig.statement), pub, fromBase64Url(sig.signature))).toBe(true);
    expect(sig.statement.split('\n')).toEqual(['coulisses-export-v1', sig.id, expect.stringMatching(/^[0-9a-f]{64}$/), me.activeOrg.id, me.account.id, sig.exportedAt]);
    expect((await anon.get(`/api/v1/analytics/exports/public-key?keyId=${sig.keyId}`)).status).toBe(200);
    await refused(await anon.get('/api/v1/analytics/exports/public-key?keyId=nope'), 404, 'NOT_FOUND');
  });

  it('unsigned: a file made offline and registered later verifies as UNSIGNED until the signed copy replaces it', async () => {
    const m = meta(uuidv7(), new Date(Date.now() - 3 * 86_400_000).toISOString());
    const unsigned = csvFile(m);
    expect(await verifyBytes(unsigned)).toMatchObject({ result: 'UNKNOWN', reason: 'NOT_REGISTERED' });
    const sig = await json<Signature>(await register(manager, m, unsigned, 'csv', { createdOffline: true }), 201);
    expect(await verifyBytes(unsigned)).toMatchObject({ result: 'UNSIGNED', reason: 'NOT_SIGNED_IN_FILE' });
    const signed = writeSeal(unsigned, sig.seal);
    const v = await verifyBytes(signed);
    expect(v).toMatchObject({ result: 'GENUINE', export: { createdOffline: true, exportedAt: m.exportedAt } });
  });

  it('PNG: genuine after signing in place, altered by one byte', async () => {
    const m = meta(uuidv7());
    const png = insertPngChunks(PNG_1X1, pngMetaChunks(m, 'fr'));
    const sig = await json<Signature>(await register(manager, m, png, 'png'), 201);
    const signed = writeSeal(png, sig.seal);
    expect(await verifyBytes(signed)).toMatchObject({ result: 'GENUINE', format: 'png' });
    const altered = signed.slice();
    altered[30] = altered[30]! ^ 0x01;
    expect(await verifyBytes(altered)).toMatchObject({ result: 'ALTERED' });
    // Registered as a PNG, sent as the CSV of the same id: ALTERED, not GENUINE.
    expect(await verifyBytes(writeSeal(csvFile(m), sig.seal))).toMatchObject({ result: 'ALTERED', reason: 'HASH_MISMATCH' });
  });

  it('idempotent on the id; another hash, account or organisation with the same id: 409; GET is org-scoped', async () => {
    const m = meta(uuidv7());
    const file = csvFile(m);
    const first = await json<Signature>(await register(manager, m, file), 201);
    const again = await json<Signature>(await register(manager, m, file), 200);
    expect(again).toEqual(first);
    const other = csvFile({ ...m, title: 'Autre' });
    await refused(await register(manager, m, other), 409, 'EXPORT_CONFLICT');
    await refused(await register(regie, m, file), 409, 'EXPORT_CONFLICT');
    const entry = await json<Record<string, unknown>>(await manager.get(`/api/v1/analytics/exports/${m.exportId}`), 200);
    expect(entry).toMatchObject({ id: m.exportId, signature: first.signature, seal: first.seal, exportedBy: { name: 'Marc Lefebvre' } });
    await refused(await regie.get(`/api/v1/analytics/exports/${m.exportId}`), 404, 'NOT_FOUND');
    await refused(await manager.get(`/api/v1/analytics/exports/${uuidv7()}`), 404, 'NOT_FOUND');
    await refused(await manager.get(`/api/v1/analytics/exports/${'x'.repeat(41)}`), 404, 'NOT_FOUND');
  });
});

describe('EXPORT_SIGNING_KEY', () => {
  let server: TestServer;
  afterAll(async () => server?.close());

  it('signs with the key of the environment; its public key is served', async () => {
    const pem = generateSigningPem();
    server = await startTestServer('pglite', { exportSigningKey: pem.privatePem.replace(/\n/g, '\\n') });
    const res = await new TestClient(server.url).get('/api/v1/analytics/exports/public-key');
    expect(await res.text()).toBe(pem.publicPem);
  });
});
