import { useRef, useState } from 'react';
import { importCalendar, type ImportResult } from '../../api/calendar-feeds';
import { useT } from '../../i18n/useT';
import { useOnlineStatus } from '../../pwa/useOnlineStatus';
import { Button } from '../../ui';
import { ErrorMessage } from '../../ui/ErrorMessage';

/**
 * Import of an .ics file of a personal calendar as unavailability: the server writes one UNAVAILABLE window per
 * busy event of the next 12 months (through the sync core), which then syncs down here. Needs the network.
 */
export function CalendarImport() {
  const t = useT();
  const online = useOnlineStatus();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const send = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await importCalendar(file));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="stack" data-testid="calendar-import">
      <h2>{t('calendarFeeds.import.title')}</h2>
      <p className="hint">{t('calendarFeeds.import.hint')}</p>
      <input ref={input} type="file" accept=".ics,text/calendar" hidden data-testid="calendar-import-file" onChange={(e) => void send(e.target.files?.[0])} />
      <div>
        <Button loading={busy} disabled={!online} data-testid="calendar-import-button" onClick={() => input.current?.click()}>
          {t('calendarFeeds.import.button')}
        </Button>
      </div>
      {!online && <p className="muted">{t('calendarFeeds.offline')}</p>}
      <ErrorMessage error={error} testId="calendar-import-error" />
      {result && (
        <p className="alert alert--success" role="status" data-testid="calendar-import-result">
          {t('calendarFeeds.import.done', { created: result.created, skipped: result.skipped })}
        </p>
      )}
    </div>
  );
}
