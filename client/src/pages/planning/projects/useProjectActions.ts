import { useMemo } from 'react';
import { useSyncDatabase } from '../../../sync/useSync';
import { archivePatch, newProject, projectFromForm, renamePatch, type ProjectDoc, type ProjectStatus } from './project-writes';

export type ProjectFields = Omit<ProjectDoc, 'id' | 'updatedAt'>;

export interface ProjectActions {
  create: (name: string, status: ProjectStatus) => Promise<string>;
  /** A project with every form field. */
  createFull: (fields: ProjectFields) => Promise<string>;
  /** Replaces the editable fields (an emptied code is removed). */
  update: (id: string, fields: ProjectFields) => Promise<void>;
  rename: (id: string, name: string) => Promise<void>;
  archive: (id: string) => Promise<void>;
}

/** Local writes to the projects collection (the outbox records them, the leader tab pushes them). */
export function useProjectActions(): ProjectActions | null {
  const db = useSyncDatabase();
  return useMemo(() => {
    if (!db?.collections['projects']) return null;
    // Looked up at each write: the engine may re-create the collection (see useCollectionQuery).
    const collection = () => db.collections['projects']!;
    const patch = async (id: string, changes: Record<string, unknown>) => {
      const doc = await collection().findOne(id).exec();
      if (doc) await doc.incrementalPatch(changes);
    };
    return {
      create: async (name, status) => {
        const doc = newProject(name, status);
        await collection().insert(doc);
        return doc.id;
      },
      createFull: async (fields) => {
        const doc = projectFromForm(fields);
        await collection().insert(doc);
        return doc.id;
      },
      update: async (id, fields) => {
        const doc = await collection().findOne(id).exec();
        if (!doc) return;
        await doc.incrementalModify((current) => {
          const next: Record<string, unknown> = { ...current, ...fields, updatedAt: new Date().toISOString() };
          if (!fields.code) delete next.code;
          return next as typeof current;
        });
      },
      rename: (id, name) => patch(id, renamePatch(name)),
      archive: (id) => patch(id, archivePatch()),
    };
  }, [db]);
}
