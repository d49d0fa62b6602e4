import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/useT';
import { ErrorMessage } from '../ui/ErrorMessage';
import { TextField } from '../ui/TextField';
import { authClient } from './auth-client';
import { useSession } from './useSession';

/** Second step of sign in when the account has two-factor authentication: the TOTP code. */
export function TotpStep({ onBack }: { onBack: () => void }) {
  const t = useT();
  const { reload } = useSession();
  const [code, setCode] = useState('');
  const [trustDevice, setTrustDevice] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await authClient.twoFactor.verifyTotp({ code: code.trim(), trustDevice });
      if (result.error) {
        setError(result.error);
        return;
      }
      await reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} data-testid="totp-form">
      <h2>{t('auth.totp.title')}</h2>
      <p>{t('auth.totp.intro')}</p>
      <TextField
        label={t('auth.totp.code')}
        testId="totp-code"
        value={code}
        onValue={setCode}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        autoFocus
      />
      <label className="checkbox">
        <input type="checkbox" checked={trustDevice} onChange={(event) => setTrustDevice(event.target.checked)} />
        {t('auth.totp.trustDevice')}
      </label>
      <ErrorMessage error={error} testId="totp-error" />
      <div className="form__actions">
        <button type="submit" className="button button--primary" data-testid="totp-submit" disabled={busy}>
          {busy ? t('auth.totp.submitting') : t('auth.totp.submit')}
        </button>
        <button type="button" className="button button--ghost" onClick={onBack}>
          {t('common.back')}
        </button>
      </div>
    </form>
  );
}
