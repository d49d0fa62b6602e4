import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PublicLayout } from '../../app/PublicLayout';
import { SIGN_IN_PATH } from '../../app/routing';
import { authClient } from '../../auth/auth-client';
import { useAuthAction } from '../../auth/useAuthAction';
import { useT } from '../../i18n/useT';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';

export const FORGOT_PASSWORD_PATH = '/forgot-password';
const MIN_PASSWORD = 8;

/**
 * The page the emailed link lands on (better-auth redirects to /reset-password?token=...): a new password, twice.
 * An expired or used link (better-auth adds error=INVALID_TOKEN) offers to ask for a new one.
 */
export function ResetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, run } = useAuthAction();
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (password !== confirm || !token) return;
    if (await run(() => authClient.resetPassword({ newPassword: password, token }))) setDone(true);
  };
  // An expired or used token (in the link, or answered on submit): offer a new link instead of an error.
  const invalid = !token || params.get('error') !== null || (error as { code?: string } | null)?.code === 'INVALID_TOKEN';

  return (
    <PublicLayout>
      <section className="card card--narrow" data-testid="page-reset-password" aria-labelledby="reset-title">
        <h1 id="reset-title">{t('passwordReset.resetTitle')}</h1>
        {done ? (
          <>
            <p className="alert alert--success" role="status" data-testid="reset-done">
              {t('passwordReset.done')}
            </p>
            <Link className="button button--primary button--block" to={SIGN_IN_PATH} data-testid="reset-signin">
              {t('auth.signIn.submit')}
            </Link>
          </>
        ) : invalid ? (
          <>
            <p className="alert alert--warning" role="alert" data-testid="reset-invalid">
              {t('passwordReset.invalidLink')}
            </p>
            <Link className="button button--primary button--block" to={FORGOT_PASSWORD_PATH}>
              {t('passwordReset.askAgain')}
            </Link>
          </>
        ) : (
          <>
            <p className="lead">{t('passwordReset.resetLead')}</p>
            <form className="form" onSubmit={submit}>
              <TextField
                label={t('passwordReset.newPassword')}
                testId="reset-password"
                type="password"
                autoComplete="new-password"
                value={password}
                onValue={setPassword}
                hint={t('auth.signUp.passwordHint', { min: MIN_PASSWORD })}
                minLength={MIN_PASSWORD}
                required
              />
              <TextField
                label={t('passwordReset.confirmPassword')}
                testId="reset-confirm"
                type="password"
                autoComplete="new-password"
                value={confirm}
                onValue={setConfirm}
                minLength={MIN_PASSWORD}
                required
              />
              {mismatch ? (
                <p className="alert alert--error" role="alert" data-testid="reset-mismatch">
                  {t('passwordReset.mismatch')}
                </p>
              ) : null}
              <ErrorMessage error={error} testId="reset-error" />
              <div className="form__actions">
                <button type="submit" className="button button--primary button--block" data-testid="reset-submit" disabled={busy}>
                  {busy ? t('passwordReset.saving') : t('passwordReset.save')}
                </button>
              </div>
            </form>
          </>
        )}
      </section>
    </PublicLayout>
  );
}
