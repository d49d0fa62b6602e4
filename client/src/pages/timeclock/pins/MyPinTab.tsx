import { pinProblem } from '@coulisses/shared/timeclock/pin-rules';
import { useRef, useState, type FormEvent } from 'react';
import { useSession } from '../../../auth/useSession';
import { useI18n } from '../../../i18n/useT';
import { useCollectionQuery } from '../../../sync/useCollectionQuery';
import { accentFromSettings } from '../../../ui/accent';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { newQrCode, setPin } from '../kiosks/kiosk-admin-api';
import { BadgeSheet } from './BadgeSheet';
import { QrCode } from './QrCode';
import './pins.css';

interface Person {
  id: string;
  accountId: string | null;
  firstName?: string;
  lastName?: string;
}

/**
 * Every member: set their own kiosk PIN (typed twice, checked against the PIN rules before sending; the server
 * checks them again) and get a QR code to identify at a kiosk, shown as an image with a printable badge.
 */
export function MyPinTab() {
  const { t } = useI18n();
  const { me } = useSession();
  const { accountId, settings } = useOrgContext();
  const { docs, loading } = useCollectionQuery<Person>('users', { selector: { accountId: accountId ?? '-' } });
  const person = docs[0] ?? null;
  const [pin, setPinValue] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  // After a try to save, a confirmation that differs is said at once (before, only once it is typed in full).
  const [tried, setTried] = useState(false);
  const againInput = useRef<HTMLInputElement | null>(null);

  if (!loading && !person) {
    return (
      <section className="card" data-testid="MyPinTab">
        <p className="muted" data-testid="mypin-not-linked">
          {t('kiosk.myPin.notLinked')}
        </p>
      </section>
    );
  }

  const name = person ? `${person.firstName ?? ''} ${person.lastName ?? ''}`.trim() || (me?.account.name ?? '') : '';
  const mismatch = again !== pin && (tried || (again.length > 0 && again.length >= pin.length));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setError(null);
    if (!person) return;
    const rule = pinProblem(pin);
    if (rule) {
      setProblem(t(`errors.${rule}`));
      return;
    }
    if (again !== pin) {
      setProblem(null);
      setTried(true);
      againInput.current?.focus();
      return;
    }
    setProblem(null);
    setTried(false);
    try {
      await setPin(person.id, pin);
      setPinValue('');
      setAgain('');
      setNotice(t('kiosk.pins.saved'));
    } catch (err) {
      setError(err);
    }
  };

  const qr = async () => {
    if (!person) return;
    if (code && !window.confirm(t('kiosk.myPin.qrReplace'))) return;
    try {
      setError(null);
      setCode((await newQrCode(person.id)).code);
    } catch (err) {
      setError(err);
    }
  };

  const digits = (value: string) => value.replace(/\D/g, '').slice(0, 8);

  return (
    <div className="stack" data-testid="MyPinTab">
      <form className="card form" noValidate onSubmit={(e) => void submit(e)}>
        <h2>{t('kiosk.myPin.title')}</h2>
        <p className="hint">{t('kiosk.myPin.intro')}</p>
        <p className="hint" id="my-pin-rules">
          {t('kiosk.myPin.rules')}
        </p>
        <div className="field">
          <label className="field__label" htmlFor="my-pin">
            {t('kiosk.pins.newPin')}
          </label>
          <input
            id="my-pin"
            className="field__input"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={8}
            value={pin}
            aria-describedby="my-pin-rules"
            aria-invalid={problem !== null && !mismatch ? true : undefined}
            onChange={(e) => {
              setPinValue(digits(e.target.value));
              setProblem(null);
            }}
            data-testid="mypin-input"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="my-pin-again">
            {t('kiosk.myPin.again')}
          </label>
          <input
            id="my-pin-again"
            ref={againInput}
            className="field__input"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={8}
            value={again}
            aria-invalid={mismatch ? true : undefined}
            aria-describedby={mismatch ? 'my-pin-mismatch' : undefined}
            onChange={(e) => {
              setAgain(digits(e.target.value));
              setProblem(null);
            }}
            data-testid="mypin-again"
          />
          {mismatch && (
            <p className="mypin-mismatch" id="my-pin-mismatch" data-testid="mypin-mismatch">
              {t('kiosk.myPin.mismatch')}
            </p>
          )}
        </div>
        {problem && (
          <p className="alert alert--error" role="alert" data-testid="mypin-problem">
            {problem}
          </p>
        )}
        <Button type="submit" variant="primary" data-testid="mypin-save" disabled={!person}>
          {t('kiosk.pins.save')}
        </Button>
        {notice && (
          <p className="alert alert--success" role="status" data-testid="mypin-notice">
            {notice}
          </p>
        )}
      </form>
      <section className="card stack">
        <h2>{t('kiosk.myPin.qrTitle')}</h2>
        <p className="hint">{t('kiosk.myPin.qrIntro')}</p>
        {code && (
          <div className="mypin-qr" data-testid="mypin-qr-shown">
            <QrCode value={code} label={t('kiosk.badge.qrLabel', { name })} className="mypin-qr__image" testId="mypin-qr-image" />
            <p className="hint" data-testid="mypin-qr-code">
              {t('kiosk.myPin.qrShown', { code })}
            </p>
            <p className="hint">{t('kiosk.badge.once')}</p>
          </div>
        )}
        <div className="input-row">
          <Button variant="secondary" data-testid="mypin-qr" disabled={!person} onClick={() => void qr()}>
            {t('kiosk.myPin.qrNew')}
          </Button>
          {code && (
            <Button variant="primary" data-testid="mypin-badge" onClick={() => setPrinting(true)}>
              {t('kiosk.myPin.printBadge')}
            </Button>
          )}
        </div>
      </section>
      <ErrorMessage error={error} testId="mypin-error" />
      {printing && code && person && (
        <BadgeSheet badges={[{ userId: person.id, name, code }]} orgName={me?.activeOrg?.name ?? ''} accent={accentFromSettings(settings)} onClose={() => setPrinting(false)} />
      )}
    </div>
  );
}
