import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormField } from '../../ui/FormField';
import { IconButton } from '../../ui/IconButton';
import { IconCheck, IconEdit, IconFilter, IconMoreVertical, IconPlus, IconTrash } from '../../ui/icons';
import { Select } from '../../ui/Input';
import { Menu } from '../../ui/Menu';
import { Sheet } from '../../ui/Sheet';
import { useToast } from '../../ui/toast-context';
import { GallerySection } from './GallerySection';

const VIEWS = ['day', 'week', 'month'] as const;

export function OverlaysSection() {
  const t = useT();
  const toast = useToast();
  const [view, setView] = useState<(typeof VIEWS)[number]>('week');
  const [chosen, setChosen] = useState<string | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);

  const remove = () => {
    setDialogOpen(false);
    toast.show({
      message: t('design.menus.deleted'),
      tone: 'success',
      undo: () => toast.show({ message: t('design.menus.restored'), tone: 'info' }),
      testId: 'design-toast-deleted',
    });
  };

  return (
    <GallerySection id="menus">
      <div className="design__row">
        <Menu
          label={t('design.menus.actions')}
          testId="design-menu"
          menuTestId="design-menu-list"
          items={[
            { id: 'edit', label: t('design.menus.edit'), icon: IconEdit, onSelect: () => setChosen(t('design.menus.edit')) },
            { id: 'duplicate', label: t('design.menus.duplicate'), icon: IconPlus, onSelect: () => setChosen(t('design.menus.duplicate')) },
            { id: 'publish', label: t('design.menus.publish'), icon: IconCheck, disabled: true, onSelect: () => undefined },
            { type: 'separator', id: 'sep' },
            { id: 'delete', label: t('design.menus.delete'), icon: IconTrash, tone: 'danger', onSelect: () => setDialogOpen(true) },
          ]}
        />
        <Menu
          label={t('design.menus.view')}
          align="start"
          items={[
            {
              type: 'group',
              id: 'views',
              label: t('design.menus.view'),
              items: VIEWS.map((v) => ({ id: v, label: t(`design.menus.${v}`), checked: view === v, onSelect: () => setView(v) })),
            },
          ]}
          renderTrigger={(props) => (
            <Button {...props} variant="ghost" icon={IconFilter}>
              {t(`design.menus.${view}`)}
            </Button>
          )}
        />
        <Menu
          label={t('design.buttons.more')}
          align="end"
          items={[{ id: 'edit', label: t('design.menus.edit'), icon: IconEdit, onSelect: () => setChosen(t('design.menus.edit')) }]}
          renderTrigger={(props) => <IconButton {...props} icon={IconMoreVertical} label={t('design.buttons.more')} variant="secondary" />}
        />
        <Button variant="danger" icon={IconTrash} onClick={() => setDialogOpen(true)} data-testid="design-open-dialog">
          {t('design.menus.openDialog')}
        </Button>
        <Button variant="secondary" icon={IconFilter} onClick={() => setSheetOpen(true)} data-testid="design-open-sheet">
          {t('design.menus.openSheet')}
        </Button>
      </div>
      <p className="muted" role="status">
        {chosen ? t('design.menus.chosen', { label: chosen }) : '\u00a0'}
      </p>
      <Dialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        title={t('design.menus.dialogTitle')}
        description={t('design.menus.dialogText')}
        role="alertdialog"
        size="sm"
        testId="design-dialog"
        footer={
          <>
            <Button variant="secondary" onClick={() => setDialogOpen(false)} data-autofocus="">
              {t('design.menus.cancel')}
            </Button>
            <Button variant="danger" icon={IconTrash} onClick={remove} data-testid="design-dialog-confirm">
              {t('design.menus.confirm')}
            </Button>
          </>
        }
      />
      <Sheet
        open={sheetOpen}
        onClose={() => setSheetOpen(false)}
        title={t('design.menus.sheetTitle')}
        description={t('design.menus.sheetText')}
        testId="design-sheet"
        footer={
          <Button variant="primary" block onClick={() => setSheetOpen(false)}>
            {t('design.menus.apply')}
          </Button>
        }
      >
        <div className="design__form">
          <FormField label={t('design.menus.view')}>
            <Select value={view} onChange={(event) => setView(event.target.value as (typeof VIEWS)[number])}>
              {VIEWS.map((v) => (
                <option key={v} value={v}>
                  {t(`design.menus.${v}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('design.forms.role')}>
            <Select defaultValue="light">
              <option value="light">{t('design.forms.roles.light')}</option>
              <option value="sound">{t('design.forms.roles.sound')}</option>
              <option value="stage">{t('design.forms.roles.stage')}</option>
            </Select>
          </FormField>
        </div>
      </Sheet>
    </GallerySection>
  );
}
