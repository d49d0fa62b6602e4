import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '@coulisses/shared/timeclock/pin-rules';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/useT';
import { IconCheck } from '../ui/icons';
import { BackButton } from './BackButton';
import type { RosterPerson } from './kiosk-store';
import { IconBackspace } from './kiosk-icons';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The PIN pad of one person: digits, erase, OK (icons with short labels, sized by the space there is); a
 * keyboard works too (digits, Backspace, Enter). The message says what went wrong (wrong, locked, none).
 */
export function PinPad({ person, locked, onSubmit, onBack }: { person: RosterPerson; locked: boolean; onSubmit: (pin: string) => Promise<string | null>; onBack: () => void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(locked ? t('kiosk.pinLocked') : person.pin ? null : t('kiosk.noPin'));
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const submit = useCallback(
    async (value: string) => {
      if (busyRef.current || value.length < PIN_MIN_LENGTH) return;
      busyRef.current = true;
      setBusy(true);
      const out = await onSubmit(value);
      busyRef.current = false;
      setPin('');
      setBusy(false);
      setMessage(out);
    },
    [onSubmit],
  );
  const press = (d: string) => setPin((p) => (p.length < PIN_MAX_LENGTH ? p + d : p));
  const erase = () => setPin((p) => p.slice(0, -1));

  // A keyboard (or a tablet's keyboard case) types on the pad.
  const pinRef = useRef(pin);
  useEffect(() => {
    pinRef.current = pin;
  }, [pin]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (/^\d$/.test(e.key)) setPin((p) => (p.length < PIN_MAX_LENGTH ? p + e.key : p));
      else if (e.key === 'Backspace') setPin((p) => p.slice(0, -1));
      else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) void submit(pinRef.current);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [submit]);

  const slots = Math.max(PIN_MIN_LENGTH, pin.length);
  return (
    <section className="kiosk-screen kiosk-screen--pin" data-testid="kiosk-pin">
      <header className="kiosk-head kiosk-pin__head">
        <h2>{t('kiosk.pinFor', { name: `${person.firstName} ${person.lastName}` })}</h2>
        <div className="kiosk-dots" data-testid="kiosk-pin-dots" data-count={pin.length} role="img" aria-label={t('kiosk.pinTyped', { count: pin.length })}>
          {Array.from({ length: slots }, (_, i) => (
            <span key={i} className={i < pin.length ? 'kiosk-dot kiosk-dot--on' : 'kiosk-dot'} />
          ))}
        </div>
        {message && (
          <p className="kiosk-alert" role="alert" data-testid="kiosk-pin-message">
            {message}
          </p>
        )}
      </header>
      <div className="kiosk-body kiosk-pad">
        <div className="kiosk-pad__grid">
          {DIGITS.map((d) => (
            <button key={d} type="button" className="kiosk-key" data-testid={`kiosk-key-${d}`} onClick={() => press(d)}>
              {d}
            </button>
          ))}
          <button type="button" className="kiosk-key kiosk-key--fn" data-testid="kiosk-key-clear" aria-label={t('kiosk.pinEraseLabel')} onClick={erase}>
            <IconBackspace />
            <span className="kiosk-key__label">{t('kiosk.pinClear')}</span>
          </button>
          <button type="button" className="kiosk-key" data-testid="kiosk-key-0" onClick={() => press('0')}>
            0
          </button>
          <button
            type="button"
            className="kiosk-key kiosk-key--fn kiosk-key--ok"
            data-testid="kiosk-pin-ok"
            disabled={busy || pin.length < PIN_MIN_LENGTH}
            onClick={() => void submit(pin)}
          >
            <IconCheck />
            <span className="kiosk-key__label">{t('kiosk.pinOk')}</span>
          </button>
        </div>
      </div>
      <footer className="kiosk-foot">
        <BackButton onBack={onBack} />
      </footer>
    </section>
  );
}
