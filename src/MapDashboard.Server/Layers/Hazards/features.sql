-- Every hazard point with the live feature's properties (OGC API, exports).
select h.id, h.location as geom, null::timestamptz as at,
       jsonb_build_object('code', h.code, 'category', h.category_code, 'severity', h.severity,
           'status', h.status, 'ownerless', h.owner_id is null) as properties
from hazard h
