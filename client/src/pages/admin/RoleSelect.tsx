import { ROLES, isRole, type Role } from '@coulisses/shared';
import { useT } from '../../i18n/useT';
import { enumLabel } from '../../i18n/enum-label';

/** A <select> of the three roles; label it with `id` + <label htmlFor> or with `ariaLabel`. */
export function RoleSelect({
  value,
  onChange,
  id,
  ariaLabel,
  testId,
  disabled,
}: {
  value: Role;
  onChange: (role: Role) => void;
  id?: string;
  ariaLabel?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <select
      id={id}
      aria-label={ariaLabel}
      data-testid={testId}
      value={value}
      disabled={disabled}
      onChange={(event) => {
        if (isRole(event.target.value)) onChange(event.target.value);
      }}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {enumLabel(t, 'role', role)}
        </option>
      ))}
    </select>
  );
}
