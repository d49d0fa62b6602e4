import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PublicLayout } from '../app/PublicLayout';
import { SIGN_UP_PATH, authPath } from '../app/routing';
import { useT } from '../i18n/useT';
import { ErrorMessage } from '../ui/ErrorMessage';
import { TextField } from '../ui/TextField';
import { authClient } from './auth-client';
import { TotpStep } from './TotpStep';
import { needsTwoFactor } from './two-factor';
import { useSession } from './useSession';

/** E-mail and password, then the TOTP code when two-factor is on. The route guard redirects once signed in. */
export function SignInPage() {
  const t = useT();
  const { reload } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(() => params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [step, setStep] = useState<'password' | 'totp'>('password');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await authClient.signIn.email({ email: email.trim(), password });
      if (result.error) {
        setError(result.error);
        return;
      }
      if (needsTwoFactor(result.data)) {
        setStep('totp');
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
    <PublicLayout>
      <section className="card card--narrow" data-testid="page-signin" aria-labelledby="signin-title">
        <h1 id="signin-title">{t('auth.signIn.title')}</h1>
        <p className="lead">{t('auth.tagline')}</p>
        {step === 'totp' ? (
          <TotpStep onBack={() => setStep('password')} />
        ) : (
          <form className="form" onSubmit={submit}>
            <TextField
              label={t('auth.email')}
              testId="signin-email"
              type="email"
              autoComplete="email"
              value={email}
              onValue={setEmail}
              required
            />
            <TextField
              label={t('auth.password')}
              testId="signin-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onValue={setPassword}
              required
            />
            <p className="form__aside">
              <Link to={`/forgot-password${email ? `?email=${encodeURIComponent(email.trim())}` : ''}`} data-testid="link-forgot-password">
                {t('passwordReset.forgotLink')}
              </Link>
            </p>
            <ErrorMessage error={error} testId="signin-error" />
            <div className="form__actions">
              <button type="submit" className="button button--primary button--block" data-testid="signin-submit" disabled={busy}>
                {busy ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
              </button>
            </div>
          </form>
        )}
        <p className="switch-auth">
          {t('auth.signIn.noAccount')}{' '}
          <Link to={authPath(SIGN_UP_PATH, params.get('next'), email || params.get('email'))} data-testid="link-signup">
            {t('auth.signIn.toSignUp')}
          </Link>
        </p>
      </section>
    </PublicLayout>
  );
}
