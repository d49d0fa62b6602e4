export interface CheckboxOption {
  id: string;
  label: string;
  hint?: string;
  disabled?: boolean;
}

/** A labelled group of checkboxes (phone friendly: each row is a touch target). */
export function CheckboxList({ legend, options, selected, onChange, testPrefix, empty }: { legend: string; options: CheckboxOption[]; selected: readonly string[]; onChange: (ids: string[]) => void; testPrefix: string; empty?: string }) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));
  return (
    <fieldset className="checkbox-list" data-testid={`${testPrefix}-list`}>
      <legend className="field__label">{legend}</legend>
      {options.length === 0 && empty && <p className="hint">{empty}</p>}
      {options.map((o) => (
        <label key={o.id} className="checkbox">
          <input type="checkbox" data-testid={`${testPrefix}-${o.id}`} checked={selected.includes(o.id)} disabled={o.disabled} onChange={(event) => toggle(o.id, event.target.checked)} />
          <span>
            {o.label}
            {o.hint && <span className="muted"> {o.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
