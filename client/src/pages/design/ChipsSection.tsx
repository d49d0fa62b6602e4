import { useT } from '../../i18n/useT';
import { Badge } from '../../ui/Badge';
import { Chip, StatusChip } from '../../ui/Chip';
import { IconCheck, IconWarning } from '../../ui/icons';
import { ASSIGNMENT_TONES, MISSION_TONES, TONES } from '../../ui/tones';
import { GallerySection, Specimen } from './GallerySection';

export function ChipsSection() {
  const t = useT();
  return (
    <GallerySection id="chips">
      <Specimen title={t('design.chips.tones')}>
        {TONES.map((tone) => (
          <Chip key={tone} tone={tone} data-testid={`design-chip-${tone}`}>
            {t(`design.tones.${tone}`)}
          </Chip>
        ))}
      </Specimen>
      <Specimen title={t('design.chips.variants')}>
        <div className="design__chip-grid">
          {TONES.map((tone) => (
            <div key={tone} className="design__row">
              <Chip tone={tone} dot>
                {t(`design.tones.${tone}`)}
              </Chip>
              <Chip tone={tone} variant="solid">
                {t(`design.tones.${tone}`)}
              </Chip>
              <Chip tone={tone} variant="outline">
                {t(`design.tones.${tone}`)}
              </Chip>
              <Chip tone={tone} size="sm" icon={tone === 'warning' || tone === 'danger' ? IconWarning : IconCheck}>
                {t(`design.tones.${tone}`)}
              </Chip>
            </div>
          ))}
        </div>
      </Specimen>
      <Specimen title={t('design.chips.assignment')}>
        {Object.keys(ASSIGNMENT_TONES).map((status) => (
          <StatusChip key={status} kind="assignment" status={status} data-testid={`design-status-assignment-${status}`} />
        ))}
      </Specimen>
      <Specimen title={t('design.chips.mission')}>
        {Object.keys(MISSION_TONES).map((status) => (
          <StatusChip key={status} kind="mission" status={status} data-testid={`design-status-mission-${status}`} />
        ))}
      </Specimen>
      <Specimen title={t('design.chips.badges')}>
        <Badge value={3} />
        <Badge value={12} tone="info" />
        <Badge value={1} tone="success" />
        <Badge value={7} tone="warning" />
        <Badge value={150} tone="danger" />
        <Badge value={5} tone="accent" />
      </Specimen>
    </GallerySection>
  );
}
