import type { ConventionProfile, PlanningConflict } from '@coulisses/shared';
import { fromIso } from '@coulisses/shared/planning/moves';
import { useState } from 'react';
import { useI18n } from '../../../i18n/useT';
import { whenParts } from '../calendar/calendar-format';
import { personName, type AssignmentDoc, type MissionDoc, type UserDoc } from '../calendar/calendar-types';
import { conflictMeasure, conflictPeriod, conflictSpan } from './conflict-text';
import { conflictKey, type PlanningInput } from './planning-request';
import { ReplacementPicker } from './ReplacementPicker';

export interface ConflictItemProps {
  conflict: PlanningConflict;
  input: PlanningInput;
  users: readonly UserDoc[];
  usersById: Map<string, UserDoc>;
  missionById: Map<string, MissionDoc>;
  assignmentById: Map<string, AssignmentDoc>;
  profile: ConventionProfile;
  tz: string;
  canWrite: boolean;
  onReplace: (assignment: AssignmentDoc, userId: string) => void;
}

/** One planning conflict: kind, person, when, hours against the limit, severity, and replacements to pick. */
export function ConflictItem({ conflict, input, users, usersById, missionById, assignmentById, profile, tz, canWrite, onReplace }: ConflictItemProps) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const name = personName(usersById.get(conflict.userId));
  const period = conflictPeriod(t, locale, conflict);
  const measure = conflictMeasure(t, locale, conflict);
  const span = conflictSpan(t, locale, conflict, tz);
  // The shift to move or replace is the last one (detectConflicts' convention).
  const target = assignmentById.get(conflict.assignmentIds[conflict.assignmentIds.length - 1] ?? '');
  const targetMission = target ? missionById.get(target.missionId) : undefined;
  return (
    <li
      className={`pc-item pc-item--${conflict.severity}`}
      data-testid="pc-item"
      data-key={conflictKey(conflict)}
      data-kind={conflict.kind}
      data-severity={conflict.severity}
      data-user={conflict.userId}
      data-assignments={conflict.assignmentIds.join(',')}
    >
      <div className="pc-item__head">
        <span className={`badge ${conflict.severity === 'error' ? 'badge--rejected' : 'pc-warning'}`}>{t(`planConflicts.severity.${conflict.severity}`)}</span>
        <strong>{t(`planConflicts.kinds.${conflict.kind}`)}</strong>
        <span>{name}</span>
        {period && <span className="muted">{period}</span>}
      </div>
      {measure && <p className="pc-item__measure">{measure}</p>}
      {span && <p className="pc-item__span muted">{span}</p>}
      <ul className="pc-item__missions">
        {[...new Set(conflict.missionIds)].map((id) => {
          const m = missionById.get(id);
          if (!m) return null;
          return <li key={id}>{t('planConflicts.mission', { title: m.title, ...whenParts(locale, fromIso(m), tz) })}</li>;
        })}
      </ul>
      {target && targetMission && canWrite && (
        <div className="pc-item__replace">
          <button type="button" className="button button--secondary button--small" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid={`pc-replace-${target.id}`}>
            {t(open ? 'planConflicts.hideReplacements' : 'planConflicts.showReplacements', { name, title: targetMission.title })}
          </button>
          {open && <ReplacementPicker input={input} users={users} usersById={usersById} mission={targetMission} assignment={target} profile={profile} tz={tz} disabled={!canWrite} onPick={(userId) => onReplace(target, userId)} />}
        </div>
      )}
    </li>
  );
}
