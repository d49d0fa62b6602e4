import { useT } from '../../../../i18n/useT';
import { useRefusedWrites } from '../../../../sync/useSync';
import { personName, type AssignmentDoc, type UserDoc } from '../../../../data/types';
import { usePendingIds } from '../../../../data/usePendingIds';
import { AssignmentRow } from '../assign/AssignmentRow';
import { useAssignActions } from '../assign/useAssignActions';

/** The people on a mission, with the server's refusals (duplicate, overlap) next to the refused one. */
export function AssignmentList({ assignments, people, tz }: { assignments: AssignmentDoc[]; people: Map<string, UserDoc>; tz: string }) {
  const t = useT();
  const actions = useAssignActions();
  const refused = useRefusedWrites().filter((r) => r.collection === 'assignments');
  const pending = usePendingIds('assignments');
  if (assignments.length === 0) return <p className="muted">{t('planAssign.none')}</p>;
  return (
    <ul className="list" data-testid="assignment-list">
      {assignments.map((a) => {
        const person = people.get(a.userId);
        return (
          <AssignmentRow
            key={a.id}
            a={a}
            name={person ? personName(person) : t('planAssign.unknownPerson')}
            refusal={refused.find((r) => r.id === a.id)}
            pending={pending.has(a.id)}
            tz={tz}
            onCancel={() => void actions?.cancel(a.id)}
            onReinvite={() => void actions?.reinvite(a.id)}
          />
        );
      })}
    </ul>
  );
}
