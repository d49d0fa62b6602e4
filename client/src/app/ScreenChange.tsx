import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { announce } from '../a11y/announcer';
import { useSession } from '../auth/useSession';
import { useI18n } from '../i18n/useT';
import { readIdentity } from '../kiosk/kiosk-store';
import { documentTitle, screenTitleKey } from './screen-title';

/** How long a new screen may take to draw its heading (a lazy chunk, the session loading) before we give up. */
const HEADING_WAIT_MS = 5000;

/** The user is typing in a field, or in a dialog: a navigation does not take the focus away from there. */
function busyElsewhere(active: Element | null): boolean {
  if (!active || active === document.body) return false;
  if (active.closest('dialog[open], [role="dialog"], [role="alertdialog"]')) return true;
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement || (active as HTMLElement).isContentEditable;
}

/** Focuses the first h1 of <main> (made focusable by script: tabIndex -1), now or once it is drawn. */
function focusScreenHeading(onFocused: () => void): () => void {
  const tryFocus = (): boolean => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return false;
    if (!busyElsewhere(document.activeElement)) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    }
    onFocused();
    return true;
  };
  if (tryFocus()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = window.setTimeout(() => stop(), HEADING_WAIT_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}

/**
 * What every route change does, in one place (rendered by AppRoutes next to the routes): the document title
 * "<screen> - <organisation> - Coulisses Crew" in the current language; and, when the path changes (a link, a
 * tab, a redirect such as the one after signing in, not the first load), the focus moves to the new screen's
 * h1 and the polite live region says the new title. See docs/decisions/accessibility.md.
 */
export function ScreenChange() {
  const { t } = useI18n();
  const { me } = useSession();
  const { pathname } = useLocation();
  const key = screenTitleKey(pathname);
  const kiosk = pathname === '/kiosk' || pathname.startsWith('/kiosk/');
  const organisation = kiosk ? readIdentity()?.org?.name : me?.activeOrg?.name;
  const title = documentTitle(key ? t(key) : null, organisation, t('app.name'));
  const titleRef = useRef(title);

  useEffect(() => {
    titleRef.current = title;
    document.title = title;
  }, [title]);

  const previous = useRef<string | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = pathname;
    if (before === null || before === pathname) return undefined;
    return focusScreenHeading(() => announce(titleRef.current));
  }, [pathname]);

  return null;
}
