-- Every footprint as a whole-layer feature (OGC API, exports): the live feature's properties, built here in one
-- set-based query because live_feature() per row costs 0.4 ms, 20 s for a city's 51,086 buildings.
select b.id, b.footprint as geom, null::timestamptz as at,
       jsonb_build_object('code', b.code, 'name', b.name, 'households', b.households,
           'residents', b.residents, 'owner', coalesce(o.name, ''), 'manager', coalesce(m.name, ''),
           'ownerless', b.owner_id is null,
           'disputed', (select count(*) from ownership_claim c where c.asset_kind = 'building' and c.asset_id = b.id) > 1) as properties
from building b
left join organisation o on o.id = b.owner_id
left join organisation m on m.id = b.property_manager_id
