-- Offline base map: roads, so the map reads as a city without internet.
select r.id, r.name, r.class,
       ST_AsMVTGeom(ST_Transform(r.geom, 3857), bounds.tile, 4096, 64, true) as geom
from base_road r, bounds
where r.geom && bounds.area
