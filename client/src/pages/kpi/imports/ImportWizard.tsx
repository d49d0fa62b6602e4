import type { ImportMapping, ImportMode } from '@coulisses/shared/kpi/import/index';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { fetchImportJob, previewImport, startImport, type ImportJobView, type ImportPreview } from '../../../api/kpi-import';
import { errorText } from '../../../api/error-text';
import { useI18n } from '../../../i18n/useT';
import { useOnlineStatus } from '../../../pwa/useOnlineStatus';
import { Button, Chip, FormField, IconUpload, Select, Table } from '../../../ui';
import { JOB_TONES, issueText } from './JobLog';

type Draft = { kpi: number | null; period: number | null; value: number | null; comment: number | null };
const ROLES = ['kpi', 'period', 'value', 'comment'] as const;
const LABELS = { kpi: 'kpiImport.colKpi', period: 'kpiImport.colPeriod', value: 'kpiImport.colValue', comment: 'kpiImport.colComment' } as const;
const SHOWN_ERRORS = 50;

function complete(d: Draft): ImportMapping | null {
  if (d.kpi === null || d.period === null || d.value === null) return null;
  if (new Set([d.kpi, d.period, d.value, ...(d.comment === null ? [] : [d.comment])]).size !== (d.comment === null ? 3 : 4)) return null;
  return { kpi: d.kpi, period: d.period, value: d.value, comment: d.comment };
}

/**
 * Upload, column mapping with a preview, per-row errors with line numbers, the choice between importing nothing
 * and keeping the valid rows, then a progress bar until the job ends. Needs the network (the file is read by the
 * server); says so offline.
 */
