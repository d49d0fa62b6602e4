import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** Focus helpers of the overlays (Dialog, Sheet, Menu). */

const FOCUSABLE = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  'summary',
  '[contenteditable="true"]',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The elements Tab reaches inside `root`, in order (hidden ones left out). */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.hasAttribute('inert') && !el.closest('[inert]') && el.getClientRects().length > 0,
  );
}

/** Keeps Tab and Shift+Tab inside `root` (call from its keydown handler). True when it moved the focus. */
export function trapTab(event: KeyboardEvent | ReactKeyboardEvent, root: HTMLElement): boolean {
  if (event.key !== 'Tab') return false;
  const items = focusableIn(root);
  if (items.length === 0) {
    event.preventDefault();
    root.focus();
    return true;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === root || !root.contains(active))) {
    event.preventDefault();
    last.focus();
    return true;
  }
  if (!event.shiftKey && (active === last || !root.contains(active))) {
    event.preventDefault();
    first.focus();
    return true;
  }
  return false;
}

/**
 * Focuses the element marked data-autofocus in `root`, else its first focusable element outside a
 * [data-initial-focus-skip] part (a close button in a title bar), else the first focusable one, else `root`.
 */
export function focusFirst(root: HTMLElement): void {
  const wanted = root.querySelector<HTMLElement>('[data-autofocus]');
  const items = focusableIn(root);
  const target = wanted ?? items.find((el) => !el.closest('[data-initial-focus-skip]')) ?? items[0] ?? root;
  target.focus();
}

/** Focuses `el` if it is still in the document (the element that opened an overlay). */
export function restoreFocus(el: Element | null): void {
  if (el instanceof HTMLElement && el.isConnected) el.focus();
}
