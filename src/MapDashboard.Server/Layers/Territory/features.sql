-- Districts, streets and communities (OGC API, exports).
select t.id, t.boundary as geom, null::timestamptz as at,
       jsonb_build_object('code', t.code, 'name', t.name, 'kind', t.kind) as properties
from territory_unit t
where t.kind in ('district', 'street', 'community')
