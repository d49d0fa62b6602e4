import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES, type IncidentCategory, type IncidentSeverity } from '@coulisses/shared/equipment/incidents';
import { useState } from 'react';
import { enumLabel } from '../i18n/enum-label';
import { useI18n } from '../i18n/useT';
import { BackButton } from './BackButton';

/**
 * An equipment incident reported at the kiosk (no one signs in): kind, severity, what happened. Recorded as an
 * INCIDENT field event signed with the kiosk's device id, at its venue; sent when the network allows.
 */
export function KioskIncident({ onSend, onBack }: { onSend: (report: { category: IncidentCategory; severity: IncidentSeverity; description: string }) => Promise<void>; onBack: () => void }) {
  const { t } = useI18n();
  const [category, setCategory] = useState<IncidentCategory>('BREAKDOWN');
  const [severity, setSeverity] = useState<IncidentSeverity>('MEDIUM');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (!description.trim()) {
      setError(t('equipment.incidents.descriptionRequired'));
      return;
    }
    setBusy(true);
    await onSend({ category, severity, description: description.trim() });
    setBusy(false);
  };
  return (
    <section className="kiosk-screen kiosk-screen--incident" data-testid="kiosk-incident">
      <header className="kiosk-head">
        <h2>{t('equipment.incidents.reportTitle')}</h2>
      </header>
      <div className="kiosk-body kiosk-incident">
        <fieldset className="kiosk-choices">
          <legend>{t('equipment.incidents.category')}</legend>
          {INCIDENT_CATEGORIES.map((c) => (
            <button key={c} type="button" className={`kiosk-btn${category === c ? ' kiosk-btn--on' : ''}`} aria-pressed={category === c} onClick={() => setCategory(c)} data-testid={`kiosk-incident-category-${c}`}>
              {enumLabel(t, 'incidentCategory', c)}
            </button>
          ))}
        </fieldset>
        <fieldset className="kiosk-choices">
          <legend>{t('equipment.incidents.severity')}</legend>
          {INCIDENT_SEVERITIES.map((s) => (
            <button key={s} type="button" className={`kiosk-btn${severity === s ? ' kiosk-btn--on' : ''}`} aria-pressed={severity === s} onClick={() => setSeverity(s)} data-testid={`kiosk-incident-severity-${s}`}>
              {enumLabel(t, 'incidentSeverity', s)}
            </button>
          ))}
        </fieldset>
        <label className="kiosk-field">
          <span>{t('equipment.incidents.description')}</span>
          <textarea className="kiosk-input" rows={3} maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="kiosk-incident-description" />
        </label>
        {error && (
          <p className="kiosk-alert" role="alert">
            {error}
          </p>
        )}
      </div>
      <footer className="kiosk-foot">
        <BackButton onBack={onBack} />
        <button type="button" className="kiosk-btn kiosk-btn--primary" disabled={busy} onClick={() => void send()} data-testid="kiosk-incident-send">
          {t('equipment.incidents.send')}
        </button>
      </footer>
    </section>
  );
}
