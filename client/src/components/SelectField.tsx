import { useId } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select. */
export function SelectField({ label, value, options, onValue, testId, disabled }: { label: string; value: string; options: SelectOption[]; onValue: (value: string) => void; testId: string; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} data-testid={testId} value={value} disabled={disabled} onChange={(event) => onValue(event.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
