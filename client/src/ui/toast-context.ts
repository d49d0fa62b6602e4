import { createContext, useContext } from 'react';
import type { ToastOptions } from './toast-queue';

export interface ToastApi {
  /** Shows a toast; returns its id. `undo` adds an "Undo" button that runs it. */
  show: (options: ToastOptions) => string;
  dismiss: (id: string) => void;
}

export const ToastContext = createContext<ToastApi | null>(null);

/** The toasts of the app (inside <ToastProvider>, mounted in App). */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
