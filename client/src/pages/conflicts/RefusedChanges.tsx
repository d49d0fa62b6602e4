import { useEffect, useMemo, useRef } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../../i18n/useT';
import { useDiscardedEdits, useOutbox, useRefusedWrites } from '../../sync/useSync';
import { DiscardedEdits } from './DiscardedEdits';
import { RefusedRow } from './RefusedRow';
import { refusedValues } from './conflict-view';
import { nameRefs, valueRefs, type DocRef } from './doc-names';
import { useFormatContext } from './useFormatContext';
import './conflicts.css';

/**
 * What this device's writes need the user to look at: values the server discarded while merging (apply again
 * or dismiss), then the writes it refused (the outbox's list), newest first; Dismiss removes one from it.
 */
export function RefusedChanges({ asPage = false }: { asPage?: boolean }) {
  const t = useT();
  const outbox = useOutbox();
  const rejected = useRefusedWrites();
  const discarded = useDiscardedEdits();
  const location = useLocation();
  const ref = useRef<HTMLElement>(null);
  const sorted = [...rejected].sort((a, b) => b.at.localeCompare(a.at));
  const refs = useMemo<DocRef[]>(
    () => [
      ...discarded.flatMap((d) => [
        { collection: d.collection, id: d.id },
        ...d.fields.flatMap((f) => [...valueRefs(d.collection, f.field, f.kept), ...valueRefs(d.collection, f.field, f.discarded)]),
      ]),
      ...rejected.flatMap((r) => [
        { collection: r.collection, id: r.id },
        ...nameRefs(r.collection, r.doc),
        ...refusedValues(r.doc).flatMap((f) => valueRefs(r.collection, f.field, f.discarded)),
      ]),
    ],
    [discarded, rejected],
  );
  const ctx = useFormatContext(refs);

  useEffect(() => {
    if (location.hash === '#refused') ref.current?.scrollIntoView({ block: 'start' });
  }, [location.hash]);

  // Heading levels follow the place: the page's h1 and its h2s, or an h2 section of the Conflicts page and its h3s.
  const Title = asPage ? 'h1' : 'h2';
  const Sub = asPage ? 'h2' : 'h3';
  return (
    <section id="refused" ref={ref} aria-labelledby="refused-title" data-testid="refused-changes">
      <Title id="refused-title" data-testid={asPage ? 'page-refused' : undefined}>
        {t('sync.refused.sectionTitle')}
      </Title>
      <DiscardedEdits edits={discarded} ctx={ctx} heading={Sub} />
      <Sub>{t('sync.refused.title')}</Sub>
      <p className="muted">{t('sync.refused.intro')}</p>
      {sorted.length === 0 ? (
        <p className="muted" data-testid="refused-empty">
          {t('sync.refused.empty')}
        </p>
      ) : (
        <ul className="list conflict-list" data-testid="refused-list">
          {sorted.map((write) => (
            <RefusedRow key={`${write.collection}/${write.id}`} write={write} ctx={ctx} onDismiss={() => outbox?.dismiss(write.collection, write.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
