-- The whole batch in one statement (one round trip, one statement-level capture):
-- a ping already stored (a retried batch) is skipped, not an error, so a device
-- may resend after a lost answer. Returns what was stored, to tell the rest
-- apart as duplicates.
insert into patrol_ping (worker_id, recorded_at, location, accuracy_m, flag)
select p.worker_id, p.recorded_at, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326), p.accuracy, p.flag
from unnest(@workers, @times, @lons, @lats, @accuracies, @flags) as p(worker_id, recorded_at, lon, lat, accuracy, flag)
on conflict (worker_id, recorded_at) do nothing
returning worker_id, recorded_at
