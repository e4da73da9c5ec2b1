-- The offline base map's river and water bodies.
insert into base_water (name, kind, geom)
select coalesce(f->'properties'->>'name', ''), f->'properties'->>'kind',
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4326))
from jsonb_array_elements(@doc->'features') f;
