-- Districts, streets and communities: the hierarchy and its labels.
select t.id, t.code, t.name, t.kind,
       ST_AsMVTGeom(ST_Transform(t.boundary, 3857), bounds.tile, 4096, 64, true) as geom
from territory_unit t, bounds
where t.kind in ('district', 'street', 'community') and t.boundary && bounds.area
