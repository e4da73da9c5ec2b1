-- Offline base map: the Yellow River and other water.
select w.id, w.name, w.kind,
       ST_AsMVTGeom(ST_Transform(w.geom, 3857), bounds.tile, 4096, 64, true) as geom
from base_water w, bounds
where w.geom && bounds.area
