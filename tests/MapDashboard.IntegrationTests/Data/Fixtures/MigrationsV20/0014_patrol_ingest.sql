-- Patrol ingest: GPS pings arrive in batches (2,000 workers every 5 s, with
-- headroom: thousands of rows a second), and planners save routes.

-- A flagged ping is not a position: it changes nothing on the map, so it is not captured. The capture stays
-- per row (0007): a statement-level capture writing one change per worker per batch was tried and measured
-- worse — `bench live` p99 rose from ~0.2 s to 3–9 s with 400 single-ping statements a second — for reasons
-- not yet understood (see the issue notes); the feed coalesces positions per worker anyway.
drop trigger patrol_ping_capture on patrol_ping;
create trigger patrol_ping_capture after insert on patrol_ping
    for each row when (new.flag is null) execute function capture_change('workers', 'location', 'worker_id');

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
