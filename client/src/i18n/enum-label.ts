import { enumLabelKey, type EnumName, type EnumValue } from '@coulisses/shared/i18n/enums';
import type { Translate } from './i18n-context';

/**
 * The label of an enum value in the user's language: enumLabel(t, 'employmentType', 'INTERMITTENT') is
 * "Intermittent du spectacle". Every enum of shared/ is listed in ENUM_LABELS (shared/src/i18n/enums.ts); a value
 * the enum does not have (a newer server's) reads "Inconnu (VALUE)", an empty one ''. Never render a raw value.
 */
export function enumLabel<N extends EnumName>(t: Translate, name: N, value: EnumValue<N> | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const key = enumLabelKey(name, value);
  return key ? t(key) : t('enums.unknown', { value });
}

/** The options of a select over an enum's values, labelled. */
export function enumOptions<N extends EnumName>(t: Translate, name: N, values: readonly EnumValue<N>[]): { value: EnumValue<N>; label: string }[] {
  return values.map((value) => ({ value, label: enumLabel(t, name, value) }));
}
