-- Live capture that keeps up with the city's pings (2,000 workers every 5 s, with tenfold headroom).
--
-- Three costs made every capture expensive, the first two for pings, and all sat under the change-log ordering lock:
-- 1. live_feature was a SQL function three wrappers deep (0009 → 0010 → 0014). A SQL function whose
--    body is a CASE over every layer is neither inlined nor plan-cached: each call planned all of its
--    branches again, 2–6 ms for a lookup that takes 0.05 ms once planned. It is now PL/pgSQL, whose
--    statements are planned once per session, with one statement per layer.
-- 2. Each trusted ping wrote its own change under the lock, so every ping transaction queued on it (a lock
--    convoy: at 400 device batches a second most backends were waiting for it). The map shows one position
--    per worker, at most once a second, so positions now live in worker_position (the newest trusted ping of
--    each worker), kept by statement triggers on patrol_ping, which only mark a moved worker unpublished.
--    publish_worker_positions() — run by the server twice a second — logs every unpublished position in one
--    transaction: one lock for hundreds of batches, one change per moved worker, none for a late ping that
--    does not move anyone. A worker who leaves the map (their last trusted ping deleted) is captured at once.

create table worker_position (
    worker_id   int primary key references person(id) on delete cascade,
    location    geometry(Point, 4326) not null,
    recorded_at timestamptz not null,
    accuracy_m  real,
    -- False while the live log does not yet show this position (publish_worker_positions).
    published   boolean not null default false
);
-- Who is in this area now (a grid card, a bbox subscription).
create index worker_position_location_gix on worker_position using gist (location);

-- Positions before this migration were logged by the per-ping capture already.
insert into worker_position (worker_id, location, recorded_at, accuracy_m, published)
select distinct on (worker_id) worker_id, location, recorded_at, accuracy_m, true
from patrol_ping where flag is null
order by worker_id, recorded_at desc;

-- New pings move a worker only forward: a late (out-of-order) ping older than the position changes nothing.
-- Rows are taken in worker order, so concurrent multi-worker batches lock positions in the same order.
create function worker_position_advance() returns trigger
language plpgsql as $$
begin
    insert into worker_position as wp (worker_id, location, recorded_at, accuracy_m)
    select distinct on (worker_id) worker_id, location, recorded_at, accuracy_m
    from new_pings where flag is null
    order by worker_id, recorded_at desc
    on conflict (worker_id) do update
        set location = excluded.location, recorded_at = excluded.recorded_at, accuracy_m = excluded.accuracy_m, published = false
        where excluded.recorded_at > wp.recorded_at;
    return null;
end
$$;

-- A ping flagged, corrected or deleted afterwards (an operator's fix, a test's clean-up) may have been the
-- position: the workers it touched get their newest remaining trusted ping again, or no position at all.
-- The delete comes last: its capture takes the change-log lock, and nothing after it may wait for a row lock
-- that a running publish_worker_positions (which holds row locks and then wants that lock) could hold.
create function worker_position_recompute(p_workers int[]) returns void
language sql as $$
    insert into worker_position as wp (worker_id, location, recorded_at, accuracy_m)
    select n.worker_id, n.location, n.recorded_at, n.accuracy_m
    from unnest(p_workers) w(worker_id)
    cross join lateral (select worker_id, location, recorded_at, accuracy_m from patrol_ping
                        where worker_id = w.worker_id and flag is null order by recorded_at desc limit 1) n
    order by n.worker_id
    on conflict (worker_id) do update
        set location = excluded.location, recorded_at = excluded.recorded_at, accuracy_m = excluded.accuracy_m, published = false
        where (wp.location, wp.recorded_at, wp.accuracy_m) is distinct from (excluded.location, excluded.recorded_at, excluded.accuracy_m);
    delete from worker_position p
    where p.worker_id = any (p_workers)
      and not exists (select 1 from patrol_ping x where x.worker_id = p.worker_id and x.flag is null);
$$;

create function worker_position_after_update() returns trigger
language plpgsql as $$
begin
    perform worker_position_recompute(array(select worker_id from old_pings union select worker_id from new_pings));
    return null;
end
$$;

