import { useId } from 'react';
import { LOCALES, isLocale } from '@coulisses/shared';
import { useI18n } from './useT';

/** The fr/en picker shown on the public pages and in the app header. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { locale, setLocale, t } = useI18n();
  const id = useId();
  return (
    <div className={['field-inline', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field-inline__label">
        {t('lang.label')}
      </label>
      <select
        id={id}
        data-testid="lang-switch"
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`lang.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
