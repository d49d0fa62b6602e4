import { useId, useRef, useState, type FormEvent } from 'react';
import type { Role } from '@coulisses/shared';
import { createInvitation } from '../../api/org';
import type { Invitation } from '../../api/types';
import { useT } from '../../i18n/useT';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { RoleSelect } from './RoleSelect';

/** Invites by e-mail and role, then shows the link to pass on (no e-mail is sent by the app). */
export function InviteForm({ onInvited }: { onInvited: (invitation: Invitation) => void }) {
  const t = useT();
  const roleId = useId();
  const linkId = useId();
  const linkRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('TECH');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [link, setLink] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setLink(null);
    try {
      const invitation = await createInvitation(email.trim(), role);
      setLink(invitation.link ?? null);
      setEmail('');
      onInvited(invitation);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="invite-title" data-testid="invite-form">
      <h2 id="invite-title">{t('admin.invite.title')}</h2>
      <TextField
        label={t('admin.invite.email')}
        testId="invite-email"
        type="email"
        autoComplete="off"
        value={email}
        onValue={setEmail}
        required
      />
      <div className="field">
        <label className="field__label" htmlFor={roleId}>
          {t('admin.invite.role')}
        </label>
        <RoleSelect id={roleId} testId="invite-role" value={role} onChange={setRole} />
      </div>
      <ErrorMessage error={error} testId="invite-error" />
      <div className="form__actions">
        <button type="submit" className="button button--primary" data-testid="invite-submit" disabled={busy}>
          {busy ? t('admin.invite.submitting') : t('admin.invite.submit')}
        </button>
      </div>
      {link && (
        <div className="invite-link" role="status">
          <p className="alert alert--success">{t('admin.invite.created')}</p>
          <label className="field__label" htmlFor={linkId}>
            {t('admin.invite.link')}
          </label>
          <div className="input-row">
            <input
              ref={linkRef}
              id={linkId}
              className="field__input"
              data-testid="invite-link"
              value={link}
              readOnly
              onFocus={(event) => event.target.select()}
            />
            <CopyButton text={link} inputRef={linkRef} testId="invite-copy" />
          </div>
          <p className="field__hint">{t('admin.invite.linkHelp')}</p>
        </div>
      )}
    </form>
  );
}
