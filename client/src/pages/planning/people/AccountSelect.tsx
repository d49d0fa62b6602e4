import { useT } from '../../../i18n/useT';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SelectField } from '../../../components/SelectField';
import type { MembersLoad } from './useMembers';
import { enumLabel } from '../../../i18n/enum-label';

/** The login account of a person: one of the organisation's members (GET /api/v1/org/members), or none. */
export function AccountSelect({ value, onValue, members, takenBy }: { value: string; onValue: (v: string) => void; members: MembersLoad; takenBy: Map<string, string> }) {
  const t = useT();
  const list = members.status === 'loaded' ? members.members : [];
  const options = [{ value: '', label: t('planPeople.noAccount') }, ...list.map((m) => ({ value: m.accountId, label: `${m.name} <${m.email}> - ${enumLabel(t, 'role', m.role)}${takenBy.has(m.accountId) ? ` (${t('planPeople.linkedTo', { name: takenBy.get(m.accountId)! })})` : ''}` }))];
  if (value && !list.some((m) => m.accountId === value)) options.push({ value, label: t('planPeople.unknownAccount', { id: value }) });
  return (
    <div className="stack">
      <SelectField label={t('planPeople.account')} testId="person-account" value={value} onValue={onValue} options={options} />
      {members.status === 'loading' && <p className="hint">{t('planPeople.membersLoading')}</p>}
      {members.status === 'failed' && (
        <>
          <p className="hint" data-testid="person-account-offline">
            {t('planPeople.membersUnavailable')}
          </p>
          <ErrorMessage error={members.error} />
        </>
      )}
    </div>
  );
}
