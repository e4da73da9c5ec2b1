-- The base map's roads (OGC API, exports).
select r.id, r.geom, null::timestamptz as at,
       jsonb_build_object('name', r.name, 'class', r.class) as properties
from base_road r
