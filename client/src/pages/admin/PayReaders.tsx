import { useState } from 'react';
import { updateOrgSettings } from '../../api/org';
import type { Member } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { useOrgContext } from '../../data/org/useOrgContext';
import { useT } from '../../i18n/useT';
import { Button, useToast } from '../../ui';
import { ErrorMessage } from '../../ui/ErrorMessage';

/**
 * "Who sees pay figures" (issue 13): the organisation's managers with a checkbox each, saved to the setting
 * payReaderAccountIds (ADMINs always read pay; the server then gives the pay slices to the accounts named).
 */
export function PayReaders({ members }: { members: readonly Member[] }) {
  const t = useT();
  const toast = useToast();
  const { reload } = useSession();
  const { settings } = useOrgContext();
  const managers = members.filter((m) => m.role === 'MANAGER').sort((a, b) => a.name.localeCompare(b.name));
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const current = chosen ?? new Set(settings.payReaderAccountIds ?? []);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const toggle = (accountId: string, on: boolean) => {
    const next = new Set(current);
    if (on) next.add(accountId);
    else next.delete(accountId);
    setChosen(next);
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      // Only managers of the organisation, in a stable order (accounts no longer managers drop out).
      const ids = managers.map((m) => m.accountId).filter((id) => current.has(id));
      await updateOrgSettings({ payReaderAccountIds: ids });
      await reload().catch(() => undefined);
      setChosen(null);
      toast.show({ message: t('analyticsPage.payReaders.saved'), tone: 'success' });
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="pay-readers-title" data-testid="pay-readers">
      <h2 id="pay-readers-title">{t('analyticsPage.payReaders.title')}</h2>
      <p className="muted">{t('analyticsPage.payReaders.hint')}</p>
      {managers.length === 0 ? (
        <p className="muted">{t('analyticsPage.payReaders.none')}</p>
      ) : (
        <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="visually-hidden">{t('analyticsPage.payReaders.title')}</legend>
          {managers.map((m) => (
            <label key={m.id} style={{ display: 'flex', alignItems: 'center', gap: '0.5rem', minHeight: 44 }}>
              <input type="checkbox" checked={current.has(m.accountId)} onChange={(e) => toggle(m.accountId, e.target.checked)} data-testid={`pay-reader-${m.accountId}`} />
              <span>
                {m.name} <span className="muted">{m.email}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <ErrorMessage error={error} testId="pay-readers-error" />
      {managers.length > 0 && (
        <Button onClick={save} loading={saving} disabled={chosen === null} data-testid="pay-readers-save">
          {t('analyticsPage.payReaders.save')}
        </Button>
      )}
    </section>
  );
}
