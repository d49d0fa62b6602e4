import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type RefObject, type SyntheticEvent } from 'react';
import { focusFirst, restoreFocus, trapTab } from './focus';

export interface ModalDialogHandlers {
  ref: RefObject<HTMLDialogElement | null>;
  onCancel: (event: SyntheticEvent<HTMLDialogElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDialogElement>) => void;
  onClick: (event: MouseEvent<HTMLDialogElement>) => void;
  onClose: () => void;
}

let locks = 0;

/**
 * Drives a native <dialog> as a modal: showModal() when `open` turns true (the page behind becomes inert), focus
 * on [data-autofocus] or the first control, Tab kept inside, Escape and (if `dismissible`) a click on the backdrop
 * ask `onClose`, and the focus goes back to the element that had it when the dialog closes or unmounts. The page
 * does not scroll behind it.
 */
export function useModalDialog(open: boolean, onClose: () => void, dismissible = true): ModalDialogHandlers {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);
  const onCloseRef = useRef(onClose);
  const openRef = useRef(open);
  useEffect(() => {
    onCloseRef.current = onClose;
    openRef.current = open;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return undefined;
    returnTo.current = document.activeElement;
    if (!dialog.open) dialog.showModal();
    focusFirst(dialog);
    locks += 1;
    document.documentElement.classList.add('ui-scroll-lock');
    return () => {
      locks -= 1;
      if (locks === 0) document.documentElement.classList.remove('ui-scroll-lock');
      if (dialog.open) dialog.close();
      const back = returnTo.current;
      returnTo.current = null;
      // After React has finished this commit (the opener may re-render), give the focus back.
      queueMicrotask(() => restoreFocus(back));
    };
  }, [open]);

  return {
    ref,
    onCancel: (event) => {
      // Escape: the parent decides (it sets open to false), so the dialog never closes behind React's back.
      event.preventDefault();
      onCloseRef.current();
    },
    onKeyDown: (event) => {
      if (ref.current) trapTab(event, ref.current);
    },
    onClick: (event) => {
      if (dismissible && event.target === ref.current) onCloseRef.current();
    },
    // The browser may close a modal by itself (a second Escape without a click in between): tell the parent.
    onClose: () => {
      if (openRef.current) onCloseRef.current();
    },
  };
}
