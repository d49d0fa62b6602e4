import { useEffect, type RefObject } from 'react';

/** How long after its last keyboard step an item dropped may take the focus back (the drop, then the local write). */
const KEEP_MS = 5000;

/**
 * The item last picked up by keyboard (a mission's or an assignment's id) and when it last moved. Module-level:
 * a drop often draws the item in another day column or row, a new element of a new component.
 */
let held: { key: string; at: number } | null = null;

/** No element has the focus (the focused one was removed from the page). */
function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/**
 * The element of a calendar item picked up by keyboard keeps the focus while it moves: focused again each time
 * `where` (its start, its row, its day) changes, so that the next arrow key still reaches it. After the drop (or
 * Escape) the item is drawn again where it lands, once or twice (its old place until the write is applied): the
 * element with the same `key` takes the focus back if it was lost, so the focus stays on the moved item.
 */
export function useFocusWhenPicked(node: RefObject<HTMLElement | null>, picked: boolean, where: unknown, key: string): void {
  useEffect(() => {
    const el = node.current;
    if (!el) return;
    if (picked) {
      held = { key, at: Date.now() };
      if (document.activeElement !== el) el.focus();
      return;
    }
    if (held?.key === key && Date.now() - held.at < KEEP_MS && focusLost()) el.focus();
  }, [node, picked, where, key]);
}
