import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { Button, type ButtonVariant } from './Button';
import { cx } from './cx';
import { IconCheck, IconChevronDown, type IconComponent } from './icons';
import { restoreFocus } from './focus';
import './menu.css';

export interface MenuAction {
  type?: 'action';
  id: string;
  label: string;
  onSelect: () => void;
  icon?: IconComponent;
  /** A destructive action, drawn in the danger colour. */
  tone?: 'danger';
  disabled?: boolean;
  /** Makes the item a menuitemradio (checked or not): a choice among the items of its group. */
  checked?: boolean;
  /** Extra text under the label (e.g. the current value). */
  description?: string;
  testId?: string;
}

export interface MenuSeparator {
  type: 'separator';
  id: string;
}

export interface MenuGroup {
  type: 'group';
  id: string;
  label: string;
  items: MenuAction[];
}

export type MenuEntry = MenuAction | MenuSeparator | MenuGroup;

/** What a custom trigger must spread on its button (ref, ARIA and handlers). */
export interface MenuTriggerProps {
  ref: Ref<HTMLButtonElement>;
  id: string;
  'aria-haspopup': 'menu';
  'aria-expanded': boolean;
  'aria-controls': string;
  onClick: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}

export interface MenuProps {
  /** The accessible name of the menu; also the text of the default trigger. */
  label: string;
  items: MenuEntry[];
  /** A custom trigger (e.g. an IconButton); it must spread the given props. */
  renderTrigger?: (props: MenuTriggerProps, open: boolean) => ReactNode;
  /** Style of the default trigger. */
  triggerVariant?: ButtonVariant;
  /** Which edge of the trigger the menu lines up with. */
  align?: 'start' | 'end';
  className?: string;
  testId?: string;
  /** data-testid of the menu list. */
  menuTestId?: string;
}

const ITEM_SELECTOR = '[data-menu-item]:not([aria-disabled="true"])';

/**
 * A button that opens a list of actions (WAI-ARIA menu button). Enter, Space or ArrowDown open it on the first
 * item, ArrowUp on the last; arrows, Home, End and a letter move; Enter or Space choose; Escape closes and gives
 * the focus back to the button; Tab or a click outside close it.
 */
export function Menu({ label, items, renderTrigger, triggerVariant = 'secondary', align = 'start', className, testId, menuTestId }: MenuProps) {
  const [open, setOpen] = useState(false);
  const baseId = useId();
  const triggerId = `${baseId}-trigger`;
  const menuId = `${baseId}-menu`;
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<'first' | 'last' | null>(null);

  const menuItems = () => [...(menuRef.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])];

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) restoreFocus(triggerRef.current);
  }, []);

  const openAt = (where: 'first' | 'last') => {
    pendingFocus.current = where;
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    const list = [...(menuRef.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])];
    const target = pendingFocus.current === 'last' ? list[list.length - 1] : list[0];
    (target ?? menuRef.current)?.focus();
    pendingFocus.current = null;
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, close]);

  const onTriggerKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openAt('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt('last');
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close(true);
    }
  };

  const move = (delta: number | 'first' | 'last') => {
    const list = menuItems();
    if (list.length === 0) return;
    const at = list.indexOf(document.activeElement as HTMLElement);
    let next: number;
    if (delta === 'first') next = 0;
    else if (delta === 'last') next = list.length - 1;
    else next = (at + delta + list.length) % list.length;
    list[next]?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        return;
      case 'Home':
        event.preventDefault();
        move('first');
        return;
      case 'End':
        event.preventDefault();
        move('last');
        return;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        return;
      case 'Tab':
        close(false);
        return;
      default:
        if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
          const list = menuItems();
          const at = list.indexOf(document.activeElement as HTMLElement);
          const key = event.key.toLocaleLowerCase();
          const ordered = [...list.slice(at + 1), ...list.slice(0, at + 1)];
          ordered.find((el) => (el.textContent ?? '').trim().toLocaleLowerCase().startsWith(key))?.focus();
        }
    }
  };

  const choose = (action: MenuAction) => {
    if (action.disabled) return;
    close(true);
    action.onSelect();
  };

  const renderAction = (action: MenuAction) => {
    const Icon = action.icon;
    const radio = action.checked !== undefined;
    return (
      <div
        key={action.id}
        role={radio ? 'menuitemradio' : 'menuitem'}
        aria-checked={radio ? action.checked : undefined}
        aria-disabled={action.disabled || undefined}
        tabIndex={-1}
        data-menu-item=""
        data-testid={action.testId}
        className={cx('ui-menu__item', action.tone === 'danger' && 'ui-menu__item--danger', action.disabled && 'is-disabled')}
        onClick={() => choose(action)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            choose(action);
          }
        }}
      >
        <span className="ui-menu__icon" aria-hidden="true">
          {radio ? action.checked && <IconCheck size={18} /> : Icon && <Icon size={18} />}
        </span>
        <span className="ui-menu__text">
          <span className="ui-menu__label">{action.label}</span>
          {action.description && <span className="ui-menu__description">{action.description}</span>}
        </span>
      </div>
    );
  };

  const setTrigger = useCallback((el: HTMLButtonElement | null) => {
    triggerRef.current = el;
  }, []);

  const triggerProps: MenuTriggerProps = {
    ref: setTrigger,
    id: triggerId,
    'aria-haspopup': 'menu',
    'aria-expanded': open,
    'aria-controls': menuId,
    onClick: () => (open ? close(false) : openAt('first')),
    onKeyDown: onTriggerKeyDown,
  };

  return (
    <div ref={rootRef} className={cx('ui-menu', className)} data-testid={testId}>
      {renderTrigger ? (
        <CustomTrigger render={renderTrigger} triggerProps={triggerProps} open={open} />
      ) : (
        <Button {...triggerProps} variant={triggerVariant} iconEnd={IconChevronDown}>
          {label}
        </Button>
      )}
      <div
        ref={menuRef}
        id={menuId}
        role="menu"
        aria-label={label}
        tabIndex={-1}
        hidden={!open}
        data-testid={menuTestId}
        className={cx('ui-menu__list', `ui-menu__list--${align}`)}
        onKeyDown={onMenuKeyDown}
      >
        {open &&
          items.map((entry) => {
          if (entry.type === 'separator') return <div key={entry.id} role="separator" className="ui-menu__separator" />;
          if (entry.type === 'group') {
            return (
              <div key={entry.id} role="group" aria-label={entry.label} className="ui-menu__group">
                <div className="ui-menu__group-label" aria-hidden="true">
                  {entry.label}
                </div>
                {entry.items.map(renderAction)}
              </div>
            );
          }
          return renderAction(entry);
        })}
      </div>
    </div>
  );
}

/** Calls a custom trigger's render function (as a component, so the ref and handlers pass as props). */
function CustomTrigger({ render, triggerProps, open }: { render: (props: MenuTriggerProps, open: boolean) => ReactNode; triggerProps: MenuTriggerProps; open: boolean }) {
  return render(triggerProps, open);
}
