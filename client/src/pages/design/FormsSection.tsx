import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/FormField';
import { Input, Select, Textarea } from '../../ui/Input';
import { useToast } from '../../ui/toast-context';
import { GallerySection } from './GallerySection';

export function FormsSection() {
  const t = useT();
  const toast = useToast();
  const [email, setEmail] = useState('camille@');
  const [busy, setBusy] = useState(false);
  const emailError = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? undefined : t('design.forms.emailError');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (emailError) return;
    setBusy(true);
    window.setTimeout(() => {
      setBusy(false);
      toast.show({ message: t('design.forms.saved'), tone: 'success' });
    }, 800);
  };
  return (
    <GallerySection id="forms">
      <form className="design__form" onSubmit={submit} noValidate>
        <FormField label={t('design.forms.name')} hint={t('design.forms.nameHint')} required>
          <Input defaultValue="Camille Martin" autoComplete="name" data-testid="design-field-name" />
        </FormField>
        <FormField label={t('design.forms.email')} error={emailError} required>
          <Input type="email" value={email} onChange={(event) => setEmail(event.target.value)} data-testid="design-field-email" />
        </FormField>
        <FormField label={t('design.forms.role')}>
          <Select defaultValue="light">
            <option value="light">{t('design.forms.roles.light')}</option>
            <option value="sound">{t('design.forms.roles.sound')}</option>
            <option value="stage">{t('design.forms.roles.stage')}</option>
          </Select>
        </FormField>
        <FormField label={t('design.forms.notes')} optional>
          <Textarea placeholder={t('design.forms.notesPlaceholder')} />
        </FormField>
        <FormField label={t('design.forms.disabled')}>
          <Input value={t('app.name')} disabled readOnly />
        </FormField>
        <div className="design__form-actions">
          <Button type="submit" variant="primary" loading={busy}>
            {t('design.forms.submit')}
          </Button>
        </div>
      </form>
    </GallerySection>
  );
}
