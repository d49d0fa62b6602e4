import { accentPalette, parseHex } from './color';

/** The custom properties an accent sets on <html>; ui/tokens.css reads them, the brand colour otherwise. */
export const ACCENT_PROPERTIES = {
  base: '--accent-base',
  hover: '--accent-hover-base',
  on: '--accent-on-base',
  fgLight: '--accent-fg-light-base',
  fgDark: '--accent-fg-dark-base',
} as const;

/** The settings keys an organisation's accent colour may be stored under (the first valid one wins). */
const ACCENT_KEYS = ['accentColor', 'accent', 'brandColor'] as const;

/** The organisation's accent colour from its settings: a #rgb or #rrggbb string, else null (the brand is used). */
export function accentFromSettings(settings: unknown): string | null {
  if (!settings || typeof settings !== 'object') return null;
  const record = settings as Record<string, unknown>;
  for (const key of ACCENT_KEYS) {
    const value = record[key];
    if (typeof value === 'string' && parseHex(value)) return value.trim().toLowerCase();
  }
  return null;
}

/** The property values for an accent colour; an empty object for null (remove them: the brand applies). */
export function accentProperties(hex: string | null): Partial<Record<string, string>> {
  if (!hex || !parseHex(hex)) return {};
  const palette = accentPalette(hex);
  return Object.fromEntries(Object.entries(ACCENT_PROPERTIES).map(([key, property]) => [property, palette[key as keyof typeof palette]]));
}

/** Sets (or, for null, removes) the accent on `root`. */
export function applyAccent(hex: string | null, root: HTMLElement = document.documentElement): void {
  const values = accentProperties(hex);
  for (const property of Object.values(ACCENT_PROPERTIES)) {
    const value = values[property];
    if (value) root.style.setProperty(property, value);
    else root.style.removeProperty(property);
  }
}

let orgAccent: string | null = null;
let previewAccent: string | null = null;

function render(): void {
  if (typeof document !== 'undefined') applyAccent(previewAccent ?? orgAccent);
}

/** The active organisation's accent (null: the brand). */
export function setOrgAccent(hex: string | null): void {
  orgAccent = hex;
  render();
}

/** A temporary accent over the organisation's (the gallery's picker); null goes back to the organisation's. */
export function setAccentPreview(hex: string | null): void {
  previewAccent = hex;
  render();
}
