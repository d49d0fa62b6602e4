import { describe, expect, it } from 'vitest';
import { decodeQr, decodeQrRgba, luminanceOf } from '../src/kiosk/qr-decode';
import { QUIET_ZONE, qrMatrix, qrPath, type QrMatrix } from '../src/timeclock/qr-matrix';

/** A grey frame (white) with the code drawn at (left, top), `scale` pixels a module, its quiet zone included. */
function frame(matrix: QrMatrix, opts: { width: number; height: number; left: number; top: number; scale: number; dark?: number; light?: number }): Uint8ClampedArray {
  const { width, height, left, top, scale, dark = 30, light = 225 } = opts;
  const out = new Uint8ClampedArray(width * height).fill(light);
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      if (!matrix.dark(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) out[(top + (row + QUIET_ZONE) * scale + y) * width + left + (col + QUIET_ZONE) * scale + x] = dark;
      }
    }
  }
  return out;
}

// The shape of a code the server issues: CC and 16 base64url characters.
const CODE = 'CCq3Zk_8-Lx0aPw2VbN1';

describe('kiosk QR codes: qrcode-generator draws, zxing reads', () => {
  it('a kiosk code is a 25 x 25 QR code (version 2, M)', () => {
    expect(qrMatrix(CODE).size).toBe(25);
  });

  it('reads back the code drawn alone', () => {
    const m = qrMatrix(CODE);
    const side = (m.size + 2 * QUIET_ZONE) * 4;
    expect(decodeQr(frame(m, { width: side, height: side, left: 0, top: 0, scale: 4 }), side, side)).toBe(CODE);
  });

  it('reads it in a 640 x 480 camera frame, off centre, with grey levels of a real picture', () => {
    const m = qrMatrix(CODE);
    expect(decodeQr(frame(m, { width: 640, height: 480, left: 211, top: 97, scale: 7, dark: 60, light: 190 }), 640, 480)).toBe(CODE);
  });

  it('reads RGBA pixels (a canvas)', () => {
    const m = qrMatrix(CODE);
    const grey = frame(m, { width: 320, height: 240, left: 40, top: 20, scale: 5 });
    const rgba = new Uint8ClampedArray(grey.length * 4);
    grey.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
    expect(luminanceOf(rgba, 320, 240)).toEqual(grey);
    expect(decodeQrRgba(rgba, 320, 240)).toBe(CODE);
  });

  it('answers null for a frame without a code, and for a code too damaged to read', () => {
    expect(decodeQr(new Uint8ClampedArray(320 * 240).fill(128), 320, 240)).toBeNull();
    const m = qrMatrix(CODE);
    const damaged: QrMatrix = { size: m.size, dark: (r, c) => (r > 8 && c > 8 ? (r + c) % 2 === 0 : m.dark(r, c)) };
    expect(decodeQr(frame(damaged, { width: 200, height: 200, left: 0, top: 0, scale: 6 }), 200, 200)).toBeNull();
  });

  it('the SVG path draws exactly the dark modules, each row as runs', () => {
    const m = qrMatrix(CODE);
    const cells = new Set<string>();
    for (const run of qrPath(m).matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let i = 0; i < Number(run[3]); i++) cells.add(`${Number(run[2]) - QUIET_ZONE}:${Number(run[1]) - QUIET_ZONE + i}`);
    }
    let dark = 0;
    for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (m.dark(r, c)) dark++;
    expect(cells.size).toBe(dark);
    for (const cell of cells) {
      const [r, c] = cell.split(':').map(Number);
      expect(m.dark(r!, c!)).toBe(true);
    }
  });
});
