-- Each demo grid worker with their own grid in the metric frame's metres (the walker moves in metres) and the
-- entrances of the buildings in it, flattened [x0, y0, x1, y1, …]. The boundary carries the
-- frame's SRID (metric_srid()): the walker's way back to lon/lat.
select p.code as worker, g.code as grid,
       ST_Transform(g.boundary, metric_srid()) as boundary,
       coalesce((select array_agg(c order by b.code, n)
                 from building b
                 cross join lateral ST_Transform(coalesce(b.entrance, ST_PointOnSurface(b.footprint)), metric_srid()) e
                 cross join lateral unnest(array[ST_X(e), ST_Y(e)]) with ordinality as xy(c, n)
                 where ST_Intersects(g.boundary, coalesce(b.entrance, ST_PointOnSurface(b.footprint)))),
                '{}') as entrances
from territory_unit g
join person p on p.id = g.grid_worker_id
where p.role = 'grid_worker' and g.kind in ('community_grid', 'dedicated_grid', 'micro_grid')
order by p.code
