import { useId, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { cx } from './cx';
import { FieldContext, type FieldControlProps } from './field-context';
import { IconError } from './icons';
import './form-field.css';

export interface FormFieldProps {
  label: ReactNode;
  /** Help under the label, linked to the control with aria-describedby. */
  hint?: ReactNode;
  /** An error under the control: linked with aria-describedby, sets aria-invalid. Empty means none. */
  error?: ReactNode;
  required?: boolean;
  /** Shows "(optional)" after the label (when most fields of the form are required). */
  optional?: boolean;
  /** An id for the control (else one is made). */
  id?: string;
  /** <Input>, <Select>, <Textarea> (they read the wiring), or a function that spreads the given props on any control. */
  children: ReactNode | ((control: FieldControlProps) => ReactNode);
  className?: string;
  testId?: string;
}

/** A labelled control with its hint and error, ids wired: label for=, aria-describedby, aria-invalid, required. */
export function FormField({ label, hint, error, required, optional, id, children, className, testId }: FormFieldProps) {
  const t = useT();
  const made = useId();
  const controlId = id ?? `${made}-control`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const describedBy = [hint ? hintId : null, hasError ? errorId : null].filter(Boolean).join(' ') || undefined;
  const control: FieldControlProps = { id: controlId, 'aria-describedby': describedBy, 'aria-invalid': hasError || undefined, required: required || undefined };
  return (
    <div className={cx('ui-field', hasError && 'ui-field--invalid', className)} data-testid={testId}>
      <label className="ui-field__label" htmlFor={controlId}>
        {label}
        {required && (
          <span className="ui-field__required" aria-hidden="true">
            {' *'}
          </span>
        )}
        {optional && !required && <span className="ui-field__optional">{` ${t('ui.optional')}`}</span>}
      </label>
      {hint && (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldContext value={control}>{typeof children === 'function' ? children(control) : children}</FieldContext>
      {hasError && (
        <p className="ui-field__error" id={errorId}>
          <IconError size={16} />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
