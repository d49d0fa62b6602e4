import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { useCollectionQuery } from '../../../sync/useCollectionQuery';
import { CopyButton } from '../../../ui/CopyButton';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { enrolKiosk, enrolLink, listKiosks, revokeKiosk, type KioskInfo } from './kiosk-admin-api';

interface Venue {
  id: string;
  name: string;
  archived?: boolean;
}

/** Planners enrol a tablet as a kiosk for a venue (the link is shown once), see when kiosks last called in, revoke them. */
export function KiosksTab() {
  const { t, locale } = useI18n();
  const { docs: venueDocs } = useCollectionQuery<Venue>('reference', { selector: { kind: 'venue' } });
  const venues = venueDocs.filter((v) => !v.archived).sort((a, b) => a.name.localeCompare(b.name));
  const [kiosks, setKiosks] = useState<KioskInfo[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [venueId, setVenueId] = useState('');
  const [name, setName] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const linkRef = useRef<HTMLInputElement | null>(null);

  const load = useCallback(() => listKiosks().then(setKiosks, setError), []);
  useEffect(() => {
    void load();
  }, [load]);

  const venueName = (id: string) => venueDocs.find((v) => v.id === id)?.name ?? id;
  const { tz } = useOrgContext();
  const when = (iso: string | null) => (iso ? formatInZone(locale, iso, tz, 'short') : t('kiosk.admin.never'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!venueId) return;
    setBusy(true);
    setError(null);
    try {
      const res = await enrolKiosk(venueId, name.trim() || t('kiosk.admin.defaultName', { venue: venueName(venueId) }));
      setLink(enrolLink(res.token));
      setName('');
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (k: KioskInfo) => {
    if (!window.confirm(t('kiosk.admin.revokeConfirm', { name: k.name }))) return;
    try {
      await revokeKiosk(k.id);
      await load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="stack" data-testid="KiosksTab">
      <form className="card form" onSubmit={(e) => void submit(e)} data-testid="kiosk-enrol-form">
        <h2>{t('kiosk.admin.enrolTitle')}</h2>
        {venues.length === 0 && <p className="hint">{t('kiosk.admin.noVenue')}</p>}
        <div className="field">
          <label className="field__label" htmlFor="kiosk-venue">
            {t('kiosk.admin.venue')}
          </label>
          <select id="kiosk-venue" className="field__input" data-testid="kiosk-enrol-venue" value={venueId} onChange={(e) => setVenueId(e.target.value)} required>
            <option value="">{t('kiosk.admin.chooseVenue')}</option>
            {venues.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="kiosk-name">
            {t('kiosk.admin.name')}
          </label>
          <input id="kiosk-name" className="field__input" data-testid="kiosk-enrol-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="button button--primary" data-testid="kiosk-enrol-submit" disabled={busy || !venueId}>
          {t('kiosk.admin.enrol')}
        </button>
        {link && (
          <div className="stack" data-testid="kiosk-enrol-result">
            <p className="alert alert--success">{t('kiosk.admin.enrolLink')}</p>
            <div className="input-row">
              <input ref={linkRef} className="field__input" readOnly value={link} data-testid="kiosk-enrol-link" aria-label={t('kiosk.admin.enrolLink')} />
              <CopyButton text={link} inputRef={linkRef} testId="kiosk-enrol-copy" />
            </div>
          </div>
        )}
      </form>
      <ErrorMessage error={error} testId="kiosk-admin-error" />
      <section className="card">
        <h2>{t('kiosk.admin.listTitle')}</h2>
        {kiosks.length === 0 ? (
          <p className="muted">{t('kiosk.admin.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="kiosk-list">
              <thead>
                <tr>
                  <th>{t('kiosk.admin.colName')}</th>
                  <th>{t('kiosk.admin.colVenue')}</th>
                  <th>{t('kiosk.admin.colLastSeen')}</th>
                  <th>{t('kiosk.admin.colStatus')}</th>
                  <th>
                    <span className="visually-hidden">{t('plan.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {kiosks.map((k) => (
                  <tr key={k.id} data-testid="kiosk-row" data-kiosk-id={k.id}>
                    <td>{k.name}</td>
                    <td>{venueName(k.venueId)}</td>
                    <td>{when(k.lastSeenAt)}</td>
                    <td data-testid="kiosk-row-status">{k.revokedAt ? t('kiosk.admin.revokedAt', { date: when(k.revokedAt) }) : t('kiosk.admin.active')}</td>
                    <td>
                      {!k.revokedAt && (
                        <button type="button" className="button button--danger button--small" data-testid="kiosk-revoke" onClick={() => void revoke(k)}>
                          {t('kiosk.admin.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
