import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../../i18n/useT';
import { useOutbox, useRefusedWrites } from '../../sync/useSync';
import { RefusedRow } from './RefusedRow';
import './conflicts.css';

/** This device's writes the server refused (the outbox's list), newest first; Dismiss removes one from it. */
export function RefusedChanges({ asPage = false }: { asPage?: boolean }) {
  const t = useT();
  const outbox = useOutbox();
  const rejected = useRefusedWrites();
  const location = useLocation();
  const ref = useRef<HTMLElement>(null);
  const sorted = [...rejected].sort((a, b) => b.at.localeCompare(a.at));

  useEffect(() => {
    if (location.hash === '#refused') ref.current?.scrollIntoView({ block: 'start' });
  }, [location.hash]);

  const Title = asPage ? 'h1' : 'h2';
  return (
    <section id="refused" ref={ref} aria-labelledby="refused-title" data-testid="refused-changes">
      <Title id="refused-title" data-testid={asPage ? 'page-refused' : undefined}>
        {t('sync.refused.title')}
      </Title>
      <p className="muted">{t('sync.refused.intro')}</p>
      {sorted.length === 0 ? (
        <p className="muted" data-testid="refused-empty">
          {t('sync.refused.empty')}
        </p>
      ) : (
        <ul className="list conflict-list" data-testid="refused-list">
          {sorted.map((write) => (
            <RefusedRow key={`${write.collection}/${write.id}`} write={write} onDismiss={() => outbox?.dismiss(write.collection, write.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
