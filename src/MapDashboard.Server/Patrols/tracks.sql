-- One MultiLineString per worker for a local day: their trusted track, pieces merged back across the hour
-- boundaries they are stored by, so parts remain only where the track really breaks (a gap, a jump).
-- Optional filters: the workers whose track enters grid @grid; one worker @worker.
with d as (select patrol_day_start(@day::date) as from_at, patrol_day_start(@day::date + 1) as to_at),
g as (select boundary from territory_unit where code = @grid::text),
t as (
    select t.* from patrol_track t, d
    where t.hour_start >= d.from_at and t.hour_start < d.to_at
      and (@worker::text is null or t.worker_id = (select id from person where code = @worker::text))),
w as (
    select worker_id from t
    where @grid::text is null or exists (select 1 from g where t.path && g.boundary and ST_Intersects(t.path, g.boundary))
    group by worker_id),
f as (
    select p.code, json_build_object('type', 'Feature', 'id', p.code,
        'geometry', ST_AsGeoJSON(ST_Multi(ST_LineMerge(ST_Collect(ST_Force2D(t.path) order by t.started_at))), 7)::json,
        'properties', json_build_object(
            'worker', p.code, 'workerName', p.name, 'unit', (select code from territory_unit where id = p.unit_id),
            'grid', (select u.code from territory_unit u where u.grid_worker_id = p.id and patrol_grid_kind(u.kind) order by u.code limit 1),
            'metres', round(sum(t.metres)::numeric, 1), 'from', min(t.started_at), 'to', max(t.ended_at), 'pings', sum(t.pings))) as feature
    from t join w using (worker_id) join person p on p.id = t.worker_id
    group by p.id, p.code, p.name, p.unit_id)
select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(feature order by code), '[]'))::text from f
