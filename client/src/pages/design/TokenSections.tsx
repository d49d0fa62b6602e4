import { useT } from '../../i18n/useT';
import { GallerySection, Specimen } from './GallerySection';

const TYPE_STEPS = ['3xl', '2xl', 'xl', 'lg', 'md', 'sm', 'xs'] as const;
const SPACES = [1, 2, 3, 4, 5, 6, 8, 10, 12] as const;
const RADII = ['sm', 'md', 'lg', 'xl', 'full'] as const;
const SHADOWS = [1, 2, 3] as const;

export function TypeSection() {
  const t = useT();
  return (
    <GallerySection id="type">
      <div className="design__type">
        {TYPE_STEPS.map((step) => (
          <div key={step} className="design__type-row">
            <code>--text-{step}</code>
            <span className="design__type-meta">{t(`design.type.${step}`)}</span>
            <span className="design__type-sample" style={{ fontSize: `var(--text-${step})` }}>
              {t('design.type.sample')}
            </span>
          </div>
        ))}
      </div>
    </GallerySection>
  );
}

export function SpacingSection() {
  const t = useT();
  return (
    <GallerySection id="spacing">
      <Specimen title={t('design.spacing.scale')} wrap={false}>
        <div className="design__spaces">
          {SPACES.map((n) => (
            <div key={n} className="design__space">
              <code>--space-{n}</code>
              <span className="design__space-bar" style={{ width: `var(--space-${n})` }} />
            </div>
          ))}
        </div>
      </Specimen>
      <Specimen title={t('design.spacing.radius')}>
        {RADII.map((r) => (
          <div key={r} className="design__radius" style={{ borderRadius: `var(--radius-${r})` }}>
            <code>--radius-{r}</code>
          </div>
        ))}
      </Specimen>
      <Specimen title={t('design.spacing.elevation')}>
        {SHADOWS.map((n) => (
          <div key={n} className="design__shadow" style={{ boxShadow: `var(--shadow-${n})` }}>
            <code>--shadow-{n}</code>
            <span>{t('design.spacing.level', { level: n })}</span>
          </div>
        ))}
      </Specimen>
    </GallerySection>
  );
}
