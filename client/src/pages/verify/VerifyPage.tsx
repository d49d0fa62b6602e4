import { useRef, useState, type DragEvent } from 'react';
import { errorText } from '../../api/error-text';
import { verifyExportFile, type VerifyAnswer, type VerifyResult } from '../../exports/verify-api';
import '../../exports/exports.css';
import { useI18n } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { Chip } from '../../ui/Chip';
import type { Tone } from '../../ui/tones';

const TONE: Record<VerifyResult, Tone> = { GENUINE: 'success', ALTERED: 'danger', UNSIGNED: 'warning', UNKNOWN: 'neutral' };

/** Public page: drop an exported file and see who exported it and when, or that it was altered (issue 13). */
export function VerifyPage() {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [answer, setAnswer] = useState<VerifyAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string, timeZone: string) => `${new Date(iso).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone })} (${timeZone})`;

  const check = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setAnswer(null);
    setError(null);
    setFileName(file.name);
    try {
      setAnswer(await verifyExportFile(file));
    } catch (err) {
      setError(navigator.onLine === false ? t('exportsPage.offlineNeeded') : errorText(locale, err));
    } finally {
      setBusy(false);
    }
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    void check(event.dataTransfer.files[0]);
  };
  const e = answer?.export;

  return (
    <section className="page stack" aria-labelledby="title-verify">
      <h1 id="title-verify" data-testid="page-verify">
        {t('exportsPage.title')}
      </h1>
      <p className="lead">{t('exportsPage.intro')}</p>
      <div
        className="verify-drop"
        data-over={over}
        data-testid="verify-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{t('exportsPage.drop')}</p>
        <input ref={input} type="file" accept=".csv,.png,.pdf,text/csv,image/png,application/pdf" className="visually-hidden" data-testid="verify-file" tabIndex={-1} aria-hidden="true" onChange={(event) => void check(event.target.files?.[0])} />
        <Button variant="primary" onClick={() => input.current?.click()} disabled={busy}>
          {t('exportsPage.choose')}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="verify-result stack" data-testid="verify-result" data-result={answer?.result ?? (busy ? 'checking' : 'none')}>
        {busy ? <p>{t('exportsPage.checking')}</p> : null}
        {error ? <p data-testid="verify-error">{error}</p> : null}
        {answer ? (
          <>
            <p>
              <Chip tone={TONE[answer.result]} data-testid="verify-verdict">
                {t(`exportsVerify.short.${answer.result}`)}
              </Chip>{' '}
              {answer.message}
            </p>
            <p className="muted" data-testid="verify-reason">
              {t(`exportsVerify.reason.${answer.reason}` as 'exportsVerify.reason.NO_SEAL')}
            </p>
            <dl>
              {fileName ? (
                <>
                  <dt>{t('exportsPage.fileName')}</dt>
                  <dd>{fileName}</dd>
                </>
              ) : null}
              {e ? (
                <>
                  <dt>{t('exportsPage.exportedBy')}</dt>
                  <dd data-testid="verify-who">{e.exportedBy.name ?? '-'}</dd>
                  <dt>{t('exportsPage.exportedAt')}</dt>
                  <dd data-testid="verify-when">{when(e.exportedAt, e.orgTimezone)}</dd>
                  <dt>{t('exportsPage.organisation')}</dt>
                  <dd>{e.orgName ?? '-'}</dd>
                  {e.projectName ? (
                    <>
                      <dt>{t('exportsPage.project')}</dt>
                      <dd>{e.projectName}</dd>
                    </>
                  ) : null}
                  <dt>{t('exportsPage.view')}</dt>
                  <dd>{e.viewId}</dd>
                  <dt>{t('exportsPage.madeBy')}</dt>
                  <dd data-testid="verify-made-by">{e.serverMade ? t('exportsPage.madeByServer') : t('exportsPage.madeByDevice')}</dd>
                  <dt>{t('exportsPage.filters')}</dt>
                  <dd>
                    {Object.entries(e.filters)
                      .filter(([, v]) => v !== null && v !== '')
                      .map(([k, v]) => `${k}: ${v}`)
                      .join(', ') || '-'}
                  </dd>
                  <dt>{t('exportsPage.signedAt')}</dt>
                  <dd>
                    {when(e.signedAt, e.orgTimezone)}
                    {e.createdOffline ? ` (${t('exportsPage.offline')})` : ''}
                  </dd>
                  <dt>{t('exportsPage.key')}</dt>
                  <dd>{e.keyId}</dd>
                </>
              ) : null}
              {answer.sha256 ? (
                <>
                  <dt>{t('exportsPage.hash')}</dt>
                  <dd className="mono">{answer.sha256}</dd>
                </>
              ) : null}
            </dl>
          </>
        ) : null}
      </div>
      <p>
        <a href="/api/v1/analytics/exports/public-key">{t('exportsPage.publicKey')}</a>
      </p>
    </section>
  );
}
