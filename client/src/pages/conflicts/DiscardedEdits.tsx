import { useT } from '../../i18n/useT';
import type { DiscardedEdit } from '../../sync/outbox';
import { DiscardedRow } from './DiscardedRow';
import type { FormatContext } from './field-format';

/**
 * The notice to the author: writes of this device of which the server kept some values from a later edit made
 * elsewhere, newest first. Nothing is shown when there are none.
 */
export function DiscardedEdits({ edits, ctx, heading: Heading = 'h3' }: { edits: DiscardedEdit[]; ctx: FormatContext; heading?: 'h2' | 'h3' }) {
  const t = useT();
  if (edits.length === 0) return null;
  const sorted = [...edits].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section id="discarded" className="discarded-edits" aria-labelledby="discarded-title" data-testid="discarded-edits">
      <Heading id="discarded-title">{t('sync.discarded.title', { count: sorted.length })}</Heading>
      <p className="muted">{t('sync.discarded.intro')}</p>
      <ul className="list conflict-list" data-testid="discarded-list">
        {sorted.map((edit) => (
          <DiscardedRow key={`${edit.collection}/${edit.id}`} edit={edit} ctx={ctx} />
        ))}
      </ul>
    </section>
  );
}
