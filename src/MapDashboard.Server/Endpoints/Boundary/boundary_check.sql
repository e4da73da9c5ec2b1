-- Why a proposed boundary cannot be saved for unit @code, or null when it can:
-- a valid, non-empty (Multi)Polygon in EPSG:4326 that stays inside its parent.
with unit as (
    select u.code, p.code as parent_code, p.boundary as parent_boundary
    from territory_unit u left join territory_unit p on p.id = u.parent_id
    where u.code = @code),
proposed as (select ST_GeomFromGeoJSON(@geojson) as geom)
select case
    when ST_SRID(g.geom) <> 4326 then
        format('the boundary is in SRID %s; send EPSG:4326 longitude/latitude', ST_SRID(g.geom))
    when GeometryType(g.geom) not in ('POLYGON', 'MULTIPOLYGON') then
        format('the geometry is a %s; a boundary is a Polygon or MultiPolygon', GeometryType(g.geom))
    when ST_IsEmpty(g.geom) then 'the polygon is empty'
    when ST_XMin(g.geom) < -180 or ST_XMax(g.geom) > 180 or ST_YMin(g.geom) < -90 or ST_YMax(g.geom) > 90 then
        'coordinates are out of longitude/latitude range; send EPSG:4326 [lon, lat]'
    when not ST_IsValid(g.geom) then 'the polygon is not valid: ' || ST_IsValidReason(g.geom)
    when u.parent_boundary is not null and not ST_Covers(u.parent_boundary, g.geom) then
        format('the boundary leaves its parent %s: %s m² lie outside it', u.parent_code,
               to_char(ST_Area(ST_Transform(ST_Difference(g.geom, u.parent_boundary), 32648)), 'FM999,999,990.0'))
    end
from unit u, proposed g
