-- A drafted route measured exactly as a walked track is: the same cover (patrol_cover_of), the same
-- "what lies within the radius" (patrol_assets_near), the same share of the grid (patrol_area_share).
-- The grid is @grid, else the patrolled grid holding most of the line. Each miss says whether the grid still
-- owes it a visit today (`owed`: unvisited today or due for a revisit, the rule the grid's coverage and the
-- route suggestion share, patrol_grid_assets), so a planner reading a suggested route sees no owed miss.
with s as (select visit_radius_m as r from patrol_coverage_setting),
l as (select @path as geom),
g as (
    select u.id, u.code, u.boundary from territory_unit u, l
    where patrol_grid_kind(u.kind)
      and case when @grid::text is null then u.boundary && l.geom and ST_Intersects(u.boundary, l.geom) else u.code = @grid::text end
    order by ST_Length(ST_Transform(ST_Intersection(u.boundary, l.geom), metric_srid())) desc, u.kind = 'micro_grid', u.code
    limit 1),
cov as (select patrol_covered_in(g.boundary, patrol_cover_of(l.geom, s.r)) as geom, g.boundary from g, l, s),
near as (select n.* from l, s, patrol_assets_near(l.geom, s.r) n),
m as (select ST_Length(ST_Transform(geom, metric_srid())) as metres from l)
select json_build_object(
    'metres', round(m.metres::numeric, 1), 'walkingMinutes', round((m.metres / 75)::numeric, 1), 'radiusMetres', s.r,
    'grid', (select code from g),
    'areaShare', (select patrol_area_share(geom, boundary) from cov),
    'covered', (select ST_AsGeoJSON(geom, 7)::json from cov),
    'passes', (select coalesce(json_agg(json_build_object('kind', kind, 'code', code, 'name', name) order by kind, code), '[]') from near),
    'misses', (select coalesce(json_agg(json_build_object('kind', a.kind, 'code', a.code, 'name', a.name,
                                                          'lon', round(ST_X(a.location)::numeric, 7), 'lat', round(ST_Y(a.location)::numeric, 7),
                                                          'owed', a.owed)
                                        order by a.kind, a.code), '[]')
               from g, patrol_grid_assets(g.boundary, patrol_day_start(patrol_today())) a
               where not exists (select 1 from near n where n.kind = a.kind and n.id = a.id))
)::text
from s, m
