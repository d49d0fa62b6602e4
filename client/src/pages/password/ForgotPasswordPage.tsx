import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PublicLayout } from '../../app/PublicLayout';
import { SIGN_IN_PATH, authPath } from '../../app/routing';
import { authClient } from '../../auth/auth-client';
import { useAuthAction } from '../../auth/useAuthAction';
import { useT } from '../../i18n/useT';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';

export const RESET_PASSWORD_PATH = '/reset-password';

/** Asks better-auth for a reset link by email; the answer is the same whether the address has an account or not. */
export function ForgotPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(() => params.get('email') ?? '');
  const { busy, error, run } = useAuthAction();
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => authClient.requestPasswordReset({ email: email.trim(), redirectTo: RESET_PASSWORD_PATH }))) setSentTo(email.trim());
  };

  return (
    <PublicLayout>
      <section className="card card--narrow" data-testid="page-forgot-password" aria-labelledby="forgot-title">
        <h1 id="forgot-title">{t('passwordReset.forgotTitle')}</h1>
        {sentTo ? (
          <p className="alert alert--success" role="status" data-testid="forgot-sent">
            {t('passwordReset.sent', { email: sentTo })}
          </p>
        ) : (
          <>
            <p className="lead">{t('passwordReset.forgotLead')}</p>
            <form className="form" onSubmit={submit}>
              <TextField label={t('auth.email')} testId="forgot-email" type="email" autoComplete="email" value={email} onValue={setEmail} required />
              <ErrorMessage error={error} testId="forgot-error" />
              <div className="form__actions">
                <button type="submit" className="button button--primary button--block" data-testid="forgot-submit" disabled={busy}>
                  {busy ? t('passwordReset.sending') : t('passwordReset.send')}
                </button>
              </div>
            </form>
          </>
        )}
        <p className="switch-auth">
          <Link to={authPath(SIGN_IN_PATH, null, email || null)} data-testid="link-back-signin">
            {t('passwordReset.backToSignIn')}
          </Link>
        </p>
      </section>
    </PublicLayout>
  );
}
