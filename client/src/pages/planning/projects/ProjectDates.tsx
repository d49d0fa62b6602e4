import { formatLocalDate } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { projectDates, type ProjectDoc } from './project-writes';

export function ProjectDatesText({ project }: { project: Pick<ProjectDoc, 'startDate' | 'endDate'> }) {
  const { t, locale } = useI18n();
  const d = projectDates(project);
  const fmt = (ymd: string) => formatLocalDate(locale, ymd);
  switch (d.kind) {
    case 'range':
      return <>{t('projects.dates', { start: fmt(d.start), end: fmt(d.end) })}</>;
    case 'from':
      return <>{t('projects.from', { start: fmt(d.start) })}</>;
    case 'until':
      return <>{t('projects.until', { end: fmt(d.end) })}</>;
    default:
      return <>{t('projects.noDates')}</>;
  }
}
