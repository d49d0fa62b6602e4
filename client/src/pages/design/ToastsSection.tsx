import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/toast-context';
import { GallerySection } from './GallerySection';

export function ToastsSection() {
  const t = useT();
  const toast = useToast();
  return (
    <GallerySection id="toasts">
      <div className="design__row">
        <Button variant="secondary" data-testid="design-toast-info" onClick={() => toast.show({ message: t('design.toasts.infoText'), tone: 'info' })}>
          {t('design.toasts.info')}
        </Button>
        <Button
          variant="secondary"
          data-testid="design-toast-undo"
          onClick={() =>
            toast.show({
              message: t('design.toasts.successText'),
              tone: 'success',
              undo: () => toast.show({ message: t('design.toasts.undone') }),
              testId: 'design-toast-undoable',
            })
          }
        >
          {t('design.toasts.success')}
        </Button>
        <Button variant="secondary" data-testid="design-toast-danger" onClick={() => toast.show({ message: t('design.toasts.dangerText'), tone: 'danger' })}>
          {t('design.toasts.danger')}
        </Button>
        <Button variant="secondary" onClick={() => toast.show({ message: t('design.toasts.persistentText'), duration: null, id: 'design-persistent' })}>
          {t('design.toasts.persistent')}
        </Button>
      </div>
    </GallerySection>
  );
}
