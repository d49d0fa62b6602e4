import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AA_NON_TEXT, AA_TEXT, DARK_SURFACES, INK_DARK, INK_LIGHT, LIGHT_SURFACES, accentPalette, contrastRatio, ensureContrast, parseHex, textOn, toHex } from '../src/ui/color';
import { TONES } from '../src/ui/tones';

type Decls = Map<string, string>;

function declarations(block: string): Decls {
  const out: Decls = new Map();
  for (const m of block.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/g)) out.set(m[1]!, m[2]!.trim());
  return out;
}

/** The body of the first rule whose selector text is exactly `selector` (no nested braces inside). */
function ruleBody(css: string, selector: string, from = 0): string {
  const at = css.indexOf(`${selector} {`, from);
  if (at < 0) throw new Error(`no rule ${selector}`);
  const open = css.indexOf('{', at);
  const close = css.indexOf('}', open);
  return css.slice(open + 1, close);
}

const tokensCss = readFileSync(new URL('../src/ui/tokens.css', import.meta.url), 'utf8');
const css = tokensCss.replace(/\/\*[\s\S]*?\*\//g, '');
const base = declarations(ruleBody(css, ':root'));
const mediaAt = css.indexOf('@media (prefers-color-scheme: dark)');
const darkMedia = declarations(ruleBody(css, ":root:not([data-theme='light'])", mediaAt));
const darkForced = declarations(ruleBody(css, ":root[data-theme='dark']"));

const THEMES: Record<'light' | 'dark', Decls> = {
  light: base,
  dark: new Map([...base, ...darkForced]),
};

/** A token's value in a theme, var() references (with their fallbacks) resolved. */
function resolve(theme: Decls, name: string, depth = 0): string {
  if (depth > 10) throw new Error(`var() loop at ${name}`);
  const raw = theme.get(name);
  if (raw === undefined) throw new Error(`token ${name} is not defined`);
  return resolveValue(theme, raw, depth);
}

function resolveValue(theme: Decls, raw: string, depth: number): string {
  const m = /^var\((--[a-z0-9-]+)\s*(?:,\s*(.+))?\)$/.exec(raw);
  if (!m) return raw;
  if (theme.has(m[1]!)) return resolve(theme, m[1]!, depth + 1);
  if (m[2] === undefined) throw new Error(`${m[1]} is not defined and has no fallback`);
  return resolveValue(theme, m[2].trim(), depth + 1);
}

/** Text pairs (foreground token, background token) that must reach 4.5:1 in both themes. */
const SURFACES = ['--color-bg', '--color-surface', '--color-surface-raised', '--color-surface-sunken', '--color-surface-hover'];
const TEXT_PAIRS: [string, string][] = [
  ...SURFACES.flatMap((bg) => [
    ['--color-text', bg] as [string, string],
    ['--color-text-muted', bg] as [string, string],
    ['--color-link', bg] as [string, string],
  ]),
  ['--color-on-accent', '--color-accent'],
  ['--color-on-accent', '--color-accent-hover'],
  ['--color-header-text', '--color-header-bg'],
  ['--color-header-muted', '--color-header-bg'],
  ['--color-header-text', '--color-header-raised'],
  ['--color-header-muted', '--color-header-raised'],
  ['--color-highlight', '--color-header-bg'],
  ['--color-on-highlight', '--color-highlight'],
  ['--color-accent-fg', '--color-surface-selected'],
  // Muted labels on neutral fills (draft and cancelled badges of the planning screens).
  ['--color-text-muted', '--color-neutral-bg'],
  ['--color-text', '--color-warning-bg'],
  ['--color-text', '--color-neutral-bg'],
  // Every tone: soft chip (fg on bg), solid chip / badge (on-solid on solid), outline chip and tone text on surfaces.
  ...TONES.flatMap((tone) => [
    [`--color-${tone}-fg`, `--color-${tone}-bg`] as [string, string],
    [`--color-on-${tone}-solid`, `--color-${tone}-solid`] as [string, string],
    ...SURFACES.map((bg) => [`--color-${tone}-fg`, bg] as [string, string]),
  ]),
];

/** Parts of controls (WCAG 1.4.11): 3:1 against what surrounds them. */
const NON_TEXT_PAIRS: [string, string][] = [
  ['--color-border-strong', '--color-surface'],
  ['--color-border-strong', '--color-bg'],
  ['--color-focus', '--color-surface'],
  ['--color-focus', '--color-bg'],
  ['--color-header-focus', '--color-header-bg'],
];

describe('contrast helper', () => {
  it('computes the WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // Symmetric.
    expect(contrastRatio('#a8233a', '#f6f4f8')).toBeCloseTo(contrastRatio('#f6f4f8', '#a8233a'), 10);
  });

  it('parses #rgb and #rrggbb only', () => {
    expect(parseHex('#abc')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc });
    expect(parseHex(' #A8233A ')).toEqual({ r: 0xa8, g: 0x23, b: 0x3a });
    expect(parseHex('red')).toBeNull();
    expect(parseHex('#12345')).toBeNull();
    expect(toHex({ r: 255, g: 0, b: 16.4 })).toBe('#ff0010');
  });

  it('chooses the text colour by luminance', () => {
    expect(textOn('#f2c14e')).toBe(INK_DARK);
    expect(textOn('#ffffff')).toBe(INK_DARK);
    expect(textOn('#a8233a')).toBe(INK_LIGHT);
    expect(textOn('#16121f')).toBe(INK_LIGHT);
  });

  it('darkens or lightens a colour just enough to reach a ratio', () => {
    const fixed = ensureContrast('#f2c14e', '#ffffff');
    expect(contrastRatio(fixed, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(fixed, '#ffffff')).toBeLessThan(AA_TEXT + 0.3);
    const light = ensureContrast('#a8233a', '#1c1925');
    expect(contrastRatio(light, '#1c1925')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(ensureContrast('#1b1724', '#ffffff')).toBe('#1b1724');
  });

  it('keeps any organisation accent readable: ink on the fill and on its hover, accent text on every surface', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const samples = ['#a8233a', '#f2c14e', '#ffff00', '#00ff00', '#0000ff', '#777777', '#808080', '#ffffff', '#000000', '#2f6fde'];
    for (let i = 0; i < 300; i += 1) samples.push(toHex({ r: random() * 255, g: random() * 255, b: random() * 255 }));
    for (const hex of samples) {
      const p = accentPalette(hex);
      expect(contrastRatio(p.on, p.base), `${hex} ink on fill`).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(p.on, p.hover), `${hex} ink on hover`).toBeGreaterThanOrEqual(AA_TEXT);
      for (const surface of LIGHT_SURFACES) expect(contrastRatio(p.fgLight, surface), `${hex} on ${surface}`).toBeGreaterThanOrEqual(AA_TEXT);
      for (const surface of DARK_SURFACES) expect(contrastRatio(p.fgDark, surface), `${hex} on ${surface}`).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });
});

