import { useT } from '../i18n/useT';
import { IconCloudOff } from '../ui/icons';
import { useOnlineStatus } from './useOnlineStatus';

/** The network state on the pages outside the shell: a chip while offline, announced when it changes. */
export function OnlineStatus() {
  const t = useT();
  const online = useOnlineStatus();
  const state = online ? 'online' : 'offline';
  return (
    <span className={`status status--${state}`} data-testid="online-status" data-state={state} role="status">
      {!online && <IconCloudOff size={18} />}
      <span className={online ? 'visually-hidden' : undefined}>{t(`status.${state}`)}</span>
    </span>
  );
}
