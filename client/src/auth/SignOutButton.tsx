import { useT } from '../i18n/useT';
import { Button } from '../ui/Button';
import { IconSignOut } from '../ui/icons';
import { useSignOut } from './useSignOut';

/** The header's sign-out button (wide screens; phones have it in the account menu). */
export function SignOutButton() {
  const t = useT();
  const { busy, signOut } = useSignOut();
  return (
    <Button variant="secondary" onDark icon={IconSignOut} data-testid="signout" loading={busy} onClick={() => void signOut()}>
      {t('auth.signOut')}
    </Button>
  );
}
