import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import type { GallerySectionId } from './sections';

/** One section of the gallery: a titled card with an anchor (#design-<id>). */
export function GallerySection({ id, children }: { id: GallerySectionId; children: ReactNode }) {
  const t = useT();
  return (
    <section className="design__section" id={`design-${id}`} aria-labelledby={`design-${id}-title`} data-testid={`design-${id}`}>
      <h2 id={`design-${id}-title`}>{t(`design.sections.${id}`)}</h2>
      {children}
    </section>
  );
}

/** A labelled row of examples inside a section. */
export function Specimen({ title, children, wrap = true }: { title: string; children: ReactNode; wrap?: boolean }) {
  return (
    <div className="design__specimen">
      <h3 className="design__specimen-title">{title}</h3>
      <div className={wrap ? 'design__row' : undefined}>{children}</div>
    </div>
  );
}
