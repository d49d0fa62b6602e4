import { useId } from 'react';

/** A labelled multi-line text field. */
export function TextAreaField({ label, value, onValue, testId, maxLength, rows = 3 }: { label: string; value: string; onValue: (v: string) => void; testId: string; maxLength: number; rows?: number }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea id={id} className="field__input" data-testid={testId} rows={rows} maxLength={maxLength} value={value} onChange={(e) => onValue(e.target.value)} />
    </div>
  );
}
