import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ICONS, IconCalendar, IconPlus, IconUpload } from '../../ui/icons';
import { Skeleton, SkeletonGroup } from '../../ui/Skeleton';
import { GallerySection } from './GallerySection';

export function EmptySection() {
  const t = useT();
  return (
    <GallerySection id="empty">
      <div className="design__stack">
        <EmptyState
          icon={IconCalendar}
          title={t('design.empty.title')}
          headingLevel={3}
          testId="design-empty-demo"
          action={
            <>
              <Button variant="primary" icon={IconPlus}>
                {t('design.empty.action')}
              </Button>
              <Button variant="ghost">{t('design.empty.secondary')}</Button>
            </>
          }
        >
          <p>{t('design.empty.text')}</p>
        </EmptyState>
        <EmptyState
          compact
          headingLevel={3}
          icon={IconUpload}
          title={t('design.empty.compactTitle')}
          action={
            <Button variant="secondary" size="sm" icon={IconUpload}>
              {t('design.buttons.add')}
            </Button>
          }
        >
          <p>{t('design.empty.compactText')}</p>
        </EmptyState>
      </div>
    </GallerySection>
  );
}

export function SkeletonSection() {
  const t = useT();
  return (
    <GallerySection id="skeletons">
      <SkeletonGroup label={t('design.skeletons.label')} className="design__skeletons" testId="design-skeleton-demo">
        {[0, 1, 2].map((i) => (
          <div key={i} className="design__skeleton-card">
            <Skeleton shape="circle" width="2.75rem" />
            <div className="design__skeleton-text">
              <Skeleton lines={2} />
            </div>
            <Skeleton shape="rect" width="5rem" height="1.75rem" />
          </div>
        ))}
      </SkeletonGroup>
    </GallerySection>
  );
}

export function IconsSection() {
  return (
    <GallerySection id="icons">
      <ul className="design__icons">
        {Object.entries(ICONS).map(([name, Icon]) => (
          <li key={name}>
            <Icon size={24} />
            <code>{name}</code>
          </li>
        ))}
      </ul>
    </GallerySection>
  );
}
