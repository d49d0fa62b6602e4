-- Assignments carry their mission's start (`missionStartAt`, assignments version 1): devices read a planner's
-- weeks by that index instead of every assignment of the season (docs/performance.md, cold open). The server
-- keeps the copy (sync-server/src/planning/mission-start.ts); this fills the stored assignments once. Devices
-- at version 0 are asked to update (426) and pull the collection again, so the change numbers stay as they are.
update assignments a
set doc = jsonb_set(a.doc, '{missionStartAt}', to_jsonb(coalesce(
  (select m.doc->>'startAt' from missions m where m.org_id = a.org_id and m.id = a.doc->>'missionId' and not m.deleted),
  '1970-01-01T00:00:00.000Z')))
where a.doc->>'missionStartAt' is null;

-- A mission's assignments, read when it moves (and by the planning checks).
create index assignments_mission_idx on assignments (org_id, (doc->>'missionId')) where not deleted;
