import { useState } from 'react';
import { useI18n } from '../i18n/useT';
import type { Roster, RosterPerson } from './kiosk-store';

/** Today's people at the venue, as large tiles, with a search and the QR code way in. */
export function RosterView({ roster, onPick, onQr }: { roster: Roster | null; onPick: (p: RosterPerson) => void; onQr: () => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  if (!roster) return <p data-testid="kiosk-no-roster">{t('kiosk.noRoster')}</p>;
  const q = query.trim().toLowerCase();
  const people = [...roster.people]
    .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`))
    .filter((p) => !q || `${p.firstName} ${p.lastName}`.toLowerCase().includes(q));
  return (
    <section className="stack" data-testid="kiosk-roster">
      <div className="kiosk-bar">
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('kiosk.search')} aria-label={t('kiosk.search')} data-testid="kiosk-search" />
        <button type="button" data-testid="kiosk-scan-qr" onClick={onQr}>
          {t('kiosk.scanQr')}
        </button>
      </div>
      {roster.people.length === 0 && <p>{t('kiosk.nobody')}</p>}
      <div className="kiosk-tiles">
        {people.map((p) => (
          <button key={p.userId} type="button" data-testid="kiosk-tile" data-user-id={p.userId} onClick={() => onPick(p)}>
            {p.firstName} {p.lastName}
          </button>
        ))}
      </div>
    </section>
  );
}
