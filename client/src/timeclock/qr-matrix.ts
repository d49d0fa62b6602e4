import qrcode from 'qrcode-generator';

/** The modules of a QR code: size x size booleans (true = dark), without the quiet zone. */
export interface QrMatrix {
  size: number;
  dark: (row: number, col: number) => boolean;
}

/**
 * The QR code of `text` (byte mode, error correction M: a badge still scans when a corner is scratched or
 * creased), from qrcode-generator. Smallest version that fits; a kiosk code (18 ASCII characters) is 25 x 25.
 */
export function qrMatrix(text: string): QrMatrix {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  return { size: code.getModuleCount(), dark: (row, col) => code.isDark(row, col) };
}

/** Modules of light margin around the code, as the standard asks (ISO/IEC 18004: 4). */
export const QUIET_ZONE = 4;

/**
 * One SVG path of every dark module (unit squares, offset by the quiet zone), for a viewBox of
 * size + 2 * QUIET_ZONE: drawn as an element, never as a data: URL image (the CSP allows images from 'self').
 */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      // A horizontal run of dark modules is one rectangle: a shorter path, no hairlines between squares.
      let end = col + 1;
      while (end < matrix.size && matrix.dark(row, end)) end++;
      parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h${end - col}v1h${col - end}z`);
      col = end;
    }
  }
  return parts.join('');
}
