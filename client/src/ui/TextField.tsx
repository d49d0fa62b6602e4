import { useId, type InputHTMLAttributes, type Ref } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'>;

/** A labelled input with an optional hint, stacked for phones. */
export function TextField({
  label,
  hint,
  testId,
  value,
  onValue,
  inputRef,
  ...input
}: InputProps & {
  label: string;
  hint?: string;
  testId?: string;
  value: string;
  onValue?: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        {...input}
        ref={inputRef}
        id={id}
        className="field__input"
        data-testid={testId}
        value={value}
        aria-describedby={hint ? hintId : undefined}
        onChange={onValue ? (event) => onValue(event.target.value) : undefined}
      />
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
