-- Building footprints with their households, residents and (possibly missing) owner and manager.
insert into building (code, name, compound, use, footprint, entrance, floors, households, residents, year_built, owner_id, property_manager_id)
select p->>'code', p->>'name', p->>'compound', coalesce(p->>'use', 'residential'),
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4326)),
       case when jsonb_typeof(p->'entrance') = 'array'
            then ST_SetSRID(ST_MakePoint((p->'entrance'->>0)::float8, (p->'entrance'->>1)::float8), 4326) end,
       (p->>'floors')::int, coalesce((p->>'households')::int, 0), coalesce((p->>'residents')::int, 0),
       (p->>'year_built')::int,
       (select o.id from organisation o where o.code = p->>'owner_code'),
       (select o.id from organisation o where o.code = p->>'manager_code')
from jsonb_array_elements(@doc->'features') f,
     lateral (select f->'properties' as p) props;
