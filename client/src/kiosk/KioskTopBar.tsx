import { LOCALES, type Locale } from '@coulisses/shared';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/useT';
import { IconFullscreen } from './kiosk-icons';

/** Up to two initials of the organisation, for its mark in the accent colour. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => [...w][0]!.toUpperCase())
    .join('');
}

/**
 * The kiosk's top bar: the organisation (its mark in its accent colour, its name) over the venue, what the caller
 * adds (clock, network, pending punches), languages, full screen.
 */
export function KioskTopBar({ title, orgName, children }: { title: string; orgName?: string | null; children?: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const fullscreen = () => {
    const el = document.documentElement;
    if (document.fullscreenElement) void document.exitFullscreen?.();
    else void el.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <header className="kiosk-bar">
      <div className="kiosk-brand">
        {orgName && (
          <span className="kiosk-brand__mark" aria-hidden="true">
            {initialsOf(orgName)}
          </span>
        )}
        <div className="kiosk-brand__text">
          {orgName && (
            <span className="kiosk-brand__org" data-testid="kiosk-org">
              {orgName}
            </span>
          )}
          <h1 data-testid="kiosk-title">{title}</h1>
        </div>
      </div>
      {children && <div className="kiosk-bar__status">{children}</div>}
      <div role="group" aria-label={t('lang.label')} className="kiosk-bar__langs">
        {LOCALES.map((code: Locale) => (
          <button
            key={code}
            type="button"
            lang={code}
            aria-pressed={locale === code}
            className={locale === code ? 'kiosk-btn kiosk-btn--bar kiosk-btn--on' : 'kiosk-btn kiosk-btn--bar'}
            data-testid={`kiosk-lang-${code}`}
            onClick={() => setLocale(code)}
          >
            {code.toUpperCase()}
          </button>
        ))}
      </div>
      <button type="button" className="kiosk-btn kiosk-btn--bar" data-testid="kiosk-fullscreen" aria-label={t('kiosk.fullscreen')} title={t('kiosk.fullscreen')} onClick={fullscreen}>
        <IconFullscreen />
      </button>
    </header>
  );
}
