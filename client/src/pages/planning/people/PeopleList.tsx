import { useT } from '../../../i18n/useT';
import { byId, useReference } from '../../../data/queries';
import { personName, type UserDoc } from '../../../data/types';
import type { MembersLoad } from './useMembers';
import { enumLabel } from '../../../i18n/enum-label';

/** The schedulable people: contacts, employment, skills, teams, login account; edit and (de)activate. */
export function PeopleList({ people, members, onEdit, onToggleActive }: { people: UserDoc[]; members: MembersLoad; onEdit: (id: string) => void; onToggleActive: (u: UserDoc) => void }) {
  const t = useT();
  const skills = byId(useReference('skill').docs);
  const teams = byId(useReference('team').docs);
  const memberOf = (accountId: string) => (members.status === 'loaded' ? members.members.find((m) => m.accountId === accountId) : undefined);
  const sorted = [...people].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
  if (people.length === 0) return <p className="muted">{t('planPeople.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="people-list">
        <thead>
          <tr>
            <th>{t('planPeople.name')}</th>
            <th>{t('planPeople.contact')}</th>
            <th>{t('planPeople.employment')}</th>
            <th>{t('planPeople.skills')}</th>
            <th>{t('planPeople.teams')}</th>
            <th>{t('planPeople.account')}</th>
            <th>{t('plan.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((u) => {
            const member = u.accountId ? memberOf(u.accountId) : undefined;
            return (
              <tr key={u.id} data-testid={`person-row-${u.id}`} data-active={u.active} data-account-id={u.accountId ?? ''}>
                <td data-label={t('planPeople.name')}>
                  <strong className="break">{personName(u)}</strong>
                  {!u.active && <span className="badge"> {t('planPeople.inactive')}</span>}
                  {u.tags.length > 0 && <div className="muted small">{u.tags.join(', ')}</div>}
                </td>
                <td data-label={t('planPeople.contact')} className="break">
                  {[u.email, u.phone].filter(Boolean).join(' / ') || '-'}
                </td>
                <td data-label={t('planPeople.employment')}>{enumLabel(t, 'employmentType', u.employmentType)}</td>
                <td data-label={t('planPeople.skills')}>{u.skills.map((s) => skills.get(s)?.name ?? '?').join(', ') || '-'}</td>
                <td data-label={t('planPeople.teams')}>{u.teamIds.map((s) => teams.get(s)?.name ?? '?').join(', ') || '-'}</td>
                <td data-label={t('planPeople.account')} data-testid={`person-account-${u.id}`}>
                  {u.accountId ? (member ? member.email : t('planPeople.linked')) : '-'}
                </td>
                <td className="row-actions">
                  <button type="button" className="button button--secondary button--small" data-testid={`person-edit-${u.id}`} onClick={() => onEdit(u.id)}>
                    {t('plan.edit')}
                  </button>
                  <button type="button" className="button button--ghost button--small" data-testid={`person-toggle-${u.id}`} onClick={() => onToggleActive(u)}>
                    {u.active ? t('planPeople.deactivate') : t('planPeople.activate')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
