import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/useT';
import { useCollectionQuery } from '../../../sync/useCollectionQuery';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { isPinValid, listPins, setPin, unlockPin, type PinInfo } from '../kiosks/kiosk-admin-api';

interface Person {
  id: string;
  firstName: string;
  lastName: string;
  active?: boolean;
}

const REFRESH_MS = 15_000;

/** Planners: every person's kiosk PIN state (set, failures, locked), with set and unlock. */
export function PinsTab() {
  const { t } = useI18n();
  const { docs: people } = useCollectionQuery<Person>('users');
  const [pins, setPins] = useState<Map<string, PinInfo>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');

  const load = useCallback(
    () =>
      listPins().then(
        (list) => setPins(new Map(list.map((p) => [p.userId, p]))),
        (err: unknown) => setError(err),
      ),
    [],
  );
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const save = async (userId: string) => {
    if (!isPinValid(draft)) {
      setNotice(t('kiosk.pins.invalidPin'));
      return;
    }
    try {
      setError(null);
      await setPin(userId, draft);
      setEditing(null);
      setDraft('');
      setNotice(t('kiosk.pins.saved'));
      await load();
    } catch (err) {
      setError(err);
    }
  };

  const unlock = async (userId: string) => {
    try {
      setError(null);
      await unlockPin(userId);
      setNotice(t('kiosk.pins.unlocked'));
      await load();
    } catch (err) {
      setError(err);
    }
  };

  const q = query.trim().toLowerCase();
  const list = people
    .filter((p) => p.active !== false)
    .filter((p) => !q || `${p.firstName} ${p.lastName}`.toLowerCase().includes(q))
    .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`));

  return (
    <section className="card stack" data-testid="PinsTab">
      <h2>{t('kiosk.pins.title')}</h2>
      <input className="field__input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('kiosk.pins.search')} aria-label={t('kiosk.pins.search')} data-testid="pins-search" />
      {notice && (
        <p className="alert alert--success" role="status" data-testid="pins-notice">
          {notice}
        </p>
      )}
      <ErrorMessage error={error} testId="pins-error" />
      {list.length === 0 ? (
        <p className="muted">{t('kiosk.pins.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('kiosk.pins.colPerson')}</th>
                <th>{t('kiosk.pins.colPin')}</th>
                <th>{t('kiosk.pins.colState')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((p) => {
                const pin = pins.get(p.id);
                const state = pin?.lockedAt ? 'locked' : 'ok';
                return (
                  <tr key={p.id} data-testid="pin-row" data-user-id={p.id} data-state={pin?.hasPin ? state : 'none'}>
                    <td>
                      {p.firstName} {p.lastName}
                    </td>
                    <td>{pin?.hasPin ? t('kiosk.pins.hasPin') : t('kiosk.pins.noPin')}</td>
                    <td data-testid="pin-state">
                      {pin?.hasPin ? (pin.lockedAt ? t('kiosk.pins.locked') : pin.failedCount > 0 ? t('kiosk.pins.failures', { count: pin.failedCount }) : t('kiosk.pins.ok')) : ''}
                    </td>
                    <td>
                      {editing === p.id ? (
                        <form
                          className="input-row"
                          onSubmit={(e) => {
                            e.preventDefault();
                            void save(p.id);
                          }}
                        >
                          <input
                            className="field__input"
                            inputMode="numeric"
                            autoComplete="off"
                            pattern="\d{4,8}"
                            maxLength={8}
                            value={draft}
                            onChange={(e) => setDraft(e.target.value.replace(/\D/g, ''))}
                            aria-label={t('kiosk.pins.newPin')}
                            placeholder={t('kiosk.pins.newPin')}
                            data-testid="pin-input"
                          />
                          <button type="submit" className="button button--primary button--small" data-testid="pin-save">
                            {t('kiosk.pins.save')}
                          </button>
                          <button type="button" className="button button--ghost button--small" onClick={() => setEditing(null)}>
                            {t('kiosk.pins.cancel')}
                          </button>
                        </form>
                      ) : (
                        <div className="input-row">
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            data-testid="pin-set"
                            onClick={() => {
                              setEditing(p.id);
                              setDraft('');
                              setNotice(null);
                            }}
                          >
                            {t('kiosk.pins.set')}
                          </button>
                          {pin?.lockedAt && (
                            <button type="button" className="button button--secondary button--small" data-testid="pin-unlock" onClick={() => void unlock(p.id)}>
                              {t('kiosk.pins.unlock')}
                            </button>
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
