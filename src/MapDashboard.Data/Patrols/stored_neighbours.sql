-- For every new ping, the worker's nearest stored trusted ping before and after
-- it in time: what the speed check compares with (time-neighbours, not arrival
-- order). Two probes of patrol_ping_trusted_idx per ping; distinct because a
-- batch's pings mostly share their neighbours.
select distinct q.worker_id, n.recorded_at, ST_X(n.location) as lon, ST_Y(n.location) as lat, n.accuracy_m
from unnest(@workers, @times) as q(worker_id, recorded_at)
cross join lateral (
    (select recorded_at, location, accuracy_m from patrol_ping
     where worker_id = q.worker_id and flag is null and recorded_at < q.recorded_at
     order by recorded_at desc limit 1)
    union all
    (select recorded_at, location, accuracy_m from patrol_ping
     where worker_id = q.worker_id and flag is null and recorded_at > q.recorded_at
     order by recorded_at limit 1)
) n
