import { type Locale } from '@coulisses/shared';
import type { ExportMeta } from '@coulisses/shared/analytics/export-files';
import type { ExportFormat } from '@coulisses/shared/analytics/export-seal';
import { wallClock } from '@coulisses/shared/time/zone';
import type { ExportView } from './view';

/** Who exports, from where: the signed-in account and its active organisation (the session's /me). */
export interface ExportContext {
  accountId: string;
  userName: string;
  orgId: string;
  timezone: string;
  locale: Locale;
}

/** The metadata a file of `view` carries. */
export function exportMeta(view: ExportView, ctx: ExportContext, exportId: string, exportedAt: string): ExportMeta {
  return {
    exportId,
    viewId: view.viewId,
    title: view.title,
    exportedAt,
    timezone: ctx.timezone,
    orgId: view.orgId,
    orgName: view.orgName,
    projectName: view.projectName,
    exportedBy: ctx.userName,
    accountId: ctx.accountId,
    filters: view.filters,
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** coulisses-analytics-dashboard-20261206-0130.pdf (local time of the organisation). */
export function exportFileName(viewId: string, exportedAt: string, tz: string, format: ExportFormat): string {
  const w = wallClock(Date.parse(exportedAt), tz);
  const slug = viewId.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return `coulisses-${slug}-${w.year}${pad2(w.month)}${pad2(w.day)}-${pad2(w.hour)}${pad2(w.minute)}.${format}`;
}
