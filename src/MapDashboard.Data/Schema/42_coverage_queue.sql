-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Patrol coverage, queued: new or changed pings mark their worker-hours dirty (a statement trigger, one row
-- per worker-hour per batch however many pings it holds), the server drains those, then the grid-days the
-- changed hours reached. Hours, not days, so that a new ping re-buffers at most an hour of that worker's
-- walking.

-- A ping at t is part of hour(t), and the edge vertex of the hours before and after it when they are within the gap.
create function patrol_mark_dirty() returns trigger language plpgsql as $$
begin
    insert into patrol_coverage_dirty (worker_id, hour_start)
    select distinct worker_id, h
    from changed, (select make_interval(secs => track_gap_seconds) as gap from patrol_coverage_setting) s,
         lateral (values (date_trunc('hour', recorded_at - s.gap)), (date_trunc('hour', recorded_at)),
                         (date_trunc('hour', recorded_at + s.gap))) v(h);
    return null;
end $$;

create trigger patrol_ping_dirty_insert after insert on patrol_ping
    referencing new table as changed for each statement execute function patrol_mark_dirty();

create trigger patrol_ping_dirty_update after update on patrol_ping
    referencing new table as changed for each statement execute function patrol_mark_dirty();

create trigger patrol_ping_dirty_delete after delete on patrol_ping
    referencing old table as changed for each statement execute function patrol_mark_dirty();

-- The grid-days are taken and recomputed by the server's drain (Data/Coverage/GridDayBatch: take_grid_days.sql, then
-- patrol_refresh_grid_days), so that a failing batch names the grid-days it held and the one at fault is set aside.

-- Every worker-hour that has trusted pings becomes dirty: after a change of radius, gap or speed setting,
-- or for an audit. The next drains recompute them.
create function patrol_coverage_mark_all() returns int
language sql as $$
    with marked as (
        insert into patrol_coverage_dirty (worker_id, hour_start)
        select distinct worker_id, date_trunc('hour', recorded_at) from patrol_ping where flag is null
        returning 1)
    select count(*)::int from marked
$$;
