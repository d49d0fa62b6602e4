import { z } from 'zod';
import type { RouteGroup } from '../../http/openapi';
import { named } from '../../http/openapi';
import { ImportQuery } from './import-routes';
import { CreateFeedBody } from './routes';

const Feed = z.object({
  id: z.string(),
  scope: z.enum(['person', 'team', 'org']),
  subjectId: z.string().nullable().meta({ description: 'The person (scope person) or team (scope team); null for the organisation' }),
  createdBy: z.string().meta({ description: 'Account that created the feed' }),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
const CreatedFeed = z.object({
  feed: Feed,
  url: z.string().meta({ description: 'The secret address https://<host>/ics/<token>.ics, shown this once (only its SHA-256 is stored)' }),
  webcalUrl: z.string().meta({ description: 'The same address with the webcal: scheme (opens the calendar application)' }),
});
const FeedList = z.object({ feeds: z.array(Feed) });
const ImportForm = z.object({ file: z.string().meta({ format: 'binary', description: 'The .ics file, 1 MiB at most (or send it as the raw body with Content-Type text/calendar)' }) });
const ImportAnswer = z.object({
  userId: z.string(),
  created: z.number().int().meta({ description: 'New UNAVAILABLE availabilities' }),
  skipped: z.number().int().meta({ description: 'Events or occurrences left out: already imported, free or cancelled, outside the next 12 months, refused' }),
});

const TAG = 'Calendar';

/** The calendar feed and import routes for the OpenAPI document (docs/decisions/notifications.md). */
export const calendarApiGroups: RouteGroup[] = [
  {
    tag: TAG,
    description: 'Calendar feeds (ICS subscriptions of missions, read at the public address GET /ics/<token>.ics outside /api/v1) and the import of an .ics file as availability.',
    routes: [
      {
        method: 'post', path: '/calendar/feeds', operationId: 'createCalendarFeed', summary: 'Create a calendar feed', tag: TAG,
        roles: 'TECH (scope person, their own person only), ADMIN, MANAGER (any person, team or the organisation)',
        description: 'A random 32-byte token; the answer holds the address once. GET /ics/<token>.ics (no session) answers text/calendar (RFC 5545): one VEVENT per mission from 60 days back to 12 months ahead, UID mission-<id>@<host>, DTSTART/DTEND in UTC, SEQUENCE the highest change number of the mission, the assignment and the venue, STATUS CONFIRMED, TENTATIVE (draft, invitation) or CANCELLED (cancelled mission, declined or cancelled assignment), LOCATION the venue\'s name and address; Cache-Control private, max-age=300 and an ETag. Unknown, revoked and no-longer-allowed feeds (the creator left the organisation or lost the role) are the same 404.',
        body: named('CalendarFeedCreate', CreateFeedBody),
        responses: [{ status: 201, description: 'The feed and its address', schema: named('CalendarFeedCreated', CreatedFeed) }],
        errors: [400, 401, 403, 404],
      },
      {
        method: 'get', path: '/calendar/feeds', operationId: 'listCalendarFeeds', summary: 'List calendar feeds (no tokens)', tag: TAG,
        roles: 'ADMIN, MANAGER (the organisation\'s), TECH (the ones they created)',
        responses: [{ status: 200, description: 'The feeds, newest first', schema: named('CalendarFeedList', FeedList) }],
        errors: [401, 403],
      },
      {
        method: 'post', path: '/calendar/feeds/:id/revoke', operationId: 'revokeCalendarFeed', summary: 'Revoke a calendar feed', tag: TAG,
        roles: 'ADMIN, MANAGER, TECH (their own feeds)', params: { id: 'Feed id' },
        responses: [{ status: 200, description: 'The revoked feed', schema: z.object({ feed: Feed }) }],
        errors: [401, 403, 404],
      },
      {
        method: 'post', path: '/calendar/import', operationId: 'importCalendar', summary: 'Import an .ics file as unavailability', tag: TAG,
        roles: 'TECH (their own person), ADMIN, MANAGER (any person: userId)',
        description: 'Each busy VEVENT (not TRANSP:TRANSPARENT, not cancelled) of the next 12 months, recurring events expanded (RRULE, RDATE, EXDATE, changed occurrences), becomes an UNAVAILABLE availability written through the sync core (a TECH\'s waits for approval where the organisation asks for it). The id comes from the UID and the occurrence start: importing again creates nothing. Times with an IANA TZID in that zone; floating times, all-day dates and other TZIDs in the organisation\'s zone. Refusals: ICS_NO_FILE, ICS_INVALID (not iCalendar, NUL characters, not UTF-8), ICS_TOO_LARGE (over 1 MiB or 2,000 occurrences), 415 for another content type.',
        query: ImportQuery, body: ImportForm, bodyContentType: 'multipart/form-data',
        responses: [{ status: 200, description: 'The counts', schema: named('CalendarImportResult', ImportAnswer) }],
        errors: [400, 401, 403, 404, 413, 415],
      },
    ],
  },
];
