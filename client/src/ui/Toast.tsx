import { useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { cx } from './cx';
import { IconButton } from './IconButton';
import { IconClose, IconError, IconInfo, IconSuccess, IconWarning, type IconComponent } from './icons';
import { ToastContext, type ToastApi } from './toast-context';
import { ToastQueue, type ToastItem } from './toast-queue';
import type { Tone } from './tones';
import './toast.css';

/** The app's queue; code outside React may show toasts through it too (give `action` a label then). */
export const appToasts = new ToastQueue();

const TONE_ICONS: Record<Tone, IconComponent | null> = {
  neutral: null,
  info: IconInfo,
  success: IconSuccess,
  warning: IconWarning,
  danger: IconError,
};

/**
 * Provides useToast() and draws the toasts: bottom centre on phones, bottom left on wide screens, above any
 * fixed bottom bar (a layout with one sets --bottom-bar-height on :root). Polite toasts are announced through a
 * role="status" region, danger ones through role="alert". A toast's time stops while hovered or focused.
 */
export function ToastProvider({ children, queue = appToasts }: { children: ReactNode; queue?: ToastQueue }) {
  const t = useT();
  const api = useMemo<ToastApi>(
    () => ({ show: (options) => queue.show(options, t('ui.undo')), dismiss: (id) => queue.dismiss(id) }),
    [queue, t],
  );
  return (
    <ToastContext value={api}>
      {children}
      <ToastViewport queue={queue} />
    </ToastContext>
  );
}

function ToastViewport({ queue }: { queue: ToastQueue }) {
  const t = useT();
  const toasts = useSyncExternalStore(queue.subscribe, queue.visible, queue.visible);
  const urgent = toasts.filter((toast) => toast.tone === 'danger');
  const polite = toasts.filter((toast) => toast.tone !== 'danger');
  return (
    <section className="ui-toasts" aria-label={t('ui.notifications')} data-testid="toasts">
      <div role="alert" aria-live="assertive" className="ui-toasts__region">
        {urgent.map((toast) => (
          <ToastView key={toast.id} toast={toast} queue={queue} />
        ))}
      </div>
      <div role="status" aria-live="polite" className="ui-toasts__region">
        {polite.map((toast) => (
          <ToastView key={toast.id} toast={toast} queue={queue} />
        ))}
      </div>
    </section>
  );
}

function ToastView({ toast, queue }: { toast: ToastItem; queue: ToastQueue }) {
  const t = useT();
  const hovered = useRef(false);
  const [focused, setFocused] = useState(false);
  const Icon = TONE_ICONS[toast.tone];
  const hold = () => queue.pause(toast.id);
  const release = (stillFocused: boolean) => {
    if (!hovered.current && !stillFocused) queue.resume(toast.id);
  };
  return (
    <div
      className={cx('ui-toast', `ui-toast--${toast.tone}`, focused && 'is-focused')}
      data-testid={toast.testId ?? 'toast'}
      data-tone={toast.tone}
      onPointerEnter={() => {
        hovered.current = true;
        hold();
      }}
      onPointerLeave={() => {
        hovered.current = false;
        release(focused);
      }}
      onFocus={() => {
        setFocused(true);
        hold();
      }}
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setFocused(false);
        release(false);
      }}
    >
      {Icon && <Icon size={20} className="ui-toast__icon" />}
      <p className="ui-toast__message">{toast.message}</p>
      {toast.action && (
        <button type="button" className="ui-toast__action" data-testid={`${toast.testId ?? 'toast'}-action`} onClick={() => queue.act(toast.id)}>
          {toast.action.label}
        </button>
      )}
      <IconButton icon={IconClose} label={t('ui.dismiss')} size="sm" onDark className="ui-toast__close" onClick={() => queue.dismiss(toast.id)} />
    </div>
  );
}
