import { useState } from 'react';
import { useI18n } from '../i18n/useT';
import { IconSearch } from '../ui/icons';
import type { Roster, RosterPerson } from './kiosk-store';
import { IconQr } from './kiosk-icons';

function initials(p: RosterPerson): string {
  return `${[...p.firstName][0] ?? ''}${[...p.lastName][0] ?? ''}`.toUpperCase();
}

/** Today's people at the venue, as large tiles (the list scrolls, not the page), with a search and the QR way in. */
export function RosterView({ roster, onPick, onQr }: { roster: Roster | null; onPick: (p: RosterPerson) => void; onQr: () => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  if (!roster) {
    return (
      <section className="kiosk-screen kiosk-screen--message">
        <p className="kiosk-notice" data-testid="kiosk-no-roster">
          {t('kiosk.noRoster')}
        </p>
      </section>
    );
  }
  const q = query.trim().toLowerCase();
  const people = [...roster.people]
    .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`))
    .filter((p) => !q || `${p.firstName} ${p.lastName}`.toLowerCase().includes(q));
  return (
    <section className="kiosk-screen kiosk-screen--roster" data-testid="kiosk-roster">
      <header className="kiosk-head kiosk-roster__head">
        <h2>{t('kiosk.rosterTitle')}</h2>
        <label className="kiosk-search">
          <IconSearch />
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('kiosk.search')} aria-label={t('kiosk.search')} data-testid="kiosk-search" />
        </label>
        <button type="button" className="kiosk-btn kiosk-btn--primary kiosk-btn--qr" data-testid="kiosk-scan-qr" onClick={onQr}>
          <IconQr />
          <span>{t('kiosk.scanQr')}</span>
        </button>
      </header>
      <div className="kiosk-body kiosk-tiles">
        {roster.people.length === 0 && <p className="kiosk-notice">{t('kiosk.nobody')}</p>}
        {people.map((p) => (
          <button key={p.userId} type="button" className="kiosk-btn kiosk-tile" data-testid="kiosk-tile" data-user-id={p.userId} onClick={() => onPick(p)}>
            <span className="kiosk-avatar" aria-hidden="true">
              {initials(p)}
            </span>
            <span className="kiosk-tile__name">
              {p.firstName} {p.lastName}
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}
