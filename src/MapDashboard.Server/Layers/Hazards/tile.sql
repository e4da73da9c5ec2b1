-- Hazard points by category and severity; ownerless ones are the "管不了" kind.
select h.id, h.code, h.category_code as category, h.severity, h.status,
       h.owner_id is null as ownerless,
       ST_AsMVTGeom(ST_Transform(h.location, 3857), bounds.tile, 4096, 64, true) as geom
from hazard h, bounds
where h.location && bounds.area
