import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from './cx';
import './tabs.css';

export interface TabItem {
  id: string;
  label: string;
  /** The content shown when the tab is selected. */
  panel: ReactNode;
  /** A count or short text after the label (e.g. pending items); include it in the label for screen readers if it matters. */
  badge?: ReactNode;
  disabled?: boolean;
  testId?: string;
}

export interface TabsProps {
  /** The accessible name of the tab list. */
  label: string;
  tabs: TabItem[];
  /** Controlled selection (with onChange); else uncontrolled from defaultValue or the first tab. */
  value?: string;
  defaultValue?: string;
  onChange?: (id: string) => void;
  /** Keep every panel mounted (hidden) instead of only the selected one. */
  keepMounted?: boolean;
  /** Stretch the tabs over the width (phones). */
  fitted?: boolean;
  className?: string;
  testId?: string;
}

/**
 * WAI-ARIA tabs with a roving tabindex: Tab reaches the selected tab only, arrows (Left/Right), Home and End
 * move and select (automatic activation), then Tab goes into the panel.
 */
export function Tabs({ label, tabs, value, defaultValue, onChange, keepMounted = false, fitted = false, className, testId }: TabsProps) {
  const baseId = useId();
  const [own, setOwn] = useState(defaultValue ?? tabs.find((tab) => !tab.disabled)?.id ?? '');
  const selected = value ?? own;
  const refs = useRef(new Map<string, HTMLButtonElement>());

  const select = (id: string) => {
    if (value === undefined) setOwn(id);
    onChange?.(id);
  };

  const enabled = tabs.filter((tab) => !tab.disabled);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = enabled.findIndex((tab) => tab.id === selected);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (at + 1) % enabled.length;
    else if (event.key === 'ArrowLeft') next = (at - 1 + enabled.length) % enabled.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = enabled.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = enabled[next];
    if (!target) return;
    select(target.id);
    refs.current.get(target.id)?.focus();
  };

  const tabId = (id: string) => `${baseId}-tab-${id}`;
  const panelId = (id: string) => `${baseId}-panel-${id}`;

  return (
    <div className={cx('ui-tabs', className)} data-testid={testId}>
      <div role="tablist" aria-label={label} className={cx('ui-tabs__list', fitted && 'ui-tabs__list--fitted')} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const isSelected = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) refs.current.set(tab.id, el);
                else refs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              aria-selected={isSelected}
              aria-controls={isSelected || keepMounted ? panelId(tab.id) : undefined}
              tabIndex={isSelected ? 0 : -1}
              disabled={tab.disabled}
              data-testid={tab.testId}
              className="ui-tabs__tab"
              onClick={() => select(tab.id)}
            >
              <span>{tab.label}</span>
              {tab.badge !== undefined && tab.badge !== null && <span className="ui-tabs__badge">{tab.badge}</span>}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) =>
        tab.id === selected || keepMounted ? (
          <div
            key={tab.id}
            role="tabpanel"
            id={panelId(tab.id)}
            aria-labelledby={tabId(tab.id)}
            hidden={tab.id !== selected}
            tabIndex={0}
            className="ui-tabs__panel"
          >
            {tab.panel}
          </div>
        ) : null,
      )}
    </div>
  );
}
