import { errorText } from '../api/error-text';
import { useI18n } from '../i18n/useT';

/** An error in the current language (re-translated when the language changes); nothing when null. */
export function ErrorMessage({ error, testId }: { error: unknown; testId?: string }) {
  const { locale } = useI18n();
  if (error === null || error === undefined) return null;
  return (
    <p className="alert alert--error" role="alert" data-testid={testId}>
      {errorText(locale, error)}
    </p>
  );
}
