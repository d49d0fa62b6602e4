import type { InputHTMLAttributes, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cx } from './cx';
import { useFieldControl } from './field-context';
import './form-field.css';

/** The wiring of the surrounding FormField, overridden by what the caller passes. */
function useWired<T extends { id?: string; required?: boolean; 'aria-describedby'?: string; 'aria-invalid'?: unknown }>(props: T): T {
  const field = useFieldControl();
  if (!field) return props;
  return {
    ...props,
    id: props.id ?? field.id,
    required: props.required ?? field.required,
    'aria-describedby': props['aria-describedby'] ?? field['aria-describedby'],
    'aria-invalid': props['aria-invalid'] ?? field['aria-invalid'],
  };
}

export function Input({ className, ref, ...props }: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <input {...useWired(props)} ref={ref} className={cx('ui-input', className)} />;
}

export function Select({ className, ref, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  return <select {...useWired(props)} ref={ref} className={cx('ui-input', 'ui-select', className)} />;
}

export function Textarea({ className, ref, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  return <textarea {...useWired(props)} ref={ref} className={cx('ui-input', 'ui-textarea', className)} />;
}
