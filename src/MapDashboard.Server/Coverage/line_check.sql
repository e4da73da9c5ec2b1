-- Why a drawn path (GeoJSON @path) cannot be measured, or null when it can: a LineString of at least two
-- distinct vertices in EPSG:4326 [lon, lat] that reaches the district. A path that misses the district but
-- would lie in it with each pair flipped has its latitude and longitude swapped.
with l as (select ST_GeomFromGeoJSON(@path) as geom),
d as (select ST_Union(boundary) as geom from territory_unit where kind = 'district')
select case
    when GeometryType(l.geom) <> 'LINESTRING' then format('the path is a %s; send a GeoJSON LineString', GeometryType(l.geom))
    when ST_SRID(l.geom) not in (0, 4326) then format('the path is in SRID %s; send EPSG:4326 longitude/latitude', ST_SRID(l.geom))
    when ST_NPoints(l.geom) < 2 then 'the path needs at least 2 vertices'
    when ST_YMin(l.geom) < -90 or ST_YMax(l.geom) > 90 then
        case when ST_XMin(l.geom) >= -90 and ST_XMax(l.geom) <= 90 and ST_YMin(l.geom) >= -180 and ST_YMax(l.geom) <= 180
             then 'latitude and longitude look swapped: send each vertex as [lon, lat]'
             else 'coordinates are out of longitude/latitude range; send EPSG:4326 [lon, lat]' end
    when ST_XMin(l.geom) < -180 or ST_XMax(l.geom) > 180 then 'coordinates are out of longitude/latitude range; send EPSG:4326 [lon, lat]'
    when ST_Length(l.geom) = 0 then 'the path has no length: all its vertices are the same point'
    when not ST_IsValid(l.geom) then 'the path is not valid: ' || ST_IsValidReason(l.geom)
    when d.geom is not null and not ST_Intersects(d.geom, ST_SetSRID(ST_Force2D(l.geom), 4326)) then
        case when ST_Intersects(d.geom, ST_SetSRID(ST_FlipCoordinates(ST_Force2D(l.geom)), 4326))
             then 'latitude and longitude look swapped: send each vertex as [lon, lat]'
             else 'the path lies outside the district' end
    end
from l left join d on true
