-- The stops a suggested route must visit in grid @code: every asset the grid still owes a visit in the window
-- starting at @from — a building entrance or hazard nobody visited since then, whatever the hazard's status,
-- and a hazard due for a revisit (due by now and not visited since it fell due). The same rule as the grid's
-- coverage (patrol_grid_assets): the suggestion visits everything the coverage lists as unvisited or due.
-- Metric-frame x/y for ordering.
with g as (select boundary from territory_unit where code = @code and patrol_grid_kind(kind))
select a.kind, a.code, a.name, ST_X(a.location) as lon, ST_Y(a.location) as lat,
       ST_X(a.location_metric) as x, ST_Y(a.location_metric) as y
from g, patrol_grid_assets(g.boundary, @from) a
where a.owed
order by a.kind, a.code
