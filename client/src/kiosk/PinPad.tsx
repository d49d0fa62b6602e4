import { useState } from 'react';
import { useI18n } from '../i18n/useT';
import type { RosterPerson } from './kiosk-store';

/** The PIN pad of one person: digits, clear, OK; the message says what went wrong (wrong, locked, none). */
export function PinPad({ person, locked, onSubmit, onBack }: { person: RosterPerson; locked: boolean; onSubmit: (pin: string) => Promise<string | null>; onBack: () => void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(locked ? t('kiosk.pinLocked') : person.pin ? null : t('kiosk.noPin'));
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy || pin.length < 4) return;
    setBusy(true);
    const out = await onSubmit(pin);
    setPin('');
    setBusy(false);
    setMessage(out);
  };
  const press = (d: string) => setPin((p) => (p.length < 8 ? p + d : p));
  return (
    <section className="kiosk-center" data-testid="kiosk-pin">
      <h2>{t('kiosk.pinFor', { name: `${person.firstName} ${person.lastName}` })}</h2>
      <div className="kiosk-dots" data-testid="kiosk-pin-dots" aria-live="polite">
        {'\u25CF'.repeat(pin.length)}
      </div>
      {message && (
        <p className="kiosk-alert" role="alert" data-testid="kiosk-pin-message">
          {message}
        </p>
      )}
      <div className="kiosk-pad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" data-testid={`kiosk-key-${d}`} onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button type="button" data-testid="kiosk-key-clear" onClick={() => setPin('')}>
          {t('kiosk.pinClear')}
        </button>
        <button type="button" data-testid="kiosk-key-0" onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="kiosk-primary" data-testid="kiosk-pin-ok" disabled={busy} onClick={() => void submit()}>
          {t('kiosk.pinOk')}
        </button>
      </div>
      <button type="button" data-testid="kiosk-back" onClick={onBack}>
        {t('kiosk.back')}
      </button>
    </section>
  );
}
