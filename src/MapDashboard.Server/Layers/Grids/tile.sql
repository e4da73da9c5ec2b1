-- Every kind of grid with its red / yellow / blue status; police grids are a
-- separate partition and the client draws them as their own overlay.
select t.id, t.code, t.name, t.kind, t.status,
       ST_AsMVTGeom(ST_Transform(t.boundary, 3857), bounds.tile, 4096, 64, true) as geom
from territory_unit t, bounds
where t.kind in ('community_grid', 'dedicated_grid', 'micro_grid', 'police_grid') and t.boundary && bounds.area
