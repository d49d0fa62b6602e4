import { useEffect, useRef, useState, type RefObject } from 'react';
import type { QrAnswer, QrFrame } from './qr.worker';

/** starting: asking for the camera; scanning: frames go to the decoder; unavailable: no camera, or refused. */
export type CameraState = 'starting' | 'scanning' | 'unavailable';

/** Milliseconds between two frames sent to the decoder (one at a time: a slow tablet just reads fewer). */
const FRAME_EVERY_MS = 120;
/** The longer side of a frame sent to the decoder: enough for a badge at arm's length, fast to read. */
const FRAME_MAX_SIDE = 800;
/** How long a frame's answer is waited for before the next frame is sent anyway. */
const ANSWER_TIMEOUT_MS = 2000;

function hasCamera(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/**
 * The front camera in `video`, its frames read for QR codes by the decoder worker (qr.worker.ts, @zxing/library,
 * served from the app's own origin: no CDN, no eval, no wasm). Each text found goes to `onText`; when it answers
 * true the scan stops (the person is identified), otherwise it goes on. Works where getUserMedia does, with or
 * without the browser's BarcodeDetector.
 */
export function useQrCamera(video: RefObject<HTMLVideoElement | null>, onText: (text: string) => boolean): CameraState {
  const [state, setState] = useState<CameraState>(() => (hasCamera() ? 'starting' : 'unavailable'));
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  });

  useEffect(() => {
    if (!hasCamera()) return undefined;
    let stopped = false;
    let stream: MediaStream | null = null;
    let worker: Worker | null = null;
    let timer: number | undefined;
    let seq = 0;
    let busy = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const next = () => {
      if (!stopped) timer = window.setTimeout(grab, FRAME_EVERY_MS);
    };
    let sentAt = 0;
    const grab = () => {
      const el = video.current;
      if (stopped || !worker || !context) return;
      // A frame whose answer never came (a worker hiccup) must not stop a kiosk that scans for hours.
      if (busy && Date.now() - sentAt > ANSWER_TIMEOUT_MS) busy = false;
      if (!el || busy || el.readyState < 2 || el.videoWidth === 0) return next();
      const scale = Math.min(1, FRAME_MAX_SIDE / Math.max(el.videoWidth, el.videoHeight));
      const width = Math.round(el.videoWidth * scale);
      const height = Math.round(el.videoHeight * scale);
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      context.drawImage(el, 0, 0, width, height);
      const pixels = context.getImageData(0, 0, width, height).data.buffer as ArrayBuffer;
      busy = true;
      sentAt = Date.now();
      const frame: QrFrame = { id: (seq += 1), width, height, pixels };
      worker.postMessage(frame, [pixels]);
      next();
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped) return;
        const el = video.current;
        if (!el) return;
        el.srcObject = s;
        await el.play().catch(() => undefined);
        worker = new Worker(new URL('./qr.worker.ts', import.meta.url), { type: 'module', name: 'qr' });
        worker.onmessage = (event: MessageEvent<QrAnswer>) => {
          busy = false;
          const text = event.data.text;
          if (text && !stopped && onTextRef.current(text)) {
            stopped = true;
            window.clearTimeout(timer);
          }
        };
        worker.onerror = () => setState('unavailable');
        setState('scanning');
        grab();
      })
      .catch(() => {
        if (!stopped) setState('unavailable');
      });

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      worker?.terminate();
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [video]);

  return state;
}
