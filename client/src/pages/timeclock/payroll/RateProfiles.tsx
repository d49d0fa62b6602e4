import { uuidv7, type Locale } from '@coulisses/shared';
import { CONTRACT_TYPES, RATE_MODES, RATE_TARGETS, RateProfileDataSchema, type RateProfileData } from '@coulisses/shared/payroll/rates';
import { useState } from 'react';
import { formatInZone, formatMoney } from '@coulisses/shared/i18n/format';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { useI18n } from '../../../i18n/useT';
import { useMissions, useReference, useUsers } from '../../../data/queries';
import { personName, type ReferenceDoc } from '../../../data/types';
import { useLocalWrites } from '../../../data/useLocalWrites';
import { enumLabel } from '../../../i18n/enum-label';

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

/** An amount in cents as the form edits it: "166,50" in French, "166.50" in English (no grouping: save() parses it). */
function amountText(locale: Locale, cents: number): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);
}

function draftOf(doc: ReferenceDoc, locale: Locale): Draft & { amountCents: number | null } {
  const parsed = RateProfileDataSchema.safeParse(doc.data);
  if (!parsed.success) return { ...EMPTY, id: doc.id, name: doc.name, amountCents: null };
  const d = parsed.data;
  return { id: doc.id, name: doc.name, mode: d.mode, amount: amountText(locale, d.amountCents), amountCents: d.amountCents, kind: d.appliesTo.kind, target: d.appliesTo.id ?? '', contractType: d.contractType ?? '' };
}

/** Rate profiles (reference documents of kind rate_profile): create, edit, archive. Works offline. */
export function RateProfiles() {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const writes = useLocalWrites();
  const { docs } = useReference('rate_profile');
  const { docs: users } = useUsers();
  const { docs: missions } = useMissions();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(d: Draft) {
    setError(null);
    const amountCents = Math.round(Number(d.amount.replace(/\s/g, '').replace(',', '.')) * 100);
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
    const d = draftOf(doc, locale);
    const kind = enumLabel(t, 'rateTarget', d.kind);
    if (d.kind === 'ORG') return kind;
    if (d.kind === 'USER') {
      const u = users.find((x) => x.id === d.target);
      return t('timeclock.rates.targetOf', { kind, name: u ? personName(u) : d.target });
    }
    if (d.kind === 'MISSION') return t('timeclock.rates.targetOf', { kind, name: missions.find((m) => m.id === d.target)?.title ?? d.target });
    return t('timeclock.rates.targetOf', { kind, name: d.target });
  };

  return (
    <section className="stack" aria-labelledby="rates-title" data-testid="rate-profiles">
      <h2 id="rates-title">{t('timeclock.rates.title')}</h2>
      <ul className="list">
        {docs.map((doc) => {
          const { amountCents, ...d } = draftOf(doc, locale);
          return (
            <li key={doc.id} className="list__item" data-testid="rate-profile">
              <span className="list__main">
                <strong>{doc.name}</strong> {enumLabel(t, 'rateMode', d.mode)} {amountCents !== null ? formatMoney(locale, amountCents) : ''} | {targetLabel(doc)}
                {d.contractType && ` | ${enumLabel(t, 'employmentType', d.contractType)}`}
                {doc.archived && <span className="badge badge--expired"> {t('timeclock.rates.archived')}</span>}
              </span>
              <span className="list__actions">
                <button type="button" className="button button--ghost button--small" onClick={() => setDraft(d)}>
                  {t('timeclock.rates.edit')}
                </button>
                <button type="button" className="button button--ghost button--small" onClick={() => void writes?.patch('reference', doc.id, { archived: !doc.archived })}>
                  {doc.archived ? t('timeclock.rates.unarchive') : t('timeclock.rates.archive')}
                </button>
              </span>
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
                    {enumLabel(t, 'rateMode', m)}
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
                    {enumLabel(t, 'rateTarget', k)}
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
                      {m.title} ({formatInZone(locale, m.startAt, tz, 'date')})
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
                    {enumLabel(t, 'employmentType', c)}
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
