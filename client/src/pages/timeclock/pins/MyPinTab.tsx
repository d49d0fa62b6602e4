import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/useT';
import { useCollectionQuery } from '../../../sync/useCollectionQuery';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useOrgContext } from '../../planning/missions/data/useOrgContext';
import { isPinValid, newQrCode, setPin } from '../kiosks/kiosk-admin-api';

interface Person {
  id: string;
  accountId: string | null;
}

/** Every member: set their own kiosk PIN and get a QR code to identify at a kiosk. */
export function MyPinTab() {
  const { t } = useI18n();
  const { accountId } = useOrgContext();
  const { docs, loading } = useCollectionQuery<Person>('users', { selector: { accountId: accountId ?? '-' } });
  const me = docs[0] ?? null;
  const [pin, setPinValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);

  if (!loading && !me) {
    return (
      <section className="card" data-testid="MyPinTab">
        <p className="muted" data-testid="mypin-not-linked">
          {t('kiosk.myPin.notLinked')}
        </p>
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (!me) return;
    if (!isPinValid(pin)) {
      setNotice(t('kiosk.pins.invalidPin'));
      return;
    }
    try {
      setError(null);
      await setPin(me.id, pin);
      setPinValue('');
      setNotice(t('kiosk.pins.saved'));
    } catch (err) {
      setError(err);
    }
  };

  const qr = async () => {
    if (!me) return;
    try {
      setError(null);
      setCode((await newQrCode(me.id)).code);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="stack" data-testid="MyPinTab">
      <form className="card form" onSubmit={(e) => void submit(e)}>
        <h2>{t('kiosk.myPin.title')}</h2>
        <p className="hint">{t('kiosk.myPin.intro')}</p>
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
            onChange={(e) => setPinValue(e.target.value.replace(/\D/g, ''))}
            data-testid="mypin-input"
          />
        </div>
        <button type="submit" className="button button--primary" data-testid="mypin-save" disabled={!me}>
          {t('kiosk.pins.save')}
        </button>
        {notice && (
          <p className="alert alert--success" role="status" data-testid="mypin-notice">
            {notice}
          </p>
        )}
      </form>
      <section className="card stack">
        <h2>{t('kiosk.myPin.qrTitle')}</h2>
        <p className="hint">{t('kiosk.myPin.qrIntro')}</p>
        <button type="button" className="button button--secondary" data-testid="mypin-qr" disabled={!me} onClick={() => void qr()}>
          {t('kiosk.myPin.qrNew')}
        </button>
        {code && (
          <p className="lead" data-testid="mypin-qr-code">
            {t('kiosk.myPin.qrShown', { code })}
          </p>
        )}
      </section>
      <ErrorMessage error={error} testId="mypin-error" />
    </div>
  );
}
