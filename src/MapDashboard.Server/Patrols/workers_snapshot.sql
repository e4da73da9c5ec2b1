-- Every grid worker with their position (worker_position: their newest trusted
-- ping; flagged pings are never a position): the live map's snapshot of the
-- 'workers' layer, and the list a dispatcher reads. A worker who never pinged is listed with null position.
-- unit = the unit the worker belongs to, as on the live layer: the permission rule masks the name by it.
select coalesce(json_agg(json_build_object(
           'code', p.code, 'name', p.name, 'grid', g.code, 'unit', (select code from territory_unit where id = p.unit_id),
           'lon', ST_X(ping.location), 'lat', ST_Y(ping.location),
           'recordedAt', ping.recorded_at,
           'ageSeconds', round(extract(epoch from now() - ping.recorded_at)::numeric, 1),
           'accuracy', ping.accuracy_m)
       order by p.code), '[]')::text
from person p
left join lateral (select code from territory_unit
                   where grid_worker_id = p.id order by code limit 1) g on true
left join worker_position ping on ping.worker_id = p.id
where p.role = 'grid_worker'
  and (@grid::text is null or g.code = @grid)
