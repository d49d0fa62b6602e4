import { z } from 'zod';
import { SafeText, text } from '../entities/common';
import { MISSION_TYPES } from '../entities/planning';
import { expandWizard, type MissionDraft, type RoleNeed, type TimeRange } from './generate';
import { utcToLocal } from './local-time';

const HHMM = SafeText.regex(/^\d{1,2}:\d{2}$/);

/** The `data` of a reference document of kind 'mission_template'. */
export const MissionTemplateDataSchema = z.object({
  title: SafeText.trim().min(1).max(200),
  type: z.enum(MISSION_TYPES),
  ranges: z.array(z.object({ from: HHMM, to: HHMM })).min(1).max(20),
  roles: z.array(z.object({ role: text(60), count: z.number().int().min(1).max(500), skills: z.array(SafeText).max(20) })).max(50),
});

export type MissionTemplateData = z.infer<typeof MissionTemplateDataSchema>;

/** A template's data, or null when the stored data is not one (another version, a manual edit). */
export function parseTemplateData(data: unknown): MissionTemplateData | null {
  const r = MissionTemplateDataSchema.safeParse(data);
  return r.success ? r.data : null;
}

/** A template saved from a mission: its title, type, role needs and its local start and end times. */
export function templateFromMission(m: { title: string; type: MissionTemplateData['type']; startAt: string; endAt: string; needs: RoleNeed[] }, tz: string): MissionTemplateData {
  const range: TimeRange = { from: utcToLocal(m.startAt, tz).time, to: utcToLocal(m.endAt, tz).time };
  return { title: m.title, type: m.type, ranges: [range], roles: m.needs.map((n) => ({ role: n.role, count: n.count, skills: [...n.skills] })) };
}

export interface ApplyTemplateInput {
  template: MissionTemplateData;
  dates: string[];
  teamId: string | null;
  /** The team's active members: each is invited to every created mission. */
  memberIds: string[];
  projectId: string | null;
  venueId: string | null;
  publish: boolean;
  tz: string;
  /** Members not to invite to a mission (a local overlap check under REFUSE); nobody by default. */
  skip?: (userId: string, mission: { startAt: string; endAt: string }) => boolean;
}

export type TemplateMission = MissionDraft & { id: string; updatedAt: string };

export interface TemplateAssignment {
  id: string;
  updatedAt: string;
  missionId: string;
  userId: string;
  status: 'INVITED';
  statusChangedAt: string;
  statusChangedBy: 'MANAGER';
}

/**
 * Applies a template to a team over chosen dates: one mission per date and time range (through expandWizard,
 * in the organisation's zone) and one INVITED assignment per member and mission.
 */
export function applyTemplate(input: ApplyTemplateInput, newId: () => string, now: string): { missions: TemplateMission[]; assignments: TemplateAssignment[]; skipped: { userId: string; missionId: string }[] } {
  const drafts = expandWizard({
    projectId: input.projectId,
    venueId: input.venueId,
    title: input.template.title,
    type: input.template.type,
    dates: input.dates,
    ranges: input.template.ranges,
    roles: input.template.roles,
    onePerRole: false,
    tz: input.tz,
  });
  const missions: TemplateMission[] = drafts.map((d) => ({ ...d, id: newId(), updatedAt: now, teamId: input.teamId, status: input.publish ? 'PUBLISHED' : 'DRAFT' }));
  const assignments: TemplateAssignment[] = [];
  const skipped: { userId: string; missionId: string }[] = [];
  for (const m of missions) {
    for (const userId of input.memberIds) {
      if (input.skip?.(userId, m)) {
        skipped.push({ userId, missionId: m.id });
        continue;
      }
      assignments.push({ id: newId(), updatedAt: now, missionId: m.id, userId, status: 'INVITED', statusChangedAt: now, statusChangedBy: 'MANAGER' });
    }
  }
  return { missions, assignments, skipped };
}
