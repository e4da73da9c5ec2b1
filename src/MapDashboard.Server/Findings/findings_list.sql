-- A unit's findings, largest first, as a GeoJSON FeatureCollection. A finding
-- belongs to a unit when it reaches into the unit's interior (touching its edge is not enough).
with unit as (select boundary from territory_unit where code = @unit)
select json_build_object('type', 'FeatureCollection',
    'features', coalesce(json_agg(finding_feature(f.id) order by f.area_m2 desc nulls last, f.finding_key), '[]'))::text
from (
    select f.id, f.area_m2, f.finding_key from finding f
    where f.present
      and f.status = any(@statuses)
      and (@kind::text is null or f.kind = @kind)
      and (@unit::text is null or exists (
            select 1 from unit u where u.boundary && f.geom and ST_Intersects(u.boundary, f.geom)
                                   and not ST_Touches(u.boundary, f.geom)))
    order by f.area_m2 desc nulls last, f.finding_key
    limit @limit) f
