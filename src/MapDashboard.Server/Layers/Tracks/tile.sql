-- Today's trusted tracks (local day of Patrols' time zone), one feature per stored piece: a worker's pieces
-- meet end to end at the clock hours they are stored by, and break only at a gap or a jump. The worker's name is
-- personal data: Tiles/ drops it from the tile of an account that may not see it (TracksLayer).
select (t.worker_id::bigint * 1000000 + (extract(epoch from t.hour_start)::bigint / 3600) % 1000000) * 100 + t.piece as id,
       p.code as worker, p.name as "workerName", u.code as unit,
       ST_AsMVTGeom(ST_Transform(ST_Force2D(t.path), 3857), bounds.tile, 4096, 64, true) as geom
from bounds, patrol_track t join person p on p.id = t.worker_id left join territory_unit u on u.id = p.unit_id
where t.path && bounds.area and t.hour_start >= patrol_day_start(patrol_today())
