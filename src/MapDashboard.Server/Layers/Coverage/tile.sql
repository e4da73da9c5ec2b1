-- Today's covered land per grid (within the visit radius of today's tracks, clipped to the grid), with the
-- share of the grid's area it is and the share of its buildings and hazards visited.
select d.grid_id as id, u.code, d.area_share as share, d.visit_share as visit_share,
       ST_AsMVTGeom(ST_Transform(d.covered, 3857), bounds.tile, 4096, 64, true) as geom
from bounds, grid_coverage_day d join territory_unit u on u.id = d.grid_id
where d.day = patrol_today() and d.covered && bounds.area
