import { useContext } from 'react';
import { I18nContext, type I18nValue, type Translate } from './i18n-context';

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current locale: t('auth.signIn.title'). */
export function useT(): Translate {
  return useI18n().t;
}