export function ImportWizard() {
  const { t, locale } = useI18n();
  const online = useOnlineStatus();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [draft, setDraft] = useState<Draft>({ kpi: null, period: null, value: null, comment: null });
  const [mode, setMode] = useState<ImportMode>('ALL_OR_NOTHING');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [job, setJob] = useState<ImportJobView | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const request = useRef(0);

  const load = async (f: File, mapping: ImportMapping | null) => {
    const n = ++request.current;
    setBusy(true);
    setError('');
    try {
      const p = await previewImport(f, mapping);
      if (n !== request.current) return;
      setPreview(p);
      if (!mapping) setDraft(p.mapping ? { ...p.mapping, comment: p.mapping.comment ?? null } : p.suggestedMapping);
    } catch (e) {
      if (n === request.current) { setError(errorText(locale, e)); setPreview(null); }
    } finally {
      if (n === request.current) setBusy(false);
    }
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0] ?? null;
    setFile(f);
    setPreview(null);
    setJob(null);
    if (f) void load(f, null);
  };

  const onMap = (role: (typeof ROLES)[number], raw: string) => {
    const next = { ...draft, [role]: raw === '' ? null : Number(raw) };
    setDraft(next);
    const m = complete(next);
    if (file && m) void load(file, m);
  };

  // Follows a started job until it ends (GET; the job also arrives in the log through sync).
  useEffect(() => {
    if (!job || job.status === 'SUCCESS' || job.status === 'FAILED') return;
    const timer = setTimeout(() => {
      fetchImportJob(job.id).then(setJob, (e: unknown) => setError(errorText(locale, e)));
    }, 400);
    return () => clearTimeout(timer);
  }, [job, locale]);

  const mapping = complete(draft);
  const start = async () => {
    if (!file || !mapping) return;
    setBusy(true);
    setError('');
    try {
      setJob(await startImport(file, mapping, mode));
      setPreview(null);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  };

  const finished = job && (job.status === 'SUCCESS' || job.status === 'FAILED');
  return (
    <section className="kpi-import__wizard stack" aria-labelledby="kpi-import-title" data-testid="kpi-import-wizard">
      <h2 id="kpi-import-title">{t('kpiImport.title')}</h2>
      <p className="kpi-import__intro">{t('kpiImport.intro')}</p>
      {!online && (
        <p className="kpi-import__offline" role="status" data-testid="kpi-import-offline">
          {t('kpiImport.offline')}
        </p>
      )}
      <div className="kpi-import__file">
        {/* The native input stays for keyboards, screen readers and drops; the design system's button opens it. */}
        <input
          ref={input}
          id="kpi-import-file"
          className="visually-hidden"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={onFile}
          disabled={!online || busy}
          aria-label={t('kpiImport.fileLabel')}
          tabIndex={-1}
          data-testid="kpi-import-file"
        />
        <Button variant="secondary" icon={IconUpload} onClick={() => input.current?.click()} disabled={!online || busy} data-testid="kpi-import-choose">
          {t('kpiImport.chooseFile')}
        </Button>
        <span className="kpi-import__file-name">{file?.name ?? ''}</span>
      </div>
      {busy && !preview && <p role="status">{t('kpiImport.reading')}</p>}
      {error && (
        <p className="kpi-import__error" role="alert" data-testid="kpi-import-error">
          {error}
        </p>
      )}

      {preview && (
        <>
          <fieldset className="kpi-import__mapping">
            <legend>{t('kpiImport.mappingTitle')}</legend>
            {ROLES.map((role) => (
              <FormField key={role} label={t(LABELS[role])}>
                <Select value={draft[role] ?? ''} onChange={(e) => onMap(role, e.target.value)} data-testid={`kpi-import-map-${role}`}>
                  <option value="">{t('kpiImport.noColumn')}</option>
                  {preview.columns.map((c, i) => (
                    <option key={i} value={i}>
                      {c}
                    </option>
                  ))}
                </Select>
              </FormField>
            ))}
          </fieldset>

          <Table<ImportPreview['rows'][number]>
            caption={t('kpiImport.previewTitle')}
            responsive="scroll"
            dense
            maxHeight="22rem"
            testId="kpi-import-preview"
            rows={preview.rows}
            rowKey={(r) => String(r.line)}
            columns={[
              { key: 'line', header: t('kpiImport.line'), render: (r) => r.line, align: 'end', width: '4rem' },
              ...preview.columns.map((c, i) => ({ key: `c${i}`, header: c, render: (r: ImportPreview['rows'][number]) => (r.cells[i] === null ? '' : String(r.cells[i])) })),
            ]}
          />

          <p data-testid="kpi-import-summary">{t('kpiImport.summary', { total: preview.totalRows, valid: preview.validRows, errors: preview.errorCount })}</p>
          {preview.errors.length > 0 && (
            <div className="kpi-import__errors">
              <h3>{t('kpiImport.errorsTitle')}</h3>
              <ul data-testid="kpi-import-errors">
                {preview.errors.slice(0, SHOWN_ERRORS).map((e) => (
                  <li key={`${e.line}-${e.code}`} data-testid={`kpi-import-error-line-${e.line}`}>
                    <strong>{t('kpiImport.errorLine', { line: e.line })}</strong>
                    {e.column ? ` (${e.column})` : ''} : {issueText(t, e.code, { firstLine: e.firstLine ?? '' })}
                  </li>
                ))}
              </ul>
              {preview.errorCount > SHOWN_ERRORS && <p>{t('kpiImport.moreErrors', { count: preview.errorCount - SHOWN_ERRORS })}</p>}
            </div>
          )}

          <fieldset className="kpi-import__mode">
            <legend>{t('kpiImport.modeTitle')}</legend>
            {(['ALL_OR_NOTHING', 'KEEP_VALID'] as const).map((m) => (
              <label key={m} className="kpi-import__radio">
                <input type="radio" name="kpi-import-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`kpi-import-mode-${m}`} />
                {t(m === 'ALL_OR_NOTHING' ? 'kpiImport.modeAll' : 'kpiImport.modeKeep')}
              </label>
            ))}
          </fieldset>
          <div className="kpi-import__actions">
            <Button variant="primary" onClick={() => void start()} disabled={!mapping || !online} loading={busy} data-testid="kpi-import-start">
              {t('kpiImport.start')}
            </Button>
          </div>
        </>
      )}

      {job && (
        <div className="kpi-import__job" data-testid="kpi-import-current">
          <Chip tone={JOB_TONES[job.status]} dot data-testid="kpi-import-current-status">
            {t(`kpiImport.status.${job.status}`)}
          </Chip>
          {!finished && (
            <>
              <progress value={job.processed} max={Math.max(job.total, 1)} aria-label={t('kpiImport.progress', { processed: job.processed, total: job.total })} data-testid="kpi-import-progress" />
              <span>{t('kpiImport.progress', { processed: job.processed, total: job.total })}</span>
            </>
          )}
          {finished && (
            <span data-testid="kpi-import-current-counts">
              {t('kpiImport.jobCounts', { imported: job.imported, unchanged: job.unchanged, rejected: job.rejected, total: job.total })}
              {job.errorCode ? ` - ${t('kpiImport.jobErrorCode', { code: issueText(t, job.errorCode) })}` : ''}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
