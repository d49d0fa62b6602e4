import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import { beforeEach, describe, expect, it } from 'vitest';
import { scaledSize } from '../src/timeclock/photo-capture';
import { dismissRefusedPhoto, pendingPhotos, queuePhoto, refusedPhotos, uploadPendingPhotos, type FetchImpl } from '../src/timeclock/photo-queue';

/** A server stand-in answering each punch id with a fixed status, recording what it received. */
function server(statuses: Record<string, number | 'network'>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl: FetchImpl = async (url, init) => {
    calls.push({ url, init });
    const id = decodeURIComponent(url.split('/')[5] ?? '');
    const status = statuses[id] ?? 204;
    if (status === 'network') throw new TypeError('Failed to fetch');
    return new Response(status === 204 ? null : JSON.stringify({ error: { code: status === 422 ? 'PHOTO_MISMATCH' : 'FORBIDDEN' } }), { status });
  };
  return { calls, fetchImpl };
}

const photo = (eventId: string) => ({ eventId, blob: new Blob([new Uint8Array([0xff, 0xd8, eventId.length])], { type: 'image/jpeg' }), sha256: 'x'.repeat(64) });

describe('punch photo queue (IndexedDB cc-photos)', () => {
  beforeEach(async () => {
    for (const p of await pendingPhotos()) await uploadPendingPhotos(server({ [p.eventId]: 400 }).fetchImpl);
    for (const p of await refusedPhotos()) await dismissRefusedPhoto(p.eventId);
    expect(await pendingPhotos()).toEqual([]);
  });

  it('uploads each pending photo with PUT image/jpeg and the auth headers, and forgets it on 204', async () => {
    await queuePhoto(photo('e1'));
    await queuePhoto(photo('e2'));
    const { calls, fetchImpl } = server({});
    const res = await uploadPendingPhotos(fetchImpl, { Authorization: 'Kiosk abc' });
    expect(res.uploaded.sort()).toEqual(['e1', 'e2']);
    expect(calls.map((c) => c.url).sort()).toEqual(['/api/v1/timeclock/punches/e1/photo', '/api/v1/timeclock/punches/e2/photo']);
    expect(calls[0]!.init).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'image/jpeg', Authorization: 'Kiosk abc' } });
    expect(calls[0]!.init.body).toBeInstanceOf(Blob);
    expect(await pendingPhotos()).toEqual([]);
  });

  it('keeps a photo whose punch is not on the server yet (409), signed out, rate limited, failing server or network; drops other 4xx', async () => {
    for (const id of ['early', 'busy', 'down', 'offline', 'expired', 'mismatch', 'forbidden']) await queuePhoto(photo(id));
    const res = await uploadPendingPhotos(server({ early: 409, busy: 429, down: 503, offline: 'network', expired: 401, mismatch: 422, forbidden: 403 }).fetchImpl);
    expect(res.kept.sort()).toEqual(['busy', 'down', 'early', 'expired', 'offline']);
    expect(res.dropped.sort()).toEqual(['forbidden', 'mismatch']);
    // Refused for good: not sent again, kept aside with the server's code until the person dismisses them.
    const refused = await refusedPhotos();
    expect(refused.map((p) => [p.eventId, p.refused?.status, p.refused?.code]).sort()).toEqual([['forbidden', 403, 'FORBIDDEN'], ['mismatch', 422, 'PHOTO_MISMATCH']]);
    await dismissRefusedPhoto('mismatch');
    expect((await refusedPhotos()).map((p) => p.eventId)).toEqual(['forbidden']);
    expect((await pendingPhotos()).map((p) => p.eventId).sort()).toEqual(['busy', 'down', 'early', 'expired', 'offline']);
    // Later the punch has arrived: the retry uploads it.
    const again = await uploadPendingPhotos(server({}).fetchImpl);
    expect(again.uploaded.sort()).toEqual(['busy', 'down', 'early', 'expired', 'offline']);
    expect(await pendingPhotos()).toEqual([]);
  });

  it('a new photo of the same punch replaces the waiting one', async () => {
    await queuePhoto(photo('same'));
    await queuePhoto({ ...photo('same'), sha256: 'y'.repeat(64) });
    const pending = await pendingPhotos();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.sha256).toBe('y'.repeat(64));
  });
});

describe('punch photo capture helpers', () => {
  it('hashes photo bytes like the server (the shared SHA-256, as Node computes it)', () => {
    const bytes = new Uint8Array(64 * 1024).map((_, i) => i % 251);
    expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('scales a frame to at most 320 px wide, keeping the ratio, never up', () => {
    expect(scaledSize(1280, 720)).toEqual({ width: 320, height: 180 });
    expect(scaledSize(240, 320)).toEqual({ width: 240, height: 320 });
    expect(scaledSize(0, 0)).toEqual({ width: 0, height: 0 });
  });
});
