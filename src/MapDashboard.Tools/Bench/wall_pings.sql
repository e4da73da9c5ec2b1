-- One batch of the wall benchmark's worker pings: each worker's next position, recorded now.
insert into patrol_ping (worker_id, recorded_at, location, accuracy_m)
select w, now(), ST_SetSRID(ST_MakePoint(lon, lat), 4326), 5
from unnest(@workers, @lons, @lats) as t(w, lon, lat)
