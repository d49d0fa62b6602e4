import { countByStatus } from '@coulisses/shared/planning/status-counts';
import { useT } from '../../../i18n/useT';
import { StatusBadge, type BadgeGroup } from '../../../components/StatusBadge';

/** One badge per status with its count (zeros too, so the row always reads the same). */
export function StatusCounts<S extends string>({ label, group, items, statuses, testPrefix }: { label: string; group: BadgeGroup; items: readonly { status: S }[]; statuses: readonly S[]; testPrefix: string }) {
  const t = useT();
  const counts = countByStatus(items, statuses);
  return (
    <div className="status-counts" data-testid={testPrefix}>
      <span className="status-counts__label">{label}</span>
      {statuses.map((s) => (
        <span key={s} className="status-counts__item" data-testid={`${testPrefix}-${s}`} data-count={counts[s]}>
          <StatusBadge group={group} status={s} /> <strong>{counts[s]}</strong>
        </span>
      ))}
      <span className="visually-hidden">{t('plan.total', { count: items.length })}</span>
    </div>
  );
}
