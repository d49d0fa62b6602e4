import type { SectionId } from '@coulisses/shared';
import { useT } from '../../i18n/useT';

/** Placeholder for a section still to be built: its title and a short "coming soon". */
export function SectionPage({ sectionId }: { sectionId: SectionId }) {
  const t = useT();
  return (
    <section className="page" aria-labelledby={`title-${sectionId}`}>
      <h1 id={`title-${sectionId}`} data-testid={`page-${sectionId}`}>
        {t(`nav.${sectionId}`)}
      </h1>
      <p className="lead">{t(`sections.${sectionId}`)}</p>
    </section>
  );
}
