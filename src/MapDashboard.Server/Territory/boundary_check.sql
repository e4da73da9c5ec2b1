-- Why a proposed boundary cannot be saved for unit @code, or null when it can:
-- a valid (Multi)Polygon in EPSG:4326 of at least 1 m² that stays inside its parent.
-- (Its shape — types, 2D positions, ranges, closed rings, the vertex limit — was checked by BoundaryGeoJson, which
-- binds @boundary as a geometry in SRID 4326; the shape branches below stay as guards, nothing here parses text.)
-- "Inside" tolerates 0.05 m: an editor snapping to the parent's edge leaves float noise of a few
-- micrometres, which must not refuse the edit as "0.0 m² lie outside it". Areas are taken in the metric frame (metric_srid()), but
-- only for a boundary near its parent: a polygon spanning half the world has no meaningful area in it (it printed a
-- negative one), so such a boundary is refused by its extent instead.
with unit as (
    select u.code, p.code as parent_code, p.boundary as parent_boundary
    from territory_unit u left join territory_unit p on p.id = u.parent_id
    where u.code = @code),
-- Materialized: otherwise the planner folds the expressions on the constant geometry before CASE picks a branch,
-- and a later branch's ST_Transform fails on a polygon the earlier branches were there to refuse.
proposed as materialized (select @boundary as geom)
select case
    when ST_SRID(g.geom) <> 4326 then
        format('the boundary is in SRID %s; send EPSG:4326 longitude/latitude', ST_SRID(g.geom))
    when GeometryType(g.geom) not in ('POLYGON', 'MULTIPOLYGON') then
        format('the geometry is a %s; a boundary is a Polygon or MultiPolygon', GeometryType(g.geom))
    when ST_IsEmpty(g.geom) then 'the polygon is empty'
    when ST_XMin(g.geom) < -180 or ST_XMax(g.geom) > 180 or ST_YMin(g.geom) < -90 or ST_YMax(g.geom) > 90 then
        'coordinates are out of longitude/latitude range; send EPSG:4326 [lon, lat]'
    when not ST_IsValid(g.geom) then 'the polygon is not valid: ' || ST_IsValidReason(g.geom)
    when u.parent_boundary is not null and not ST_Covers(ST_Expand(u.parent_boundary, 1), g.geom) then
        format('the boundary leaves its parent %s: it reaches [%s, %s]…[%s, %s], more than a degree beyond the parent',
               u.parent_code, round(ST_XMin(g.geom)::numeric, 4), round(ST_YMin(g.geom)::numeric, 4),
               round(ST_XMax(g.geom)::numeric, 4), round(ST_YMax(g.geom)::numeric, 4))
    when ST_Area(g.geom::geography) < 1 then
        'the boundary covers less than 1 m²; a territory unit must cover at least 1 m²'
    when u.parent_boundary is not null
         and not ST_Covers(ST_Buffer(ST_Transform(u.parent_boundary, metric_srid()), 0.05), ST_Transform(g.geom, metric_srid())) then
        format('the boundary leaves its parent %s: %s m² lie outside it', u.parent_code,
               to_char(greatest(0, ST_Area(ST_Difference(ST_Transform(g.geom, metric_srid()), ST_Transform(u.parent_boundary, metric_srid())))),
                       'FM999,999,990.00'))
    end
from unit u, proposed g