create function worker_position_after_delete() returns trigger
language plpgsql as $$
begin
    perform worker_position_recompute(array(select distinct worker_id from old_pings));
    return null;
end
$$;

create function worker_position_after_truncate() returns trigger
language plpgsql as $$
begin
    delete from worker_position;
    return null;
end
$$;

drop trigger patrol_ping_capture on patrol_ping;
create trigger patrol_ping_position_insert after insert on patrol_ping
    referencing new table as new_pings for each statement execute function worker_position_advance();
create trigger patrol_ping_position_update after update on patrol_ping
    referencing old table as old_pings new table as new_pings for each statement execute function worker_position_after_update();
create trigger patrol_ping_position_delete after delete on patrol_ping
    referencing old table as old_pings for each statement execute function worker_position_after_delete();
create trigger patrol_ping_position_truncate after truncate on patrol_ping
    for each statement execute function worker_position_after_truncate();

create trigger worker_position_capture after delete on worker_position
    for each row execute function capture_change('workers', 'location', 'worker_id');

-- Logs every position not yet in the live log, in one transaction; returns how many. Features are built before
-- the change-log lock is taken, so the lock is held for one insert and the commit. The marked rows stay locked
-- until then: a ping batch for one of those workers waits a few milliseconds and marks it again.
create function publish_worker_positions() returns int
language plpgsql as $$
declare
    v_changes jsonb;
    v_count   int;
begin
    with due as (
        update worker_position set published = true
        where worker_id in (select worker_id from worker_position where not published order by worker_id for update skip locked)
        returning worker_id)
    select jsonb_agg(jsonb_build_object('id', d.worker_id, 'feature', live_feature('workers', d.worker_id)) order by d.worker_id)
    into v_changes
    from due d;
    if v_changes is null then
        return 0;
    end if;

    perform pg_advisory_xact_lock(1296126019); -- 'MAPC', as capture_change
    insert into change_log (seq, layer, feature_id, op, feature, geom, old_geom)
    select nextval('change_log_seq'), 'workers', (c ->> 'id')::bigint, 'upsert', c -> 'feature',
           ST_SetSRID(ST_GeomFromGeoJSON(c -> 'feature' -> 'geometry'), 4326), null
    from jsonb_array_elements(v_changes) with ordinality as e(c, n)
    order by e.n;
    get diagnostics v_count = row_count;
    perform pg_notify('map_changes', '');
    return v_count;
end
$$;

-- The feature a map shows for one row of a layer (see 0007): one statement per layer, each planned once per
-- session. Replaces the chain of SQL wrappers; the layers' shapes are those the wrappers gave.
create or replace function live_feature(p_layer text, p_id bigint) returns jsonb
language plpgsql stable as $$
begin
    case p_layer
    when 'workers' then
        return (select jsonb_build_object('type', 'Feature', 'id', p.id, 'geometry', ST_AsGeoJSON(wp.location, 7)::jsonb,
                    'properties', jsonb_build_object('code', p.code, 'name', p.name, 'recordedAt', wp.recorded_at,
                        'accuracy', wp.accuracy_m))
                from worker_position wp join person p on p.id = wp.worker_id
                where wp.worker_id = p_id);
    when 'hazards' then
        return (select jsonb_build_object('type', 'Feature', 'id', h.id, 'geometry', ST_AsGeoJSON(h.location, 7)::jsonb,
                    'properties', jsonb_build_object('code', h.code, 'category', h.category_code, 'severity', h.severity,
                        'status', h.status, 'ownerless', h.owner_id is null))
                from hazard h where h.id = p_id);
    when 'incidents' then
        -- Never personal data (reporter contact, photo): the wall display receives this.
        return (select jsonb_build_object('type', 'Feature', 'id', i.id, 'geometry', ST_AsGeoJSON(i.location, 7)::jsonb,
                    'properties', jsonb_build_object('code', i.code, 'category', i.category_code, 'stage', i.stage,
                        'reportedAt', i.reported_at, 'stageDueAt', i.stage_due_at, 'overdue', incident_overdue(i),
                        'escalation', case i.escalation_level when 0 then 'grid' when 1 then 'community' else 'street' end,
                        'responsibleUnit', (select code from territory_unit where id = i.responsible_unit_id),
                        'ownershipUnclear', i.ownership_unclear, 'reports', i.report_count))
                from incident i where i.id = p_id);
    when 'grids' then
        return (select jsonb_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.boundary, 7)::jsonb,
                    'properties', jsonb_build_object('code', t.code, 'name', t.name, 'kind', t.kind, 'status', t.status))
                from territory_unit t where t.id = p_id);
    when 'territory' then
        return (select jsonb_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.boundary, 7)::jsonb,
                    'properties', jsonb_build_object('code', t.code, 'name', t.name, 'kind', t.kind))
                from territory_unit t where t.id = p_id);
    when 'buildings' then
        return (select jsonb_build_object('type', 'Feature', 'id', b.id, 'geometry', ST_AsGeoJSON(b.footprint, 7)::jsonb,
                    'properties', jsonb_build_object('code', b.code, 'name', b.name, 'households', b.households,
                        'residents', b.residents, 'owner', coalesce(o.name, ''), 'manager', coalesce(m.name, ''),
                        'ownerless', b.owner_id is null,
                        'disputed', (select count(*) from ownership_claim c where c.asset_kind = 'building' and c.asset_id = b.id) > 1))
                from building b
                left join organisation o on o.id = b.owner_id
                left join organisation m on m.id = b.property_manager_id
                where b.id = p_id);
    when 'routes' then
        return route_feature(p_id);
    when 'ambiguity' then
        -- A finding that is gone, resolved or accepted is not shown: null, which the feed sends as a delete.
        return (select finding_feature(f.id) from finding f
                where f.id = p_id and f.present and f.status in ('new', 'assigned'));
    else
        return null;
    end case;
