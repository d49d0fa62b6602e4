import { type Locale } from '@coulisses/shared';
import type { ExportMeta } from '@coulisses/shared/analytics/export-files';
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

/** The file name (coulisses-analytics-dashboard-20261206-0130.pdf) is shared with the server-made exports. */
