-- Where a suggested route starts when the planner gives no point: the position (newest trusted ping) of @worker,
-- else of the grid's own worker, else a point inside the grid. In lon/lat and the metric frame.
with g as (select boundary, grid_worker_id from territory_unit where code = @code and patrol_grid_kind(kind)),
p as (
    select coalesce(
        (select x.location from worker_position x, g
         where x.worker_id = coalesce((select id from person where code = @worker::text), g.grid_worker_id)),
        (select ST_PointOnSurface(boundary) from g)) as location)
select ST_X(location) as lon, ST_Y(location) as lat,
       ST_X(ST_Transform(location, metric_srid())) as x, ST_Y(ST_Transform(location, metric_srid())) as y
from p where location is not null
