import { formatInZone } from '@coulisses/shared/i18n/format';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createFeed, listFeeds, revokeFeed, type CalendarFeed, type CreatedFeed, type FeedScope } from '../api/calendar-feeds';
import { useOrgContext } from '../data/org/useOrgContext';
import { byId, useReference, useUsers } from '../data/queries';
import { personName } from '../data/types';
import { useI18n } from '../i18n/useT';
import { useOnlineStatus } from '../pwa/useOnlineStatus';
import { Button, Chip, FormField, Input, Select } from '../ui';
import { CopyButton } from '../ui/CopyButton';
import { ErrorMessage } from '../ui/ErrorMessage';

const SCOPES: readonly FeedScope[] = ['org', 'team', 'person'];

/**
 * "Calendar subscription": secret ICS addresses of missions (docs/decisions/notifications.md). Crew make their own
 * person's; planners choose the organisation, a team or a person. The address is shown once, at its creation
 * (with a webcal: link and a copy button); the list shows the feeds without it, each revocable. Needs the network.
 */
export function CalendarFeedPanel({ planner = false }: { planner?: boolean }) {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const online = useOnlineStatus();
  const users = byId(useUsers().docs);
  const teams = useReference('team').docs.filter((d) => !d.archived);
  const [feeds, setFeeds] = useState<CalendarFeed[] | null>(null);
  const [created, setCreated] = useState<CreatedFeed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [scope, setScope] = useState<FeedScope>('org');
  const [subjectId, setSubjectId] = useState('');
  const urlRef = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    try {
      setFeeds(await listFeeds());
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    if (!online) return undefined;
    let live = true;
    listFeeds().then(
      (list) => live && setFeeds(list),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [online]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const subjectName = (f: CalendarFeed): string => {
    if (f.scope === 'org') return t('calendarFeeds.scopes.org');
    if (f.scope === 'team') return teams.find((x) => x.id === f.subjectId)?.name ?? '?';
    return personName(users.get(f.subjectId ?? ''));
  };
  const needsSubject = planner && scope !== 'org';
  const options = scope === 'team' ? teams.map((x) => ({ id: x.id, label: x.name })) : [...users.values()].filter((u) => u.active).map((u) => ({ id: u.id, label: personName(u) }));

  return (
    <div className="stack" data-testid="calendar-feeds">
      <h2>{t('calendarFeeds.title')}</h2>
      <p className="hint">{planner ? t('calendarFeeds.plannerHint') : t('calendarFeeds.hint')}</p>
      {!online && <p className="muted">{t('calendarFeeds.offline')}</p>}
      {planner ? (
        <div className="stack">
          <FormField label={t('calendarFeeds.scope')}>
            <Select value={scope} data-testid="calendar-feed-scope" onChange={(e) => { setScope(e.target.value as FeedScope); setSubjectId(''); }}>
              {SCOPES.map((s) => (
                <option key={s} value={s}>{t(`calendarFeeds.scopes.${s}`)}</option>
              ))}
            </Select>
          </FormField>
          {needsSubject && (
            <FormField label={t('calendarFeeds.subject')}>
              <Select value={subjectId} data-testid="calendar-feed-subject" onChange={(e) => setSubjectId(e.target.value)}>
                <option value="" />
                {options.map((o) => (
                  <option key={o.id} value={o.id}>{o.label}</option>
                ))}
              </Select>
            </FormField>
          )}
          <div>
            <Button variant="primary" loading={busy} disabled={!online || (needsSubject && !subjectId)} data-testid="calendar-feed-create" onClick={() => void run(async () => setCreated(await createFeed(scope, needsSubject ? subjectId : null)))}>
              {t('calendarFeeds.createFor')}
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button variant="primary" block loading={busy} disabled={!online} data-testid="calendar-feed-create" onClick={() => void run(async () => setCreated(await createFeed('person')))}>
            {t('calendarFeeds.create')}
          </Button>
        </div>
      )}
      <ErrorMessage error={error} testId="calendar-feed-error" />
      {created && (
        <div className="stack" data-testid="calendar-feed-created">
          <FormField label={t('calendarFeeds.newUrl')}>
            <Input ref={urlRef} readOnly value={created.url} data-testid="calendar-feed-url" onFocus={(e) => e.currentTarget.select()} />
          </FormField>
          <div className="inline-form">
            <CopyButton text={created.url} inputRef={urlRef} testId="calendar-feed-copy" label={t('calendarFeeds.copy')} />
            <a className="button button--ghost" href={created.webcalUrl} data-testid="calendar-feed-webcal">
              {t('calendarFeeds.openWebcal')}
            </a>
          </div>
        </div>
      )}
      <h3>{t('calendarFeeds.list')}</h3>
      {feeds && feeds.length === 0 && <p className="muted">{t('calendarFeeds.empty')}</p>}
      {feeds && feeds.length > 0 && (
        <>
          <p className="hint">{t('calendarFeeds.lost')}</p>
          <ul className="list" data-testid="calendar-feed-list">
            {feeds.map((f) => (
              <li key={f.id} className="list__item" data-testid={`calendar-feed-${f.id}`}>
                <div className="list__main">
                  <strong>{subjectName(f)}</strong>
                  <span className="muted">{t('calendarFeeds.createdAt', { date: formatInZone(locale, f.createdAt, tz) })}</span>
                  <span>
                    <Chip size="sm" tone={f.revokedAt ? 'neutral' : 'success'}>{f.revokedAt ? t('calendarFeeds.revoked') : t('calendarFeeds.active')}</Chip>
                  </span>
                </div>
                {!f.revokedAt && (
                  <Button variant="ghost" size="sm" disabled={!online || busy} data-testid={`calendar-feed-revoke-${f.id}`} onClick={() => {
                    if (window.confirm(t('calendarFeeds.revokeConfirm'))) void run(async () => { await revokeFeed(f.id); if (created?.feed.id === f.id) setCreated(null); });
                  }}>
                    {t('calendarFeeds.revoke')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
