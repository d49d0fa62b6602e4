import { missionUid, type IcsEvent, type IcsStatus } from './ics';

/** What a calendar feed knows of one mission (and, in a person's feed, of their assignment on it). */
export interface FeedMission {
  id: string;
  title: string;
  startAt: string;
  endAt: string;
  status: string;
  notes?: string | null;
  venue?: { name: string; address?: string | null } | null;
  /** The person's assignment (person feeds): its status and role. */
  assignment?: { status: string; role?: string | null } | null;
  /** A number that grows on every change of the mission or of the assignment (the rows' change numbers). */
  version: number;
  /** UTC instant of the last change. */
  updatedAt: string;
}

/**
 * The event's status: a cancelled mission, or a declined or cancelled assignment, is CANCELLED; a draft mission or
 * an invitation not answered yet is TENTATIVE; the rest CONFIRMED.
 */
export function missionStatus(m: Pick<FeedMission, 'status' | 'assignment'>): IcsStatus {
  const a = m.assignment?.status;
  if (m.status === 'CANCELLED' || a === 'DECLINED' || a === 'CANCELLED') return 'CANCELLED';
  if (m.status === 'DRAFT' || a === 'INVITED') return 'TENTATIVE';
  return 'CONFIRMED';
}

/** LOCATION: the venue's name and address, comma-separated (escaped by the writer). */
export function missionLocation(venue: FeedMission['venue']): string | null {
  if (!venue) return null;
  const parts = [venue.name, venue.address ?? ''].map((s) => s.trim()).filter((s) => s.length > 0);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** One mission as a VEVENT of a feed served from `host`. */
export function missionEvent(m: FeedMission, host: string): IcsEvent {
  const role = m.assignment?.role?.trim();
  const description = [role ? role : '', m.notes?.trim() ?? ''].filter((s) => s.length > 0).join('\n');
  return {
    uid: missionUid(m.id, host),
    startAt: m.startAt,
    endAt: m.endAt,
    summary: m.title,
    location: missionLocation(m.venue),
    description: description || null,
    status: missionStatus(m),
    sequence: m.version,
    lastModified: m.updatedAt,
  };
}
