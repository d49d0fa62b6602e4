import { sectionsFor, type Locale, type Role } from '@coulisses/shared';
import { formatCount } from '@coulisses/shared/i18n/format';

/** The page listing this device's refused writes; every role may open it (ADMIN and MANAGER also see it in /conflicts). */
export const REFUSED_PATH = '/refused';

/** Where the refused count leads: the Conflicts inbox's section for those who see it, else the plain list. */
export function refusedHref(role: Role | null | undefined): string {
  return sectionsFor(role).some((s) => s.id === 'conflicts') ? '/conflicts#refused' : REFUSED_PATH;
}

/** "1 234 / 50 000": documents received so far over the total announced, grouped the language's way. */
export function progressText(locale: Locale, received: number, total: number): string {
  return `${formatCount(locale, received)} / ${formatCount(locale, total)}`;
}

/** Progress as a whole percentage (0 when the total is unknown). */
export function progressPercent(received: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((received / total) * 100));
}

/**
 * The engine's last error as text worth showing; null when it carries nothing readable (an error object
 * stringified to "[object Object]" upstream), so the caller shows a generic text instead.
 */
export function readableError(lastError: string | null): string | null {
  if (!lastError || /^\[object \w+\]$/.test(lastError.trim())) return null;
  return lastError;
}
