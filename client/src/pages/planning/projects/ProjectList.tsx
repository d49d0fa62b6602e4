import { useMemo } from 'react';
import { useT } from '../../../i18n/useT';
import { useCollectionQuery } from '../../../sync/useCollectionQuery';
import { useRefusedWrites } from '../../../sync/useSync';
import { LoadingScreen } from '../../../ui/LoadingScreen';
import { ProjectRow } from './ProjectRow';
import type { ProjectDoc } from './project-writes';
import { useProjectActions } from './useProjectActions';

/** A minimal list: the first projects by name (the full planning views come later). */
const LIMIT = 500;
const BY_NAME = { selector: {}, sort: [{ name: 'asc' as const }], limit: LIMIT };

/** The organisation's projects from the local store, live. */
export function ProjectList() {
  const t = useT();
  const { docs, loading } = useCollectionQuery<ProjectDoc>('projects', BY_NAME);
  const actions = useProjectActions();
  const rejected = useRefusedWrites();
  const refusedIds = useMemo(() => new Set(rejected.filter((r) => r.collection === 'projects').map((r) => r.id)), [rejected]);

  if (loading) return <LoadingScreen />;
  return (
    <>
      {docs.length === 0 && <p className="muted">{t('projects.empty')}</p>}
      {docs.length >= LIMIT && <p className="hint">{t('projects.truncated', { count: LIMIT })}</p>}
      <ul className="list" data-testid="project-list">
        {docs.map((project) => (
          <ProjectRow key={project.id} project={project} actions={actions} refused={refusedIds.has(project.id)} />
        ))}
      </ul>
    </>
  );
}
