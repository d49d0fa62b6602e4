// The QR decoder of @zxing/library, imported module by module: the QR reader alone (about 25 kB gzipped) instead
// of every format of the package index (about 110 kB). docs/decisions/kiosk-qr.md.
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer';
import DecodeHintType from '@zxing/library/esm/core/DecodeHintType';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource';

/** Grey levels (0-255, one byte a pixel) of RGBA pixels, green-weighted like zxing's own conversion. */
export function luminanceOf(rgba: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) out[i] = (rgba[p]! + 2 * rgba[p + 1]! + rgba[p + 2]!) >> 2;
  return out;
}

const reader = new QRCodeReader();
const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);

/**
 * The text of the QR code in a grey image, or null when none is found (zxing throws for "not found" and for a
 * code it cannot read; both are null here: the camera sends the next frame).
 */
export function decodeQr(luminance: Uint8ClampedArray, width: number, height: number): string | null {
  try {
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
    return reader.decode(bitmap, hints).getText();
  } catch {
    return null;
  } finally {
    reader.reset();
  }
}

/** The same from RGBA pixels (a canvas's ImageData). */
export function decodeQrRgba(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  return decodeQr(luminanceOf(rgba, width, height), width, height);
}
