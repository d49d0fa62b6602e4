import { useT } from '../../i18n/useT';
import { Button, type ButtonVariant } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { IconChevronDown, IconEdit, IconMoreVertical, IconPlus, IconTrash } from '../../ui/icons';
import { GallerySection, Specimen } from './GallerySection';

const VARIANTS: ButtonVariant[] = ['primary', 'secondary', 'ghost', 'danger'];

export function ButtonsSection() {
  const t = useT();
  return (
    <GallerySection id="buttons">
      <Specimen title={t('design.buttons.variants')}>
        {VARIANTS.map((variant) => (
          <Button key={variant} variant={variant} data-testid={`design-button-${variant}`}>
            {t(`design.buttons.${variant}`)}
          </Button>
        ))}
      </Specimen>
      <Specimen title={t('design.buttons.sizes')}>
        <Button variant="primary" size="sm">
          {t('design.buttons.small')}
        </Button>
        <Button variant="primary" size="md">
          {t('design.buttons.medium')}
        </Button>
        <Button variant="primary" size="lg">
          {t('design.buttons.large')}
        </Button>
        <Button variant="secondary" icon={IconPlus}>
          {t('design.buttons.withIcon')}
        </Button>
        <Button variant="ghost" iconEnd={IconChevronDown}>
          {t('design.menus.view')}
        </Button>
      </Specimen>
      <Specimen title={t('design.buttons.states')}>
        {VARIANTS.map((variant) => (
          <Button key={variant} variant={variant} loading>
            {t('design.buttons.loading')}
          </Button>
        ))}
        {VARIANTS.map((variant) => (
          <Button key={`${variant}-disabled`} variant={variant} disabled>
            {t('design.buttons.disabled')}
          </Button>
        ))}
      </Specimen>
      <Specimen title={t('design.buttons.iconButtons')}>
        <IconButton icon={IconEdit} label={t('design.buttons.edit')} />
        <IconButton icon={IconTrash} label={t('design.buttons.delete')} variant="danger" />
        <IconButton icon={IconMoreVertical} label={t('design.buttons.more')} variant="secondary" />
        <IconButton icon={IconPlus} label={t('design.buttons.add')} variant="primary" />
        <IconButton icon={IconEdit} label={t('design.buttons.edit')} size="sm" />
        <IconButton icon={IconPlus} label={t('design.buttons.add')} variant="primary" size="lg" />
        <IconButton icon={IconTrash} label={t('design.buttons.delete')} disabled />
      </Specimen>
      <div className="design__on-dark">
        <Button variant="secondary" onDark>
          {t('design.buttons.secondary')}
        </Button>
        <Button variant="ghost" onDark>
          {t('design.buttons.ghost')}
        </Button>
        <IconButton icon={IconMoreVertical} label={t('design.buttons.more')} onDark />
      </div>
    </GallerySection>
  );
}