describe('design tokens (client/src/ui/tokens.css)', () => {
  it('define the same dark theme for prefers-color-scheme and for data-theme="dark"', () => {
    expect(darkMedia.size).toBeGreaterThan(30);
    expect([...darkMedia.entries()].sort()).toEqual([...darkForced.entries()].sort());
  });

  it('give the dark theme every colour token the light theme has', () => {
    const colourNames = [...base.keys()].filter((n) => /^--color-(bg|surface|text|border|focus|backdrop|skeleton|neutral|info|success|warning|danger|on-(neutral|info|success|warning|danger))/.test(n));
    expect(colourNames.filter((n) => !darkForced.has(n))).toEqual([]);
  });

  it('keep the dark theme and the organisation surfaces used by accentPalette in step', () => {
    expect(LIGHT_SURFACES).toEqual([resolve(THEMES.light, '--color-surface'), resolve(THEMES.light, '--color-bg')]);
    expect(DARK_SURFACES).toEqual([resolve(THEMES.dark, '--color-surface'), resolve(THEMES.dark, '--color-surface-raised')]);
  });

  for (const [theme, decls] of Object.entries(THEMES)) {
    describe(`${theme} theme`, () => {
      it.each(TEXT_PAIRS)('%s on %s reaches 4.5:1', (fg, bg) => {
        const ratio = contrastRatio(resolve(decls, fg), resolve(decls, bg));
        expect(ratio, `${fg} ${resolve(decls, fg)} on ${bg} ${resolve(decls, bg)}`).toBeGreaterThanOrEqual(AA_TEXT);
      });

      it.each(NON_TEXT_PAIRS)('%s against %s reaches 3:1', (fg, bg) => {
        expect(contrastRatio(resolve(decls, fg), resolve(decls, bg))).toBeGreaterThanOrEqual(AA_NON_TEXT);
      });
    });
  }
});
