-- The offline base map's roads.
insert into base_road (name, class, geom)
select coalesce(f->'properties'->>'name', ''), f->'properties'->>'class',
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4326))
from jsonb_array_elements(@doc->'features') f;
