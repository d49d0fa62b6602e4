import { useState } from 'react';
import type { Role } from '@coulisses/shared';
import type { Member } from '../../api/types';
import { useT } from '../../i18n/useT';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { RoleSelect } from './RoleSelect';

/** Name, e-mail and role of each member; an admin changes roles here (not their own). */
export function MembersTable({
  members,
  selfAccountId,
  onRoleChange,
}: {
  members: Member[];
  selfAccountId: string;
  onRoleChange: (memberId: string, role: Role) => Promise<void>;
}) {
  const t = useT();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const change = async (memberId: string, role: Role) => {
    setPending(memberId);
    setError(null);
    try {
      await onRoleChange(memberId, role);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };

  if (members.length === 0) return <p className="muted">{t('admin.members.empty')}</p>;

  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid="members-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.members.name')}</th>
              <th scope="col">{t('admin.members.email')}</th>
              <th scope="col">{t('admin.members.role')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const self = member.accountId === selfAccountId;
              return (
                <tr key={member.id} data-testid={`member-row-${member.id}`}>
                  <td data-label={t('admin.members.name')}>
                    <span>
                      {member.name}
                      {self && <span className="muted"> {t('admin.members.you')}</span>}
                    </span>
                  </td>
                  <td data-label={t('admin.members.email')} className="break">
                    {member.email}
                  </td>
                  <td data-label={t('admin.members.role')}>
                    <RoleSelect
                      value={member.role}
                      ariaLabel={t('admin.members.roleOf', { name: member.name })}
                      testId={`member-role-${member.id}`}
                      disabled={self || pending === member.id}
                      onChange={(role) => void change(member.id, role)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={error} testId="members-error" />
    </>
  );
}
