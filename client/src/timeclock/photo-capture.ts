import { sha256Hex } from '@coulisses/shared/crypto/sha256';

/** The widest a punch photo is kept, in pixels (a small proof, not a portrait). */
export const PHOTO_MAX_WIDTH = 320;
const JPEG_QUALITY = 0.6;

/** The size a frame is drawn at: at most PHOTO_MAX_WIDTH wide, same ratio. */
export function scaledSize(width: number, height: number, maxWidth = PHOTO_MAX_WIDTH): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(1, maxWidth / width);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

function stop(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * Takes one photo with the front camera for a punch (only with the person's consent): one frame drawn on a
 * canvas at most 320 px wide, JPEG quality 0.6, the camera stopped at once. Null when the camera is refused,
 * missing or fails; the punch is recorded anyway.
 */
export async function capturePunchPhoto(facingMode: 'user' | 'environment' = 'user'): Promise<{ blob: Blob; sha256: string } | null> {
  const media = globalThis.navigator?.mediaDevices;
  if (!media?.getUserMedia || typeof document === 'undefined') return null;
  let stream: MediaStream | null = null;
  try {
    stream = await media.getUserMedia({ video: { facingMode, width: { ideal: 640 } }, audio: false });
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    if (video.videoWidth === 0) await new Promise<void>((resolve) => video.addEventListener('loadeddata', () => resolve(), { once: true }));
    const size = scaledSize(video.videoWidth, video.videoHeight);
    if (size.width === 0) return null;
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(video, 0, 0, size.width, size.height);
    stop(stream);
    stream = null;
    video.srcObject = null;
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (!blob) return null;
    return { blob, sha256: sha256Hex(new Uint8Array(await blob.arrayBuffer())) };
  } catch {
    return null;
  } finally {
    stop(stream);
  }
}
