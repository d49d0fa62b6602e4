import { templateFromMission } from '@coulisses/shared/planning/templates';
import { useState, type FormEvent } from 'react';
import { useT } from '../../../../i18n/useT';
import { newReference } from '../../../../data/planning/reference-writes';
import type { MissionDoc } from '../../../../data/types';
import { useLocalWrites } from '../../../../data/useLocalWrites';
import { Notice } from '../ui/Notice';

/** Saves the mission as a template (reference kind 'mission_template': title, type, local times, roles). */
export function SaveTemplateForm({ mission, tz }: { mission: MissionDoc; tz: string }) {
  const t = useT();
  const writes = useLocalWrites();
  const [name, setName] = useState(mission.title);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!writes || !name.trim()) return;
    const data = templateFromMission(mission, tz);
    await writes.insert('reference', newReference('mission_template', name, { ...data }));
    setSaved(true);
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="mission-template-form">
      <label className="field">
        <span className="field__label">{t('planTemplates.name')}</span>
        <input className="field__input" data-testid="mission-template-name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="button button--secondary" data-testid="mission-template-save" disabled={!writes}>
        {t('planTemplates.saveFromMission')}
      </button>
      {saved && <Notice testId="mission-template-saved">{t('planTemplates.saved')}</Notice>}
    </form>
  );
}
