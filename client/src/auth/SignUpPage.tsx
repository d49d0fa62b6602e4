import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { PublicLayout } from '../app/PublicLayout';
import { SIGN_IN_PATH, authPath } from '../app/routing';
import { useT } from '../i18n/useT';
import { ErrorMessage } from '../ui/ErrorMessage';
import { TextField } from '../ui/TextField';
import { authClient } from './auth-client';
import { useSession } from './useSession';

export const MIN_PASSWORD_LENGTH = 8;

/** Creates an account; better-auth signs it in right away, then the route guard moves on. */
export function SignUpPage() {
  const t = useT();
  const { reload } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(() => params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await authClient.signUp.email({ name: name.trim(), email: email.trim(), password });
      if (result.error) {
        setError(result.error);
        return;
      }
      try {
        await reload();
      } catch (caught) {
        // No session opened by sign-up (e.g. e-mail verification on): sign in explicitly.
        if (caught instanceof ApiError && caught.status === 401) {
          void navigate(authPath(SIGN_IN_PATH, params.get('next'), email.trim()), { replace: true });
          return;
        }
        throw caught;
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicLayout>
      <section className="card card--narrow" data-testid="page-signup" aria-labelledby="signup-title">
        <h1 id="signup-title">{t('auth.signUp.title')}</h1>
        <form className="form" onSubmit={submit}>
          <TextField label={t('auth.name')} testId="signup-name" autoComplete="name" value={name} onValue={setName} required />
          <TextField
            label={t('auth.email')}
            testId="signup-email"
            type="email"
            autoComplete="email"
            value={email}
            onValue={setEmail}
            required
          />
          <TextField
            label={t('auth.password')}
            hint={t('auth.signUp.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            testId="signup-password"
            type="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            value={password}
            onValue={setPassword}
            required
          />
          <ErrorMessage error={error} testId="signup-error" />
          <div className="form__actions">
            <button type="submit" className="button button--primary button--block" data-testid="signup-submit" disabled={busy}>
              {busy ? t('auth.signUp.submitting') : t('auth.signUp.submit')}
            </button>
          </div>
        </form>
        <p className="switch-auth">
          {t('auth.signUp.haveAccount')}{' '}
          <Link to={authPath(SIGN_IN_PATH, params.get('next'), email || params.get('email'))} data-testid="link-signin">
            {t('auth.signUp.toSignIn')}
          </Link>
        </p>
      </section>
    </PublicLayout>
  );
}
