import { useEffect, type RefObject } from 'react';

/**
 * The element of a calendar item picked up by keyboard keeps the focus while it moves: focused again each time
 * `where` (its start, its row, its day) changes, so that the next arrow key still reaches it.
 */
export function useFocusWhenPicked(node: RefObject<HTMLElement | null>, picked: boolean, where: unknown): void {
  useEffect(() => {
    if (picked && node.current && document.activeElement !== node.current) node.current.focus();
  }, [node, picked, where]);
}
