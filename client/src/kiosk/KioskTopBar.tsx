import { LOCALES, type Locale } from '@coulisses/shared';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/useT';

/** The kiosk's top bar: its title, what the caller adds (clock, network, pending punches), languages, full screen. */
export function KioskTopBar({ title, children }: { title: string; children?: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const fullscreen = () => {
    const el = document.documentElement;
    if (document.fullscreenElement) void document.exitFullscreen?.();
    else void el.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <header className="kiosk-bar">
      <h1 data-testid="kiosk-title">{title}</h1>
      {children}
      <div role="group" aria-label={t('lang.label')} className="kiosk-bar">
        {LOCALES.map((code: Locale) => (
          <button key={code} type="button" lang={code} aria-pressed={locale === code} className={locale === code ? 'kiosk-primary' : undefined} data-testid={`kiosk-lang-${code}`} onClick={() => setLocale(code)}>
            {code.toUpperCase()}
          </button>
        ))}
      </div>
      <button type="button" data-testid="kiosk-fullscreen" onClick={fullscreen}>
        {t('kiosk.fullscreen')}
      </button>
    </header>
  );
}
