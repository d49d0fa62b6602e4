import { useT } from '../i18n/useT';
import { useOnlineStatus } from './useOnlineStatus';

export function OnlineStatus() {
  const t = useT();
  const online = useOnlineStatus();
  const state = online ? 'online' : 'offline';
  return (
    <span className={`status status--${state}`} data-testid="online-status" data-state={state} role="status">
      <span className="status__dot" aria-hidden="true" />
      {t(`status.${state}`)}
    </span>
  );
}
