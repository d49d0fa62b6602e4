/// <reference lib="webworker" />
import { decodeQrRgba } from './qr-decode';

/** A camera frame to read: its RGBA pixels (the buffer is transferred), and an id to match the answer. */
export interface QrFrame {
  id: number;
  width: number;
  height: number;
  pixels: ArrayBuffer;
}

export interface QrAnswer {
  id: number;
  text: string | null;
}

// Decoding takes tens of milliseconds a frame: here it never blocks the kiosk's screen.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<QrFrame>) => {
  const { id, width, height, pixels } = event.data;
  const answer: QrAnswer = { id, text: decodeQrRgba(new Uint8ClampedArray(pixels), width, height) };
  scope.postMessage(answer);
};
