-- publish_worker_positions (0018) locked the moved workers' rows before building their features and held the
-- locks until it committed: 20–60 ms every half second at 2,000 workers, and a ping batch for any of those
-- workers waited that long for its position upsert. That wait was the tail of ping ingest (p95 ~100 ms at
-- 4,000 pings/s while other work loaded the machine).
--
-- Now the features are built from a snapshot, with no row locked; then the rows still at the snapshot's
-- position are marked published (skipping any a ping batch holds right now: that worker has moved again, and
-- the next round logs the newer position), and only the marked ones are logged. Row locks are held for one
-- insert and the commit. As before, concurrent publishers (several nodes) never log a position twice: a row is
-- logged by whoever marks it, and a row that is marked is no longer "not published".
create or replace function publish_worker_positions() returns int
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
