-- A synthetic patrol day for the coverage benchmark: the worker of each grid in @grid_ids walks straight legs
-- between random points of their grid (ST_GeneratePoints, seeded by the grid id) at @speed m/s from @start,
-- a trusted ping every @interval seconds with up to ±2 m of GPS noise, @pings pings in all.
insert into patrol_ping (worker_id, recorded_at, location, accuracy_m)
select w.worker_id, @start + make_interval(secs => (d.path[1] - 1) * @interval),
       ST_Transform(ST_Translate(d.geom, random() * 4 - 2, random() * 4 - 2), 4326), 5
from (select distinct on (g.grid_worker_id) g.grid_worker_id as worker_id, ST_Transform(g.boundary, metric_srid()) as metric, g.id
      from territory_unit g
      where g.id = any(@grid_ids) and g.grid_worker_id is not null
      order by g.grid_worker_id, g.id) w
cross join lateral (select ST_MakeLine(p.geom order by p.path) as walk from ST_Dump(ST_GeneratePoints(w.metric, @legs, w.id)) p) l
cross join lateral ST_Dump(ST_LineInterpolatePoints(l.walk, least(1.0, @speed * @interval / ST_Length(l.walk)), true)) d
where d.path[1] <= @pings
on conflict do nothing
