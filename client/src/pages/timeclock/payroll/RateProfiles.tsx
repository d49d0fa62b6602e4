import { uuidv7 } from '@coulisses/shared';
import { CONTRACT_TYPES, RATE_MODES, RATE_TARGETS, RateProfileDataSchema, type RateProfileData } from '@coulisses/shared/payroll/rates';
import { euros } from '@coulisses/shared/payroll/csv';
import { useState } from 'react';
import { useI18n } from '../../../i18n/useT';
import { useMissions, useReference, useUsers } from '../../planning/missions/data/queries';
import { personName, type ReferenceDoc } from '../../planning/missions/data/types';
import { useLocalWrites } from '../../planning/missions/data/useLocalWrites';

interface Draft {
  id: string | null;
  name: string;
  mode: RateProfileData['mode'];
  amount: string;
  kind: RateProfileData['appliesTo']['kind'];
  target: string;
  contractType: string;
}

const EMPTY: Draft = { id: null, name: '', mode: 'HOURLY', amount: '', kind: 'ORG', target: '', contractType: '' };

function draftOf(doc: ReferenceDoc): Draft {
  const parsed = RateProfileDataSchema.safeParse(doc.data);
  if (!parsed.success) return { ...EMPTY, id: doc.id, name: doc.name };
  const d = parsed.data;
  return { id: doc.id, name: doc.name, mode: d.mode, amount: (d.amountCents / 100).toFixed(2), kind: d.appliesTo.kind, target: d.appliesTo.id ?? '', contractType: d.contractType ?? '' };
}

