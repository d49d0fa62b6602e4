/** Colour arithmetic for the design system: WCAG 2.x relative luminance and contrast, text colour by luminance. */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** The minimum contrast of body text (WCAG 2.x AA, 1.4.3). */
export const AA_TEXT = 4.5;
/** The minimum contrast of large text and of the parts of controls (WCAG 2.x AA, 1.4.3 and 1.4.11). */
export const AA_NON_TEXT = 3;

/** Dark and light text the app puts on a coloured fill. */
export const INK_DARK = '#1b1724';
export const INK_LIGHT = '#ffffff';

/** #rgb or #rrggbb (any case) to channels 0-255; null for anything else. */
export function parseHex(value: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m || !m[1]) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
}

export function toHex({ r, g, b }: Rgb): string {
  const part = (n: number) => Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(color: Rgb | string): number {
  const rgb = typeof color === 'string' ? parseHex(color) : color;
  if (!rgb) throw new Error(`not a hex colour: ${String(color)}`);
  return 0.2126 * channel(rgb.r) + 0.7152 * channel(rgb.g) + 0.0722 * channel(rgb.b);
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb | string, b: Rgb | string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The text colour (dark or light ink) with the higher contrast on `background`. */
export function textOn(background: string, dark = INK_DARK, light = INK_LIGHT): string {
  return contrastRatio(dark, background) >= contrastRatio(light, background) ? dark : light;
}

/** Mixes `a` toward `b` by `amount` (0 keeps a, 1 gives b). */
export function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return { r: a.r + (b.r - a.r) * amount, g: a.g + (b.g - a.g) * amount, b: a.b + (b.b - a.b) * amount };
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const WHITE: Rgb = { r: 255, g: 255, b: 255 };

/**
 * `color` moved toward black or white (whichever raises the contrast on `background`) just enough to reach
 * `min`; the colour itself when it already does.
 */
export function ensureContrast(color: string, background: string, min = AA_TEXT): string {
  const fg = parseHex(color);
  const bg = parseHex(background);
  if (!fg || !bg) throw new Error(`not a hex colour: ${color} / ${background}`);
  if (contrastRatio(fg, bg) >= min) return toHex(fg);
  const target = luminance(bg) > 0.18 ? BLACK : WHITE;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 24; i += 1) {
    const mid = (lo + hi) / 2;
    if (contrastRatio(mix(fg, target, mid), bg) >= min) hi = mid;
    else lo = mid;
  }
  // Rounding to 8-bit channels can cost a hundredth; step once more if it did.
  let out = mix(fg, target, hi);
  if (contrastRatio(parseHex(toHex(out)) ?? out, bg) < min) out = mix(fg, target, Math.min(1, hi + 0.02));
  return toHex(out);
}

/** The values an organisation accent colour sets (see ui/accent.ts and ui/tokens.css). */
export interface AccentPalette {
  /** The fill of primary buttons and active marks. */
  base: string;
  hover: string;
  /** Text on the fill: dark or light ink, by luminance. */
  on: string;
  /** The accent as text or icon on the light theme's surfaces (AA on white and on the page background). */
  fgLight: string;
  /** The same on the dark theme's surfaces. */
  fgDark: string;
}

/** Surfaces accent text must stay readable on: light theme (surface, bg) and dark theme (surface, raised). */
export const LIGHT_SURFACES = ['#ffffff', '#f6f4f8'] as const;
export const DARK_SURFACES = ['#1c1925', '#24202e'] as const;

function readableOnAll(color: string, surfaces: readonly string[]): string {
  return surfaces.reduce((fg, surface) => ensureContrast(fg, surface, AA_TEXT), color);
}

/** The palette of an accent colour: its hover shade, the ink on it, and its text variants per theme. */
export function accentPalette(hex: string): AccentPalette {
  const rgb = parseHex(hex);
  if (!rgb) throw new Error(`not a hex colour: ${hex}`);
  const given = toHex(rgb);
  const on = textOn(given);
  // A mid-tone no ink reaches 4.5:1 on: move the fill away from the ink until one does.
  const base = ensureContrast(given, on, AA_TEXT);
  const fill = parseHex(base) ?? rgb;
  // Hover moves away from the ink, so the text keeps (or gains) contrast.
  const hover = toHex(mix(fill, on === INK_LIGHT ? BLACK : WHITE, 0.16));
  return { base, hover, on, fgLight: readableOnAll(given, LIGHT_SURFACES), fgDark: readableOnAll(given, DARK_SURFACES) };
}
