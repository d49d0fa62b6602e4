import { useMemo } from 'react';
import { useSession } from '../../auth/useSession';
import { useI18n } from '../../i18n/useT';
import type { DocRef } from './doc-names';
import type { FormatContext } from './field-format';
import { useLocalDocs } from './useLocalDocs';
import { useMemberNames } from './useMemberNames';

/**
 * What naming documents and formatting values needs, for a list: the language, the organisation's zone, the
 * local documents `refs` point to (and those their names need), the members' names.
 */
export function useFormatContext(refs: readonly DocRef[]): FormatContext {
  const { locale } = useI18n();
  const { me } = useSession();
  const lookup = useLocalDocs(refs);
  const accounts = useMemberNames();
  const timeZone = me?.activeOrg?.timezone;
  return useMemo(() => ({ locale, timeZone, lookup, accounts }), [locale, timeZone, lookup, accounts]);
}