end
$$;

-- 3. Every captured UPDATE or DELETE parsed the old geometry from GeoJSON carrying a named crs (see below).
-- capture_change is otherwise that of 0007.
create or replace function capture_change() returns trigger
language plpgsql as $$
declare
    v_new     jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
    v_old     jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
    v_row     jsonb := coalesce(v_new, v_old);
    v_layer   text  := tg_argv[0];
    v_id      bigint := (v_row ->> tg_argv[2])::bigint;
    v_feature jsonb;
begin
    if tg_op = 'UPDATE' and v_new = v_old then
        return null; -- nothing a map could see has changed
    end if;
    -- A bulk load (the demo district, an import) is not a stream of changes:
    -- it sets mapdashboard.capture = off for its transaction, and clients
    -- connected during it reload their snapshot.
    if current_setting('mapdashboard.capture', true) = 'off' then
        return null;
    end if;
    if v_layer = 'territory_unit' then
        v_layer := case when v_row ->> 'kind' in ('district', 'street', 'community') then 'territory' else 'grids' end;
    end if;
    if tg_op <> 'DELETE' then
        v_feature := live_feature(v_layer, v_id);
    end if;

    -- Serialise writers from here to their commit, so seq order is commit
    -- order: a reader that has seen seq N can never later find a committed
    -- seq below N. Held only from this row's capture to the commit.
    perform pg_advisory_xact_lock(1296126019); -- 'MAPC'

    insert into change_log (seq, layer, feature_id, op, feature, geom, old_geom)
    values (nextval('change_log_seq'), v_layer, v_id,
            case when tg_op = 'DELETE' or v_feature is null then 'delete' else 'upsert' end,
            v_feature,
            case when v_feature is not null then ST_SetSRID(ST_GeomFromGeoJSON(v_feature -> 'geometry'), 4326) end,
            -- to_jsonb renders a geometry as GeoJSON (PostGIS 3 casts) with its crs, which is dropped before
            -- parsing: ST_GeomFromGeoJSON resolves a named crs with a query on spatial_ref_sys planned afresh
            -- each time (~0.9 ms, most of an update's capture), and every stored geometry is EPSG:4326 anyway.
            ST_SetSRID(ST_GeomFromGeoJSON((v_old -> tg_argv[1]) - 'crs'), 4326));
    -- An empty payload: PostgreSQL folds identical notifications of one transaction into one.
    perform pg_notify('map_changes', '');
    return null;
end
$$;

drop function live_feature_before_patrol_routes(text, bigint);
drop function live_feature_before_ambiguity(text, bigint);
