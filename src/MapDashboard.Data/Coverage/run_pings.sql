-- The trusted pings of each run of a worker's consecutive queued hours, in time order, with the last ping before
-- the run and the first after it within the gap (the track may run across the run's edges): one row per run, its
-- pings as three arrays (a row per ping cost as much again in the protocol and the client as the read itself).
-- Three probes of patrol_ping_trusted_idx per run, each in index order, aggregated in that order (the caller
-- checks it).
select r.run, x.t, x.lon, x.lat
from unnest(@workers, @from_at, @to_at) with ordinality as r(worker_id, from_at, to_at, run)
cross join lateral (
    select array_agg(date_part('epoch', q.recorded_at)) as t, array_agg(ST_X(q.location)) as lon, array_agg(ST_Y(q.location)) as lat
    from ((select recorded_at, location from patrol_ping
           where worker_id = r.worker_id and flag is null and recorded_at < r.from_at
             and recorded_at >= r.from_at - make_interval(secs => @gap)
           order by recorded_at desc limit 1)
          union all
          (select recorded_at, location from patrol_ping
           where worker_id = r.worker_id and flag is null and recorded_at >= r.from_at and recorded_at < r.to_at
           order by recorded_at)
          union all
          (select recorded_at, location from patrol_ping
           where worker_id = r.worker_id and flag is null and recorded_at >= r.to_at
             and recorded_at <= r.to_at + make_interval(secs => @gap)
           order by recorded_at limit 1)) q
) x
where x.t is not null;
