-- The base map's water (OGC API, exports).
select w.id, w.geom, null::timestamptz as at,
       jsonb_build_object('name', w.name, 'kind', w.kind) as properties
from base_water w
