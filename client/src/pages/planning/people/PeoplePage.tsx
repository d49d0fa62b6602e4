import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { LoadingScreen } from '../../../ui/LoadingScreen';
import { useUsers } from '../../../data/queries';
import type { UserDoc } from '../../../data/types';
import { useLocalWrites } from '../../../data/useLocalWrites';
import { Notice } from '../missions/ui/Notice';
import '../missions/missions.css';
import { PeopleList } from './PeopleList';
import { PersonForm } from './PersonForm';
import { EMPTY_PERSON, applyPersonEdit, formOfPerson, newPerson } from './person-writes';
import { ReferenceManager } from './reference/ReferenceManager';
import { useMembers } from './useMembers';
import { CalendarFeedPanel } from '../../../components/CalendarFeedPanel';

/** People: the schedulable crew (created and edited offline), their teams and skills. */
export function PeoplePage() {
  const t = useT();
  const { docs, loading } = useUsers();
  const writes = useLocalWrites();
  const members = useMembers();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = editing ? docs.find((u) => u.id === editing) : undefined;

  const toggle = (u: UserDoc) => void writes?.patch('users', u.id, { active: !u.active });

  if (loading) return <LoadingScreen />;
  return (
    <div className="stack page-room" data-testid="planning-people">
      <p className="lead">{t('planPeople.intro')}</p>
      <div className="card stack">
        {current ? (
          <>
            <h2>{t('planPeople.editTitle')}</h2>
            <PersonForm
              key={current.id}
              editingId={current.id}
              initial={formOfPerson(current)}
              members={members}
              submitLabel={t('plan.save')}
              onSave={async (fields) => {
                await writes?.modify('users', current.id, (doc) => applyPersonEdit(doc as UserDoc, fields));
                setEditing(null);
                setNotice(t('planPeople.saved'));
              }}
              onCancel={() => setEditing(null)}
            />
          </>
        ) : (
          <>
            <h2>{t('planPeople.newTitle')}</h2>
            <PersonForm
              initial={EMPTY_PERSON}
              members={members}
              submitLabel={t('planPeople.create')}
              onSave={async (fields) => {
                await writes?.insert('users', newPerson(fields));
                setNotice(t('planPeople.created'));
              }}
            />
          </>
        )}
        {notice && <Notice testId="person-notice">{notice}</Notice>}
      </div>
      <div className="card stack">
        <h2>{t('planPeople.listTitle')}</h2>
        <PeopleList people={docs} members={members} onEdit={(id) => setEditing(id)} onToggleActive={toggle} />
      </div>
      <div className="card stack">
        <h2>{t('planPeople.teamsAndSkills')}</h2>
        <ReferenceManager kind="team" />
        <ReferenceManager kind="skill" />
      </div>
      <div className="card stack">
        <CalendarFeedPanel planner />
      </div>
    </div>
  );
}
