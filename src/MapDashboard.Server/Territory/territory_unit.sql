-- One unit as a GeoJSON Feature, boundary included.
select json_build_object(
           'type', 'Feature',
           'id', t.code,
           'geometry', ST_AsGeoJSON(t.boundary, 7)::json,
           'properties', json_build_object(
               'code', t.code, 'name', t.name, 'kind', t.kind, 'parentCode', p.code, 'status', t.status,
               'bbox', json_build_array(ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b))))::text
from territory_unit t
left join territory_unit p on p.id = t.parent_id
cross join lateral (select Box2D(t.boundary) as b) box
where t.code = @code;
