import { useT } from '../../../i18n/useT';
import type { Coverage } from './coverage';
import './coverage.css';

/**
 * A mission's staffing, "accepted/needed" in its tone (complete, partial, empty); the sentence ("2 needed,
 * 1 accepted") is its accessible text and its tooltip.
 */
export function CoverageChip({ coverage, testId }: { coverage: Coverage | null; testId?: string }) {
  const t = useT();
  if (!coverage) return null;
  const label = t('calendar.coverage.label', { needed: coverage.needed, accepted: coverage.accepted });
  return (
    <span className={`cal-cov cal-cov--${coverage.tone}`} title={label} data-testid={testId} data-tone={coverage.tone}>
      <span aria-hidden="true">{t('calendar.coverage.text', { needed: coverage.needed, accepted: coverage.accepted })}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
