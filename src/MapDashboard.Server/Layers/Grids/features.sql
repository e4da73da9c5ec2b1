-- Every kind of grid with its status and why (OGC API, exports).
select t.id, t.boundary as geom, null::timestamptz as at,
       jsonb_build_object('code', t.code, 'name', t.name, 'kind', t.kind, 'status', t.status,
           'reasons', t.status_reasons) as properties
from territory_unit t
where t.kind in ('community_grid', 'dedicated_grid', 'micro_grid', 'police_grid')
