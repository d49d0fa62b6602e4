/**
 * Punch photos waiting for upload, in their own IndexedDB database ('cc-photos'): a photo is taken with the
 * punch (offline or not) and sent once the punch has reached the server. Plain indexedDB API (no RxDB: blobs,
 * never replicated).
 */
export interface PendingPhoto {
  eventId: string;
  blob: Blob;
  sha256: string;
  /** Set when the server refused the photo for good: kept on the device and shown until the person dismisses it. */
  refused?: { status: number; code: string; at: string };
}

const DB_NAME = 'cc-photos';
const STORE = 'pending';
/** How often pending photos are retried while the app is open. */
export const RETRY_MS = 30_000;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openPhotos(factory: IDBFactory = globalThis.indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'eventId' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openPhotos();
  try {
    const tx = db.transaction(STORE, mode);
    const result = await request(fn(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    return result;
  } finally {
    db.close();
  }
}

/** Keeps a punch's photo until it is uploaded (replaces an earlier one of the same punch). */
export async function queuePhoto(photo: PendingPhoto): Promise<void> {
  await withStore('readwrite', (s) => s.put(photo));
}

function allPhotos(): Promise<PendingPhoto[]> {
  return withStore('readonly', (s) => s.getAll() as IDBRequest<PendingPhoto[]>);
}

/** The photos still waiting to be sent. */
export async function pendingPhotos(): Promise<PendingPhoto[]> {
  return (await allPhotos()).filter((p) => !p.refused);
}

/** The photos the server refused for good, with its answer (never dropped without a word). */
export async function refusedPhotos(): Promise<PendingPhoto[]> {
  return (await allPhotos()).filter((p) => p.refused);
}

async function removePhoto(eventId: string): Promise<void> {
  await withStore('readwrite', (s) => s.delete(eventId));
}

/** The person has seen that a photo was refused: it is deleted from the device. */
export const dismissRefusedPhoto = removePhoto;

async function errorCodeOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : `HTTP_${res.status}`;
  } catch {
    return `HTTP_${res.status}`;
  }
}

export type FetchImpl = (input: string, init: RequestInit) => Promise<Response>;

export interface UploadResult {
  uploaded: string[];
  /** Kept for later: the punch is not on the server yet (409), rate limited, server or network error. */
  kept: string[];
  /** Refused for good (another 4xx): kept aside with the server's code, see refusedPhotos(). */
  dropped: string[];
}

/**
 * PUTs each pending photo to /api/v1/timeclock/punches/:id/photo: removed on 204 (or 200), kept on 409
 * PUNCH_NOT_SYNCED / 401 / 408 / 429 / 5xx / network failure (retried later), set aside as refused on any
 * other 4xx (it will never be accepted; the person sees it and dismisses it). Does nothing while the browser says it is offline.
 */
/** Answers after which a photo is kept for a later round: signed out, timeout, punch not synced yet, rate limited. */
const KEEP_ON = new Set([401, 408, 409, 429]);

export async function uploadPendingPhotos(fetchImpl: FetchImpl = (u, i) => fetch(u, i), authHeaders: Record<string, string> = {}): Promise<UploadResult> {
  const out: UploadResult = { uploaded: [], kept: [], dropped: [] };
  if (globalThis.navigator?.onLine === false) return out;
  for (const photo of await pendingPhotos()) {
    let res: Response;
    try {
      res = await fetchImpl(`/api/v1/timeclock/punches/${encodeURIComponent(photo.eventId)}/photo`, {
        method: 'PUT',
        headers: { 'Content-Type': 'image/jpeg', ...authHeaders },
        body: photo.blob,
        credentials: 'same-origin',
      });
    } catch {
      out.kept.push(photo.eventId);
      continue;
    }
    const status = res.status;
    if (status >= 200 && status < 300) {
      await removePhoto(photo.eventId);
      out.uploaded.push(photo.eventId);
    } else if (status >= 400 && status < 500 && !KEEP_ON.has(status)) {
      await queuePhoto({ ...photo, refused: { status, code: await errorCodeOf(res), at: new Date().toISOString() } });
      out.dropped.push(photo.eventId);
    } else out.kept.push(photo.eventId);
  }
  return out;
}

/**
 * Uploads pending photos now, every 30 s and whenever the browser comes back online. Returns a stop function.
 * `authHeaders` lets a kiosk add its `Authorization: Kiosk <token>` header.
 */
export function startPhotoUploader(options: { fetchImpl?: FetchImpl; authHeaders?: () => Record<string, string> } = {}): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await uploadPendingPhotos(options.fetchImpl, options.authHeaders?.() ?? {});
    } catch {
      // IndexedDB unavailable or the server down: the next round retries.
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), RETRY_MS);
  globalThis.addEventListener?.('online', run);
  void run();
  return () => {
    clearInterval(timer);
    globalThis.removeEventListener?.('online', run);
  };
}
