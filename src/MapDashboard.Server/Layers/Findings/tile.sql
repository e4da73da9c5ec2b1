-- Findings where ownership is unclear, for a hatched layer: only those still to act on (new, assigned).
-- Property names are the live feature's (finding_feature); units is comma-separated here (a tile value is scalar).
select f.id, f.finding_key as code, f.finding_key as key, f.kind, f.status, round(f.area_m2::numeric, 1)::float8 as "areaM2",
       array_to_string(f.unit_codes, ',') as units,
       ST_AsMVTGeom(ST_Transform(f.geom, 3857), bounds.tile, 4096, 64, true) as geom
from finding f, bounds
where f.geom && bounds.area and f.present and f.status in ('new', 'assigned')
