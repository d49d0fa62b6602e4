import { NO_MISSION_START, type SyncDoc } from '@coulisses/shared';
import type { LocalHook } from '../../sync/local-hooks';

/**
 * An assignment carries its mission's start (`missionStartAt`, indexed: the planner's weeks read their
 * assignments by range). The server keeps the copy; on the device, a new assignment takes its local mission's
 * start, and a mission moved here moves its assignments with it, offline too.
 */
const fillOnInsert: LocalHook = (collection, db) => {
  collection.preInsert(async (doc: SyncDoc) => {
    if (typeof doc.missionStartAt === 'string') return;
    const mission = await db.collections['missions']?.findOne(String(doc.missionId)).exec();
    const start = mission?.get('startAt') as unknown;
    doc.missionStartAt = typeof start === 'string' ? start : NO_MISSION_START;
  }, false);
};

const followMission: LocalHook = (collection, db) => {
  collection.postSave(async (mission: SyncDoc) => {
    const assignments = db.collections['assignments'];
    if (!assignments || mission._deleted || typeof mission.startAt !== 'string') return;
    const start = mission.startAt;
    // RxDB does not wait for this hook after an incremental write: a failure is reported, not thrown into nothing
    // (the server's copy comes back with the next pull).
    try {
      const stale = await assignments.find({ selector: { missionId: mission.id, missionStartAt: { $ne: start } } }).exec();
      await Promise.all(stale.map((a) => a.incrementalPatch({ missionStartAt: start })));
    } catch (e) {
      console.warn('missionStartAt not copied', e);
    }
  }, false);
};

export const missionStartHooks = { assignments: [fillOnInsert], missions: [followMission] };
