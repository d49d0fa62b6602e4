import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT';
import { setAccentPreview } from '../../ui/accent';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/FormField';
import { Input } from '../../ui/Input';

/** Tries an organisation accent on the whole app (until the page is left or the brand colour is restored). */
export function AccentPicker() {
  const t = useT();
  const [accent, setAccent] = useState<string | null>(null);
  useEffect(() => {
    setAccentPreview(accent);
    return () => setAccentPreview(null);
  }, [accent]);
  return (
    <div className="design__accent">
      <FormField label={t('design.accent')} hint={t('design.accentHint')}>
        <Input type="color" value={accent ?? '#a8233a'} data-testid="design-accent" onChange={(event) => setAccent(event.target.value)} className="design__color-input" />
      </FormField>
      <Button size="sm" variant="ghost" onClick={() => setAccent(null)} disabled={!accent}>
        {t('design.accentReset')}
      </Button>
    </div>
  );
}
