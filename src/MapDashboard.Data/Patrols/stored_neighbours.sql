-- For each worker of the batch, the stored trusted pings the speed check compares with: the nearest before the
-- worker's earliest new ping, every one from their earliest to their latest, and the nearest after the latest.
-- That holds each new ping's nearest stored neighbour on either side (the judge skips a stored ping at the very
-- same time as the new one), in three probes of patrol_ping_trusted_idx per worker instead of two per ping:
-- a device's batch is one worker's pings.
with span as (
    select worker_id, min(recorded_at) as first_at, max(recorded_at) as last_at
    from unnest(@workers, @times) as q(worker_id, recorded_at)
    group by worker_id)
select s.worker_id, n.recorded_at, ST_X(n.location) as lon, ST_Y(n.location) as lat, n.accuracy_m
from span s
cross join lateral (
    (select recorded_at, location, accuracy_m from patrol_ping
     where worker_id = s.worker_id and flag is null and recorded_at < s.first_at
     order by recorded_at desc limit 1)
    union all
    (select recorded_at, location, accuracy_m from patrol_ping
     where worker_id = s.worker_id and flag is null and recorded_at >= s.first_at and recorded_at <= s.last_at)
    union all
    (select recorded_at, location, accuracy_m from patrol_ping
     where worker_id = s.worker_id and flag is null and recorded_at > s.last_at
     order by recorded_at limit 1)
) n
