-- The half hour before the benchmark's first ping, for every device: 360 trusted pings 5 s apart, walking loops of
-- 100 m radius (1.2 m/s) that end exactly at the device's start point, so its first measured ping continues
-- the walk. Mid-shift, patrol_ping is never empty: each side starts from this, not from an empty table, whose
-- plans and page contention are not production's.
create unlogged table bench_baseline (worker_id int, recorded_at timestamptz, location geometry(Point, 4326), accuracy_m real);
insert into bench_baseline
select d.worker_id, @start - make_interval(secs => 5 * k) as recorded_at,
       ST_SetSRID(ST_MakePoint(d.lon + (cos(k * 0.06) - 1) * 100 / 90000.0, d.lat + sin(k * 0.06) * 100 / 110570.0), 4326) as location,
       5.0::real as accuracy_m
from unnest(@workers, @lons, @lats) as d(worker_id, lon, lat)
cross join generate_series(1, 360) k;
