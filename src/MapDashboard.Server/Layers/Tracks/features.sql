-- Today's stored track pieces, as the tile; the id is the tile's. The worker's name is personal data: the
-- permission rule masks or removes it by the worker's unit.
select (t.worker_id::bigint * 1000000 + (extract(epoch from t.hour_start)::bigint / 3600) % 1000000) * 100 + t.piece as id,
       ST_Force2D(t.path) as geom, null::timestamptz as at,
       jsonb_build_object('worker', p.code, 'workerName', p.name, 'unit', u.code) as properties
from patrol_track t
join person p on p.id = t.worker_id
left join territory_unit u on u.id = p.unit_id
where t.hour_start >= patrol_day_start(patrol_today())
