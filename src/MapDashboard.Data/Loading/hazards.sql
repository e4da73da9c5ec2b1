-- Hazard points (飞线充电, low cables, blocked drains, …) with their owner when one is known.
insert into hazard (code, category_code, severity, status, owner_id, building_id, description, location)
select p->>'code', p->>'category', p->>'severity', coalesce(p->>'status', 'open'),
       (select o.id from organisation o where o.code = p->>'owner_code'),
       (select b.id from building b where b.code = p->>'building_code'),
       coalesce(p->>'description', ''),
       ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4326)
from jsonb_array_elements(@doc->'features') f,
     lateral (select f->'properties' as p) props;
