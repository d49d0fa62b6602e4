import { LOCALES, isLocale } from '@coulisses/shared';
import { useI18n } from '../../i18n/useT';
import { FormField } from '../../ui/FormField';
import { Select } from '../../ui/Input';
import { THEMES, isThemePreference, useTheme } from '../../ui/theme';
import { AccentPicker } from './AccentPicker';
import { ButtonsSection } from './ButtonsSection';
import { ChipsSection } from './ChipsSection';
import { ColoursSection } from './ColoursSection';
import { EmptySection, IconsSection, SkeletonSection } from './MiscSections';
import { ExportsDemoSection } from './ExportsDemoSection';
import { FormsSection } from './FormsSection';
import { GALLERY_SECTIONS } from './sections';
import { OverlaysSection } from './OverlaysSection';
import { TableSection } from './TableSection';
import { TabsSection } from './TabsSection';
import { ToastsSection } from './ToastsSection';
import { SpacingSection, TypeSection } from './TokenSections';
import './design.css';

/** /design: every token and component of the design system, in every variant and state (ADMIN, or dev builds). */
export default function DesignPage() {
  const { t, locale, setLocale } = useI18n();
  const [theme, setTheme] = useTheme();
  return (
    <div className="page design" data-testid="page-design">
      <header className="design__intro">
        <h1>{t('design.title')}</h1>
        <p className="lead">{t('design.lead')}</p>
        <div className="design__controls" role="group" aria-label={t('design.controls')}>
          <FormField label={t('design.theme')}>
            <Select value={theme} data-testid="design-theme" onChange={(event) => isThemePreference(event.target.value) && setTheme(event.target.value)}>
              {THEMES.map((name) => (
                <option key={name} value={name}>
                  {t(`appHeader.themes.${name}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('appHeader.language')}>
            <Select value={locale} data-testid="design-lang" onChange={(event) => isLocale(event.target.value) && setLocale(event.target.value)}>
              {LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {t(`lang.${code}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <AccentPicker />
        </div>
        <nav aria-label={t('design.toc')} className="design__toc">
          <ul>
            {GALLERY_SECTIONS.map((id) => (
              <li key={id}>
                <a href={`#design-${id}`}>{t(`design.sections.${id}`)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <ColoursSection />
      <TypeSection />
      <SpacingSection />
      <ButtonsSection />
      <ChipsSection />
      <FormsSection />
      <OverlaysSection />
      <ToastsSection />
      <TabsSection />
      <TableSection />
      <EmptySection />
      <SkeletonSection />
      <IconsSection />
      <ExportsDemoSection />
    </div>
  );
}
