-- Territory units of one kind. The loader walks the kinds top-down (district
-- first), so every parent_code names a row an earlier statement inserted.
insert into territory_unit (code, name, kind, parent_id, boundary)
select p->>'code', p->>'name', p->>'kind',
       (select parent.id from territory_unit parent where parent.code = p->>'parent_code'),
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4326))
from jsonb_array_elements(@doc->'features') f,
     lateral (select f->'properties' as p) props
where p->>'kind' = @kind;
