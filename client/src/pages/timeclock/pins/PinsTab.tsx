import { pinProblem } from '@coulisses/shared/timeclock/pin-rules';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../../auth/useSession';
import { useI18n } from '../../../i18n/useT';
import { useCollectionQuery } from '../../../sync/useCollectionQuery';
import { accentFromSettings } from '../../../ui/accent';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { listPins, newQrCode, setPin, unlockPin, type PinInfo } from '../kiosks/kiosk-admin-api';
import { BadgeSheet, type Badge } from './BadgeSheet';

interface Person {
  id: string;
  firstName: string;
  lastName: string;
  active?: boolean;
}

const REFRESH_MS = 15_000;

/**
 * Planners: every person's kiosk PIN state (set, failures, locked), with set and unlock; QR badges printed for the
 * people chosen (each gets a new QR code: the server keeps only its hash, so a badge is printed when issued).
 */
export function PinsTab() {
  const { t } = useI18n();
  const { me } = useSession();
  const { settings } = useOrgContext();
  const { docs: people } = useCollectionQuery<Person>('users');
  const [pins, setPins] = useState<Map<string, PinInfo>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [badges, setBadges] = useState<Badge[] | null>(null);
  const [issuing, setIssuing] = useState(false);

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
    const rule = pinProblem(draft);
    if (rule) {
      setNotice(null);
      setError({ code: rule });
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

  /** New QR codes for `ids` (after a confirmation: their old badges stop working), then the badges to print. */
  const printBadges = async (ids: string[]) => {
    if (ids.length === 0 || issuing) return;
    if (!window.confirm(t('kiosk.pins.badgeConfirm', { count: ids.length }))) return;
    setIssuing(true);
    setError(null);
    setNotice(null);
    const out: Badge[] = [];
    try {
      for (const id of ids) {
        const p = people.find((x) => x.id === id);
        const { code } = await newQrCode(id);
        out.push({ userId: id, name: p ? `${p.firstName} ${p.lastName}` : id, code });
      }
      setBadges(out);
      setChosen(new Set());
    } catch (err) {
      setError(err);
      if (out.length) setBadges(out);
    } finally {
      setIssuing(false);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const q = query.trim().toLowerCase();
  const list = people
    .filter((p) => p.active !== false)
    .filter((p) => !q || `${p.firstName} ${p.lastName}`.toLowerCase().includes(q))
    .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`));

  return (
    <section className="card stack" data-testid="PinsTab">
      <h2>{t('kiosk.pins.title')}</h2>
      <p className="hint">{t('kiosk.pins.badgeIntro')}</p>
      <div className="input-row">
        <input className="field__input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('kiosk.pins.search')} aria-label={t('kiosk.pins.search')} data-testid="pins-search" />
        <Button variant="primary" data-testid="pins-badges" disabled={chosen.size === 0 || issuing} onClick={() => void printBadges([...chosen])}>
          {t('kiosk.pins.badges', { count: chosen.size })}
        </Button>
      </div>
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
                <th>
                  <input
                    type="checkbox"
                    aria-label={t('kiosk.pins.chooseAll')}
                    checked={list.length > 0 && list.every((p) => chosen.has(p.id))}
                    onChange={(e) => setChosen(e.target.checked ? new Set(list.map((p) => p.id)) : new Set())}
                    data-testid="pins-choose-all"
                  />
                </th>
                <th>{t('kiosk.pins.colPerson')}</th>
                <th>{t('kiosk.pins.colPin')}</th>
                <th>{t('kiosk.pins.colState')}</th>
                <th>
                  <span className="visually-hidden">{t('plan.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => {
                const pin = pins.get(p.id);
                const state = pin?.lockedAt ? 'locked' : 'ok';
                return (
                  <tr key={p.id} data-testid="pin-row" data-user-id={p.id} data-state={pin?.hasPin ? state : 'none'}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('kiosk.pins.choose', { name: `${p.firstName} ${p.lastName}` })}
                        checked={chosen.has(p.id)}
                        onChange={(e) => toggle(p.id, e.target.checked)}
                        data-testid="pin-choose"
                      />
                    </td>
                    <td data-label={t('kiosk.pins.colPerson')}>
                      {p.firstName} {p.lastName}
                    </td>
                    <td data-label={t('kiosk.pins.colPin')}>{pin?.hasPin ? t('kiosk.pins.hasPin') : t('kiosk.pins.noPin')}</td>
                    <td data-testid="pin-state" data-label={t('kiosk.pins.colState')}>
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
                          <Button type="submit" variant="primary" size="sm" data-testid="pin-save">
                            {t('kiosk.pins.save')}
                          </Button>
                          <Button variant="ghost" size="sm" onClick={() => setEditing(null)}>
                            {t('kiosk.pins.cancel')}
                          </Button>
                        </form>
                      ) : (
                        <div className="input-row">
                          <Button
                            type="button"
                            variant="secondary" size="sm"
                            data-testid="pin-set"
                            onClick={() => {
                              setEditing(p.id);
                              setDraft('');
                              setNotice(null);
                            }}
                          >
                            {t('kiosk.pins.set')}
                          </Button>
                          <Button variant="ghost" size="sm" data-testid="pin-badge" disabled={issuing} onClick={() => void printBadges([p.id])}>
                            {t('kiosk.pins.badge')}
                          </Button>
                          {pin?.lockedAt && (
                            <Button variant="secondary" size="sm" data-testid="pin-unlock" onClick={() => void unlock(p.id)}>
                              {t('kiosk.pins.unlock')}
                            </Button>
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
      {badges && <BadgeSheet badges={badges} orgName={me?.activeOrg?.name ?? ''} accent={accentFromSettings(settings)} onClose={() => setBadges(null)} />}
    </section>
  );
}