/** Rate profiles (reference documents of kind rate_profile): create, edit, archive. Works offline. */
export function RateProfiles() {
  const { t } = useI18n();
  const writes = useLocalWrites();
  const { docs } = useReference('rate_profile');
  const { docs: users } = useUsers();
  const { docs: missions } = useMissions();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(d: Draft) {
    setError(null);
    const amountCents = Math.round(Number(d.amount.replace(',', '.')) * 100);
    const data = {
      mode: d.mode,
      amountCents,
      appliesTo: { kind: d.kind, id: d.kind === 'ORG' ? null : d.target.trim() || null },
      ...(d.contractType ? { contractType: d.contractType } : {}),
    };
    if (!d.name.trim() || !Number.isFinite(amountCents) || !RateProfileDataSchema.safeParse(data).success) return setError(t('errors.INVALID_RATE_PROFILE'));
    try {
      if (d.id) {
        await writes?.modify('reference', d.id, (current) => {
          const { contractType: _dropped, ...rest } = (current.data ?? {}) as Record<string, unknown>;
          void _dropped;
          return { ...current, name: d.name.trim(), data: { ...rest, ...data } };
        });
      } else {
        await writes?.insert('reference', { id: uuidv7(), updatedAt: new Date().toISOString(), kind: 'rate_profile', name: d.name.trim(), archived: false, data } as never);
      }
      setDraft(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  const targetLabel = (doc: ReferenceDoc) => {
    const d = draftOf(doc);
    if (d.kind === 'ORG') return t('timeclock.rates.targets.ORG');
    if (d.kind === 'USER') {
      const u = users.find((x) => x.id === d.target);
      return `${t('timeclock.rates.targets.USER')}: ${u ? personName(u) : d.target}`;
    }
    if (d.kind === 'MISSION') return `${t('timeclock.rates.targets.MISSION')}: ${missions.find((m) => m.id === d.target)?.title ?? d.target}`;
    return `${t('timeclock.rates.targets.ROLE')}: ${d.target}`;
  };

  return (
    <section className="stack" aria-labelledby="rates-title" data-testid="rate-profiles">
      <h2 id="rates-title">{t('timeclock.rates.title')}</h2>
      <ul className="list">
        {docs.map((doc) => {
          const d = draftOf(doc);
          return (
            <li key={doc.id} className="list__item" data-testid="rate-profile">
              <span className="list__main">
                <strong>{doc.name}</strong> {t(`timeclock.rates.modes.${d.mode}`)} {d.amount ? `${euros(Math.round(Number(d.amount) * 100))} EUR` : ''} | {targetLabel(doc)}
                {d.contractType && ` | ${d.contractType}`}
                {doc.archived && <span className="badge badge--expired"> {t('timeclock.rates.archived')}</span>}
              </span>
              <button type="button" className="button button--ghost button--small" onClick={() => setDraft(d)}>
                {t('timeclock.rates.edit')}
              </button>
              <button type="button" className="button button--ghost button--small" onClick={() => void writes?.patch('reference', doc.id, { archived: !doc.archived })}>
                {doc.archived ? t('timeclock.rates.unarchive') : t('timeclock.rates.archive')}
              </button>
            </li>
          );
        })}
      </ul>
      {!draft && (
        <button type="button" className="button button--secondary" data-testid="rate-new" onClick={() => setDraft(EMPTY)}>
          {t('timeclock.rates.new')}
        </button>
      )}
      {draft && (
        <form
          className="form stack"
          data-testid="rate-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft);
          }}
        >
          <div className="input-row">
            <label className="field">
              <span className="field__label">{t('timeclock.rates.name')}</span>
              <input className="field__input" data-testid="rate-name" value={draft.name} maxLength={200} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">{t('timeclock.rates.mode')}</span>
              <select className="field__input" data-testid="rate-mode" value={draft.mode} onChange={(e) => setDraft({ ...draft, mode: e.target.value as Draft['mode'] })}>
                {RATE_MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(`timeclock.rates.modes.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('timeclock.rates.amount')}</span>
              <input className="field__input" data-testid="rate-amount" inputMode="decimal" value={draft.amount} onChange={(e) => setDraft({ ...draft, amount: e.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">{t('timeclock.rates.appliesTo')}</span>
              <select className="field__input" data-testid="rate-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Draft['kind'], target: '' })}>
                {RATE_TARGETS.map((k) => (
                  <option key={k} value={k}>
                    {t(`timeclock.rates.targets.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            {draft.kind === 'USER' && (
              <label className="field">
                <span className="field__label">{t('timeclock.rates.targets.USER')}</span>
                <select className="field__input" data-testid="rate-target" value={draft.target} onChange={(e) => setDraft({ ...draft, target: e.target.value })}>
                  <option value="" />
                  {users.map((u) => (
                    <option key={u.id} value={u.id}>
                      {personName(u)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {draft.kind === 'MISSION' && (
              <label className="field">
                <span className="field__label">{t('timeclock.rates.targets.MISSION')}</span>
                <select className="field__input" data-testid="rate-target" value={draft.target} onChange={(e) => setDraft({ ...draft, target: e.target.value })}>
                  <option value="" />
                  {[...missions].reverse().slice(0, 300).map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.title} ({m.startAt.slice(0, 10)})
                    </option>
                  ))}
                </select>
              </label>
            )}
            {draft.kind === 'ROLE' && (
              <label className="field">
                <span className="field__label">{t('timeclock.rates.targets.ROLE')}</span>
                <input className="field__input" data-testid="rate-target" maxLength={60} value={draft.target} onChange={(e) => setDraft({ ...draft, target: e.target.value })} />
              </label>
            )}
            <label className="field">
              <span className="field__label">{t('timeclock.rates.contract')}</span>
              <select className="field__input" data-testid="rate-contract" value={draft.contractType} onChange={(e) => setDraft({ ...draft, contractType: e.target.value })}>
                <option value="">{t('timeclock.rates.anyContract')}</option>
                {CONTRACT_TYPES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {error && <p className="alert alert--error">{error}</p>}
          <div className="form__actions">
            <button type="submit" className="button button--primary" data-testid="rate-save">
              {t('timeclock.rates.save')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setDraft(null)}>
              {t('timeclock.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
