-- Today's covered land per grid, as the tile (OGC API, exports).
select d.grid_id::bigint as id, d.covered as geom, null::timestamptz as at,
       jsonb_build_object('code', u.code, 'share', d.area_share, 'visit_share', d.visit_share) as properties
from grid_coverage_day d
join territory_unit u on u.id = d.grid_id
where d.day = patrol_today() and d.covered is not null
