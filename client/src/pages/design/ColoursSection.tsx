import { useT } from '../../i18n/useT';
import { Chip } from '../../ui/Chip';
import { AA_TEXT, contrastRatio, parseHex } from '../../ui/color';
import { TONES } from '../../ui/tones';
import { useTheme } from '../../ui/theme';
import { useMediaQuery } from '../../ui/useMediaQuery';
import { GallerySection, Specimen } from './GallerySection';

/** A token's current value on <html> (var() references resolved by the browser). */
function token(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function ratioOf(fg: string, bg: string): number | null {
  const a = token(fg);
  const b = token(bg);
  return parseHex(a) && parseHex(b) ? contrastRatio(a, b) : null;
}

/** A swatch: the background token, the text token on it, and their measured contrast. */
function Swatch({ label, bg, fg, className }: { label: string; bg: string; fg: string; className?: string }) {
  const t = useT();
  const ratio = ratioOf(fg, bg);
  const pass = ratio !== null && ratio >= AA_TEXT;
  return (
    <div className={['design__swatch', className].filter(Boolean).join(' ')} data-testid="design-swatch" data-ratio={ratio?.toFixed(2) ?? ''}>
      <div className="design__swatch-sample" style={{ background: `var(${bg})`, color: `var(${fg})` }}>
        <strong>{label}</strong>
        <span>{t('design.colours.sample')}</span>
      </div>
      <div className="design__swatch-meta">
        <code>{bg}</code>
        <code>{fg}</code>
        {ratio !== null && (
          <Chip size="sm" tone={pass ? 'success' : 'danger'}>
            {t('design.colours.contrast', { ratio: ratio.toFixed(2) })} {pass ? t('design.colours.pass') : t('design.colours.fail')}
          </Chip>
        )}
      </div>
    </div>
  );
}

export function ColoursSection() {
  const t = useT();
  // Re-render (and re-measure) when the theme changes, by choice or by the device.
  useTheme();
  useMediaQuery('(prefers-color-scheme: dark)');
  return (
    <GallerySection id="colours">
      <Specimen title={t('design.colours.surfaces')} wrap={false}>
        <div className="design__swatches">
          <Swatch label={t('design.colours.bg')} bg="--color-bg" fg="--color-text" />
          <Swatch label={t('design.colours.muted')} bg="--color-bg" fg="--color-text-muted" />
          <Swatch label={t('design.colours.surface')} bg="--color-surface" fg="--color-text" />
          <Swatch label={t('design.colours.muted')} bg="--color-surface" fg="--color-text-muted" />
          <Swatch label={t('design.colours.raised')} bg="--color-surface-raised" fg="--color-text-muted" />
          <Swatch label={t('design.colours.sunken')} bg="--color-surface-sunken" fg="--color-text-muted" />
          <Swatch label={t('design.colours.accentFill')} bg="--color-accent" fg="--color-on-accent" />
          <Swatch label={t('design.colours.accentFill')} bg="--color-surface" fg="--color-accent-fg" />
          <Swatch label={t('design.colours.header')} bg="--color-header-bg" fg="--color-header-text" />
          <Swatch label={t('design.colours.header')} bg="--color-header-bg" fg="--color-header-muted" />
        </div>
      </Specimen>
      <Specimen title={t('design.colours.tones')} wrap={false}>
        <div className="design__swatches">
          {TONES.map((tone) => (
            <div key={tone} className="design__tone">
              <Swatch label={t(`design.tones.${tone}`)} bg={`--color-${tone}-bg`} fg={`--color-${tone}-fg`} />
              <Swatch label={t(`design.tones.${tone}`)} bg={`--color-${tone}-solid`} fg={`--color-on-${tone}-solid`} />
              <Swatch label={t(`design.tones.${tone}`)} bg="--color-surface" fg={`--color-${tone}-fg`} />
            </div>
          ))}
        </div>
      </Specimen>
    </GallerySection>
  );
}
