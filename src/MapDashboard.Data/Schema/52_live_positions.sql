-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Worker positions on the live map. Capturing each trusted ping under the change log's ordering lock queued
-- every ping transaction on it (a lock convoy at 400 device batches a second), while the map shows one
-- position per worker at most once a second. So worker_position holds the newest trusted ping of each worker,
-- kept by statement triggers on patrol_ping that only mark a moved worker unpublished, and
-- publish_worker_positions() — run by the server twice a second — logs every unpublished position in one
-- transaction: one lock for hundreds of batches, one change per moved worker, none for a late ping that does
-- not move anyone. A worker who leaves the map (their last trusted ping deleted) is captured at once.

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

-- One trigger per event: transition tables allow no more.
create trigger patrol_ping_position_insert after insert on patrol_ping
    referencing new table as new_pings for each statement execute function worker_position_advance();

create trigger patrol_ping_position_update after update on patrol_ping
    referencing old table as old_pings new table as new_pings for each statement execute function worker_position_after_update();

create trigger patrol_ping_position_delete after delete on patrol_ping
    referencing old table as old_pings for each statement execute function worker_position_after_delete();

create trigger patrol_ping_position_truncate after truncate on patrol_ping
    for each statement execute function worker_position_after_truncate();

-- A position deleted (the worker's last trusted ping gone) leaves the map at once.
create trigger worker_position_capture after delete on worker_position
    for each row execute function capture_change('workers', 'location', 'worker_id');

-- Logs every position not yet in the live log, in one transaction; returns how many. Locking the moved
-- workers' rows before building their features held them 20–60 ms every half second at 2,000 workers, and a
-- ping batch for any of those workers waited that long for its position upsert (the tail of ping ingest).
-- So the features are built from a snapshot, with no row locked; then the rows still at the snapshot's
-- position are marked published (skipping any a ping batch holds right now: that worker has moved again, and
-- the next round logs the newer position), and only the marked ones are logged. Row locks are held for one
-- insert and the commit. Concurrent publishers (several nodes) never log a position twice: a row is
-- logged by whoever marks it, and a row that is marked is no longer "not published".
create function publish_worker_positions() returns int
language plpgsql as $$
declare
    v_workers  int[];
    v_at       timestamptz[];
    v_features jsonb[];
    v_count    int;
begin
    select array_agg(p.worker_id order by p.worker_id), array_agg(p.recorded_at order by p.worker_id),
           array_agg(live_feature('workers', p.worker_id) order by p.worker_id)
    into v_workers, v_at, v_features
    from worker_position p
    where not p.published;
    if v_workers is null then
        return 0;
    end if;

    -- Locks in worker order, as the ping triggers take them.
    with snapshot as (
        select * from unnest(v_workers, v_at, v_features) as s(worker_id, recorded_at, feature)),
    still as (
        select w.worker_id from worker_position w join snapshot s using (worker_id, recorded_at)
        where not w.published order by w.worker_id for update of w skip locked),
    marked as (
        update worker_position w set published = true from still where w.worker_id = still.worker_id
        returning w.worker_id)
    select array_agg(s.worker_id order by s.worker_id), array_agg(s.feature order by s.worker_id)
    into v_workers, v_features
    from snapshot s join marked using (worker_id)
    where s.feature is not null;
    if v_workers is null then
        return 0;
    end if;

    perform pg_advisory_xact_lock(1296126019); -- 'MAPC', as capture_change
    insert into change_log (seq, layer, feature_id, op, feature, geom, old_geom)
    select nextval('change_log_seq'), 'workers', f.worker_id, 'upsert', f.feature,
           ST_SetSRID(ST_GeomFromGeoJSON(f.feature -> 'geometry'), 4326), null
    from unnest(v_workers, v_features) with ordinality as f(worker_id, feature, n)
    order by f.n;
    get diagnostics v_count = row_count;
    perform pg_notify('map_changes', '');
    return v_count;
end
$$;
