import { KPI_AGGREGATIONS, KPI_DIRECTIONS, KPI_FREQUENCIES, KPI_SOURCES, KPI_THRESHOLD_KINDS, periodStartOf } from '@coulisses/shared';
import { useState, type FormEvent } from 'react';
import { useProjects, useReference, useUsers } from '../../../data/queries';
import { personName } from '../../../data/types';
import { AUTO_METRICS, AUTO_METRIC_UNITS, type AutoMetricName } from '../../../data/kpi/types';
import type { KpiFields } from '../../../data/kpi/writes';
import { useOrgToday } from '../../../data/kpi/board-queries';
import { enumLabel } from '../../../i18n/enum-label';
import { useT } from '../../../i18n/useT';
import { Button, FormField, IconButton, IconPlus, IconTrash, Input, Select, Sheet, SheetFormFooter, Textarea } from '../../../ui';
import { BandsPreview } from './BandsPreview';
import { DEFAULT_BANDS, readKpiForm, type KpiFormErrors, type KpiFormValues } from './kpi-form';

/**
 * Creates or edits a KPI: what it measures, its target (fixed or by period), its bands (absolute or percent of
 * the target, previewed live), how periods add up, its owner and where its values come from.
 */
export function KpiEditor({ editing, initial, onClose, onSave }: { editing: boolean; initial: KpiFormValues; onClose: () => void; onSave: (f: KpiFields) => Promise<void> }) {
  const t = useT();
  const today = useOrgToday();
  const people = useUsers().docs.filter((u) => u.active);
  const projects = useProjects().docs;
  const venues = useReference('venue').docs.filter((d) => !d.archived);
  const [v, setV] = useState<KpiFormValues>(initial);
  const [errors, setErrors] = useState<KpiFormErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof KpiFormValues>(k: K, value: KpiFormValues[K]) => setV((x) => ({ ...x, [k]: value }));
  const issue = (code: string | undefined) => (code ? t(`kpi.issue.${code as IssueCode}`) : undefined);

  const setDirection = (direction: KpiFormValues['direction']) =>
    setV((x) => {
      const wasDefault = x.green === DEFAULT_BANDS[x.direction].green && x.orange === DEFAULT_BANDS[x.direction].orange;
      return { ...x, direction, ...(wasDefault && x.thresholdKind === 'PERCENT_OF_TARGET' ? DEFAULT_BANDS[direction] : {}) };
    });
  const setMetric = (metric: AutoMetricName | '') => setV((x) => ({ ...x, metric, unit: metric && !x.unit.trim() ? AUTO_METRIC_UNITS[metric] : x.unit }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readKpiForm(v);
    if ('errors' in read) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSave(read.fields);
      onClose();
    } catch {
      setErrors({ form: 'SAVE_FAILED' });
    } finally {
      setBusy(false);
    }
  };

  const formId = 'kpi-editor-form';
  const nextSeriesStart = periodStartOf(today, v.frequency);
  return (
    <Sheet
      open
      size="lg"
      onClose={onClose}
      title={editing ? t('kpi.editor.editTitle') : t('kpi.editor.newTitle')}
      testId="kpi-editor"
      footer={<SheetFormFooter formId={formId} onClose={onClose} busy={busy} submitLabel={editing ? t('kpi.save') : t('kpi.create')} submitTestId="kpi-editor-submit" />}
    >
      <form id={formId} className="stack kpi-form" onSubmit={submit} noValidate>
        <FormField label={t('kpi.editor.name')} required error={issue(errors.name)}>
          <Input value={v.name} maxLength={200} onChange={(e) => set('name', e.target.value)} data-testid="kpi-name" autoComplete="off" />
        </FormField>
        <FormField label={t('kpi.editor.description')} optional>
          <Textarea value={v.description} rows={2} maxLength={5000} onChange={(e) => set('description', e.target.value)} />
        </FormField>
        <div className="kpi-form__row">
          <FormField label={t('kpi.editor.unit')} hint={t('kpi.editor.unitHint')} error={issue(errors.unit)}>
            <Input value={v.unit} maxLength={20} onChange={(e) => set('unit', e.target.value)} data-testid="kpi-unit" autoComplete="off" />
          </FormField>
          <FormField label={t('kpi.editor.decimals')} error={issue(errors.decimals)}>
            <Input value={v.decimals} inputMode="numeric" onChange={(e) => set('decimals', e.target.value)} data-testid="kpi-decimals" />
          </FormField>
        </div>
        <div className="kpi-form__row">
          <FormField label={t('kpi.editor.frequency')}>
            <Select value={v.frequency} onChange={(e) => set('frequency', e.target.value as KpiFormValues['frequency'])} data-testid="kpi-frequency">
              {KPI_FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {enumLabel(t, 'kpiFrequency', f)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('kpi.editor.direction')}>
            <Select value={v.direction} onChange={(e) => setDirection(e.target.value as KpiFormValues['direction'])} data-testid="kpi-direction">
              {KPI_DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {enumLabel(t, 'kpiDirection', d)}
                </option>
              ))}
            </Select>
          </FormField>
        </div>

        <fieldset className="kpi-fieldset">
          <legend>{t('kpi.editor.target')}</legend>
          <div className="kpi-segmented" role="radiogroup" aria-label={t('kpi.editor.targetMode')}>
            {(['NONE', 'FIXED', 'SERIES'] as const).map((m) => (
              <label key={m} className="kpi-segmented__option">
                <input type="radio" name="kpi-target-mode" value={m} checked={v.targetMode === m} onChange={() => set('targetMode', m)} data-testid={`kpi-target-mode-${m}`} />
                {t(`kpi.editor.targetMode${m}`)}
              </label>
            ))}
          </div>
          {v.targetMode === 'FIXED' && (
            <FormField label={t('kpi.editor.targetValue')} error={issue(errors.target)}>
              <Input value={v.target} inputMode="decimal" onChange={(e) => set('target', e.target.value)} data-testid="kpi-target" />
            </FormField>
          )}
          {v.targetMode === 'SERIES' && (
            <div className="stack">
              {v.series.map((p, i) => (
                <div key={i} className="kpi-form__row kpi-form__row--series">
                  <FormField label={t('kpi.editor.seriesFrom')}>
                    <Input type="date" value={p.periodStart} onChange={(e) => set('series', v.series.map((x, j) => (j === i ? { ...x, periodStart: e.target.value } : x)))} data-testid={`kpi-series-start-${i}`} />
                  </FormField>
                  <FormField label={t('kpi.editor.targetValue')}>
                    <Input value={p.target} inputMode="decimal" onChange={(e) => set('series', v.series.map((x, j) => (j === i ? { ...x, target: e.target.value } : x)))} data-testid={`kpi-series-target-${i}`} />
                  </FormField>
                  <IconButton icon={IconTrash} label={t('kpi.editor.removePoint')} onClick={() => set('series', v.series.filter((_, j) => j !== i))} />
                </div>
              ))}
              {errors.target && (
                <p className="alert alert--error" role="alert">
                  {issue(errors.target)}
                </p>
              )}
              <Button variant="secondary" size="sm" icon={IconPlus} onClick={() => set('series', [...v.series, { periodStart: nextSeriesStart, target: '' }])} data-testid="kpi-series-add">
                {t('kpi.editor.addPoint')}
              </Button>
            </div>
          )}
        </fieldset>

        <fieldset className="kpi-fieldset">
          <legend>{t('kpi.editor.bands')}</legend>
          <FormField label={t('kpi.editor.thresholdKind')}>
            <Select value={v.thresholdKind} onChange={(e) => set('thresholdKind', e.target.value as KpiFormValues['thresholdKind'])} data-testid="kpi-threshold-kind">
              {KPI_THRESHOLD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {enumLabel(t, 'kpiThresholdKind', k)}
                </option>
              ))}
            </Select>
          </FormField>
          <div className="kpi-form__row">
            <FormField label={t('kpi.editor.green')} hint={t(`kpi.editor.greenHint.${v.direction}`)}>
              <Input value={v.green} inputMode="decimal" onChange={(e) => set('green', e.target.value)} data-testid="kpi-green" />
            </FormField>
            <FormField label={t('kpi.editor.orange')} hint={t(`kpi.editor.orangeHint.${v.direction}`)}>
              <Input value={v.orange} inputMode="decimal" onChange={(e) => set('orange', e.target.value)} data-testid="kpi-orange" />
            </FormField>
          </div>
          {errors.bands && (
            <p className="alert alert--error" role="alert" data-testid="kpi-bands-error">
              {issue(errors.bands)}
            </p>
          )}
          <BandsPreview values={v} period={periodStartOf(today, v.frequency)} />
        </fieldset>

        <div className="kpi-form__row">
          <FormField label={t('kpi.editor.aggregation')} hint={t('kpi.editor.aggregationHint')}>
            <Select value={v.aggregation} onChange={(e) => set('aggregation', e.target.value as KpiFormValues['aggregation'])} data-testid="kpi-aggregation">
              {KPI_AGGREGATIONS.map((a) => (
                <option key={a} value={a}>
                  {enumLabel(t, 'kpiAggregation', a)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('kpi.editor.grace')} hint={t('kpi.editor.graceHint')} error={issue(errors.grace)}>
            <Input value={v.grace} inputMode="numeric" onChange={(e) => set('grace', e.target.value)} data-testid="kpi-grace" />
          </FormField>
        </div>
        <FormField label={t('kpi.editor.owner')}>
          <Select value={v.ownerUserId} onChange={(e) => set('ownerUserId', e.target.value)} data-testid="kpi-owner">
            <option value="">{t('kpi.noOwner')}</option>
            {people.map((u) => (
              <option key={u.id} value={u.id}>
                {personName(u)}
              </option>
            ))}
          </Select>
        </FormField>

        <fieldset className="kpi-fieldset">
          <legend>{t('kpi.editor.source')}</legend>
          <Select aria-label={t('kpi.editor.source')} value={v.source} onChange={(e) => set('source', e.target.value as KpiFormValues['source'])} data-testid="kpi-source">
            {KPI_SOURCES.map((s) => (
              <option key={s} value={s}>
                {enumLabel(t, 'kpiSource', s)}
              </option>
            ))}
          </Select>
          {v.source === 'AUTOMATIC' && (
            <>
              <FormField label={t('kpi.editor.metric')} required error={issue(errors.metric)}>
                <Select value={v.metric} onChange={(e) => setMetric(e.target.value as AutoMetricName | '')} data-testid="kpi-metric">
                  <option value="">{t('kpi.editor.chooseMetric')}</option>
                  {AUTO_METRICS.map((m) => (
                    <option key={m} value={m}>
                      {enumLabel(t, 'kpiAutoMetric', m)} ({AUTO_METRIC_UNITS[m]})
                    </option>
                  ))}
                </Select>
              </FormField>
              <div className="kpi-form__row">
                <FormField label={t('kpi.editor.project')}>
                  <Select value={v.projectId} onChange={(e) => set('projectId', e.target.value)} data-testid="kpi-project">
                    <option value="">{t('kpi.editor.wholeOrg')}</option>
                    {projects.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </Select>
                </FormField>
                <FormField label={t('kpi.editor.venue')}>
                  <Select value={v.venueId} onChange={(e) => set('venueId', e.target.value)} data-testid="kpi-venue">
                    <option value="">{t('kpi.editor.allVenues')}</option>
                    {venues.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </Select>
                </FormField>
              </div>
            </>
          )}
        </fieldset>
        <label className="kpi-check">
          <input type="checkbox" checked={v.active} onChange={(e) => set('active', e.target.checked)} data-testid="kpi-active" />
          {t('kpi.editor.active')}
        </label>
        {errors.form && (
          <p className="alert alert--error" role="alert">
            {issue(errors.form)}
          </p>
        )}
      </form>
    </Sheet>
  );
}

type IssueCode = 'NAME_REQUIRED' | 'NUMBER' | 'DECIMALS' | 'GRACE' | 'SERIES_INCOMPLETE' | 'METRIC_REQUIRED' | 'INVALID' | 'SAVE_FAILED' | 'KPI_BANDS_ORDER' | 'KPI_NEGATIVE_BAND' | 'KPI_TARGET_SERIES_ORDER' | 'KPI_TARGET_NOT_PERIOD_START';
