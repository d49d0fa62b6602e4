import { knownKey, type Locale } from '@coulisses/shared';
import type { Translate } from '../../../i18n/i18n-context';

/** The reason of a server refusal in the user's language, or the server's own message for an unknown code. */
export function reasonText(t: Translate, _locale: Locale, code: string, message: string): string {
  const key = knownKey(`errors.${code}`);
  return key ? t(key) : message || code;
}
