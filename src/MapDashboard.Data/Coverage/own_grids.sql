-- The patrolled grids each worker is assigned to, as one outline per worker: time there is "time in own grid".
select g.grid_worker_id as worker_id, ST_Union(g.boundary) as boundary
from territory_unit g
where g.grid_worker_id = any(@workers) and patrol_grid_kind(g.kind)
group by g.grid_worker_id;
