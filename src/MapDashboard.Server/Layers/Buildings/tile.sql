-- Footprints with who owns and manages them; ownerless and disputed are
-- flags so the map can mark "nobody is responsible" without a second query.
select b.id, b.code, b.name, b.households, b.residents,
       coalesce(o.name, '') as owner, coalesce(m.name, '') as manager,
       b.owner_id is null as ownerless,
       (select count(*) from ownership_claim c where c.asset_kind = 'building' and c.asset_id = b.id) > 1 as disputed,
       ST_AsMVTGeom(ST_Transform(b.footprint, 3857), bounds.tile, 4096, 64, true) as geom
from building b
cross join bounds
left join organisation o on o.id = b.owner_id
left join organisation m on m.id = b.property_manager_id
where b.footprint && bounds.area
