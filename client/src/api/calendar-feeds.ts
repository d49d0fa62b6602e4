import { apiPostForm, apiRequest } from './http';

/** Calendar feeds (docs/api.md, "Calendar feeds"): secret ICS addresses of missions, and .ics import. */
export type FeedScope = 'person' | 'team' | 'org';

export interface CalendarFeed {
  id: string;
  scope: FeedScope;
  subjectId: string | null;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedFeed {
  feed: CalendarFeed;
  /** Shown once: only the server's hash of its token remains. */
  url: string;
  webcalUrl: string;
}

export async function listFeeds(): Promise<CalendarFeed[]> {
  return (await apiRequest<{ feeds: CalendarFeed[] }>('/api/v1/calendar/feeds')).feeds;
}

export function createFeed(scope: FeedScope, subjectId: string | null = null): Promise<CreatedFeed> {
  return apiRequest<CreatedFeed>('/api/v1/calendar/feeds', { method: 'POST', body: subjectId ? { scope, subjectId } : { scope } });
}

export async function revokeFeed(id: string): Promise<CalendarFeed> {
  return (await apiRequest<{ feed: CalendarFeed }>(`/api/v1/calendar/feeds/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: {} })).feed;
}

export interface ImportResult {
  userId: string;
  created: number;
  skipped: number;
}

/** Sends an .ics file (multipart) as the busy times of `userId` (the caller's own person when null). */
export async function importCalendar(file: File, userId: string | null = null): Promise<ImportResult> {
  const form = new FormData();
  form.set('file', file, file.name);
  const path = `/api/v1/calendar/import${userId ? `?userId=${encodeURIComponent(userId)}` : ''}`;
  return apiPostForm<ImportResult>(path, form);
}
