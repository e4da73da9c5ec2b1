-- Patrol ingest: GPS pings arrive in batches (2,000 workers every 5 s, with
-- headroom: thousands of rows a second), and planners save routes.

-- The per-row capture of 0007 computed a live feature, took the ordering lock
-- and wrote a change_log row for every ping: at 4,000 pings/s that is 4,000
-- log rows a second that the feed then coalesces away again. The map shows one
-- position per worker, so one change per worker per statement is all it needs:
-- their newest trusted ping (flag is null). The feature is the same
-- live_feature('workers', id) as before, so clients see no difference.
drop trigger patrol_ping_capture on patrol_ping;

create function capture_patrol_pings() returns trigger
language plpgsql as $$
declare
    v_changes jsonb;
begin
    -- A bulk load (an import of old tracks) is not a stream of changes.
    if current_setting('mapdashboard.capture', true) = 'off' then
        return null;
    end if;
    -- Features first, outside the ordering lock (as capture_change does): the lock
    -- serialises every writer of the log until its commit, so it is held briefly.
    -- A worker whose batch held only older (out-of-order) pings has not moved on the
    -- map: their newest trusted ping is still one stored before, so nothing is logged.
    select jsonb_agg(jsonb_build_object('id', w.worker_id, 'feature', f.feature) order by w.worker_id)
    into v_changes
    from (select worker_id, max(recorded_at) as newest
          from new_pings where flag is null group by worker_id) w
    cross join lateral (select live_feature('workers', w.worker_id) as feature) f
    where (f.feature -> 'properties' ->> 'recordedAt')::timestamptz = w.newest;
    if v_changes is null then
        return null;
    end if;

    perform pg_advisory_xact_lock(1296126019); -- 'MAPC', the same lock as capture_change
    insert into change_log (seq, layer, feature_id, op, feature, geom, old_geom)
    select nextval('change_log_seq'), 'workers', (c ->> 'id')::bigint, 'upsert', c -> 'feature',
           ST_SetSRID(ST_GeomFromGeoJSON(c -> 'feature' -> 'geometry'), 4326), null
    from jsonb_array_elements(v_changes) c;
    perform pg_notify('map_changes', '');
    return null;
end
$$;

create trigger patrol_ping_capture after insert on patrol_ping
    referencing new table as new_pings
    for each statement execute function capture_patrol_pings();

-- Every "latest trusted ping of a worker" (the live feature, the workers
-- snapshot) and every time-neighbour lookup of the speed check reads this:
-- flagged pings never count as positions, so they are not in it.
create index patrol_ping_trusted_idx on patrol_ping (worker_id, recorded_at) where flag is null;

alter table patrol_ping add constraint patrol_ping_flag_known
    check (flag is null or flag in ('poor_accuracy', 'impossible_speed'));

-- A saved route as the planner's API and the live 'routes' layer show it: one
-- definition, so a route read back, saved, or streamed looks the same.
create function route_feature(p_id bigint) returns jsonb
language sql stable as $$
    select jsonb_build_object('type', 'Feature', 'id', r.id, 'geometry', ST_AsGeoJSON(r.path, 7)::jsonb,
        'properties', jsonb_build_object(
            'name', r.name, 'plannedFor', r.planned_for,
            'grid', g.code, 'worker', w.code, 'workerName', w.name,
            'metres', round(ST_Length(r.path::geography)::numeric, 1)))
    from patrol_route r
    left join territory_unit g on g.id = r.grid_id
    left join person w on w.id = r.worker_id
    where r.id = p_id
$$;

-- The live 'routes' layer gets the API's shape (workerName, metres); every
-- other layer keeps the definition before this migration.
alter function live_feature(text, bigint) rename to live_feature_before_patrol_routes;
create or replace function live_feature(p_layer text, p_id bigint) returns jsonb
language sql stable as $$
    select case when p_layer = 'routes' then route_feature(p_id)
                else live_feature_before_patrol_routes(p_layer, p_id) end
$$;

-- The planner lists a day's routes.
create index patrol_route_planned_for_idx on patrol_route (planned_for);
