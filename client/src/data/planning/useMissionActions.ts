import { uuidv7 } from '@coulisses/shared';
import { duplicateMissions, publishPatches, recurrenceCopies } from '@coulisses/shared/planning/mission-copies';
import { useMemo } from 'react';
import { applyMissionEdit, newMission, type MissionFields } from './mission-writes';
import type { MissionDoc } from '../types';
import { useLocalWrites } from '../useLocalWrites';
import { useOrgContext } from '../org/useOrgContext';

export interface MissionActions {
  create: (fields: MissionFields) => Promise<string>;
  update: (current: MissionDoc, fields: MissionFields) => Promise<void>;
  publish: (selected: MissionDoc[]) => Promise<number>;
  cancel: (id: string) => Promise<void>;
  /** Draft copies at the same times; answers the new ids. */
  duplicate: (selected: MissionDoc[]) => Promise<string[]>;
  /** n weekly occurrences in all (the mission itself is the first). */
  recur: (mission: MissionDoc, occurrences: number) => Promise<number>;
  /** Inserts generated missions (wizard, week copy) as they are. */
  insertMany: (docs: MissionDoc[]) => Promise<number>;
}

const strip = ({ _deleted: _d, ...doc }: MissionDoc) => doc;

/** Local writes to missions: every one works offline and is pushed by the next sync. */
export function useMissionActions(): MissionActions | null {
  const writes = useLocalWrites();
  const { tz } = useOrgContext();
  return useMemo(() => {
    if (!writes) return null;
    const now = () => new Date().toISOString();
    const newId = () => uuidv7();
    const insertMany = async (docs: MissionDoc[]) => {
      await writes.bulkInsert('missions', docs.map(strip));
      return docs.length;
    };
    return {
      create: async (fields) => {
        const doc = newMission(fields);
        await writes.insert('missions', doc);
        return doc.id;
      },
      update: (current, fields) => writes.modify('missions', current.id, (doc) => applyMissionEdit(doc as MissionDoc, fields)),
      publish: async (selected) => {
        const patches = publishPatches(selected, now());
        for (const p of patches) await writes.patch('missions', p.id, { status: p.patch.status });
        return patches.length;
      },
      cancel: (id) => writes.patch('missions', id, { status: 'CANCELLED' }),
      duplicate: async (selected) => {
        const copies = duplicateMissions(selected.map(strip), newId, now());
        await insertMany(copies);
        return copies.map((c) => c.id);
      },
      recur: (mission, occurrences) => insertMany(recurrenceCopies(strip(mission), occurrences, tz, newId, now())),
      insertMany,
    };
  }, [writes, tz]);
}
