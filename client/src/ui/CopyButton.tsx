import { useEffect, useState, type RefObject } from 'react';
import { useT } from '../i18n/useT';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `text` with the Clipboard API; when that is refused, selects the input so the user can copy. */
export function CopyButton({
  text,
  inputRef,
  testId,
  label,
}: {
  text: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  testId?: string;
  label?: string;
}) {
  const t = useT();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      inputRef?.current?.select();
      setState('failed');
    }
  };

  return (
    <>
      <button type="button" className="button button--secondary" data-testid={testId} aria-label={label} onClick={copy}>
        {state === 'copied' ? t('common.copied') : t('common.copy')}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {state === 'copied' ? t('common.copied') : ''}
      </span>
      {state === 'failed' && (
        <p className="hint" role="alert">
          {t('clientErrors.CLIPBOARD')}
        </p>
      )}
    </>
  );
}
