-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Patrol coverage, stored: the server cuts a drain's worker-hours into track pieces (HourTrackBuilder, in one
-- ordered pass over the pings) and hands them here; the database computes from them what GEOS and PROJ
-- compute — lengths, covers, visits — and the grid-days they reach. A drain's batch is three statements in
-- one transaction (CoverageRefresher): take the queued worker-hours (Coverage/take_hours.sql), read their
-- pings (run_pings.sql), store the pieces (patrol_store_hours).

-- Replaces the tracks, covers and visits of the worker-hours taken (worker_ids, hours) with the track pieces
-- given (one array element per piece: path as EWKB LineStringM, M = epoch seconds), and queues the grid-days the
-- old and the new covers reach. Returns how many worker-hours. jit = off here and in patrol_refresh_grid_days:
-- their statements are estimated costly enough to be compiled, and compiling costs more than they run.
create function patrol_store_hours(worker_ids int[], hours timestamptz[],
                                   piece_workers int[], piece_hours timestamptz[], piece_numbers int[], piece_paths bytea[],
                                   piece_pings int[], piece_own_seconds float8[], piece_continued boolean[]) returns int
language plpgsql
set jit = off
as $$
declare
    s patrol_coverage_setting;
    touched_grids int[];
    touched_days date[];
begin
    select * into s from patrol_coverage_setting;

    -- The grid-days the old covers reached must be recomputed too (a flagged ping can shrink a cover). The day is
    -- patrol_day_of's, written out: that function is not inlined (its body reads the setting) and costs a
    -- statement per cover-grid pair.
    select array_agg(g.id), array_agg((c.hour_start at time zone s.time_zone)::date) into touched_grids, touched_days
    from unnest(worker_ids, hours) k(worker_id, hour_start)
    join patrol_cover_hour c using (worker_id, hour_start)
    join territory_unit g on g.boundary && c.covered and patrol_grid_kind(g.kind) and ST_Intersects(g.boundary, c.covered);

    delete from patrol_track t using unnest(worker_ids, hours) k(worker_id, hour_start) where t.worker_id = k.worker_id and t.hour_start = k.hour_start;
    delete from patrol_cover_hour t using unnest(worker_ids, hours) k(worker_id, hour_start) where t.worker_id = k.worker_id and t.hour_start = k.hour_start;
    delete from patrol_visit t using unnest(worker_ids, hours) k(worker_id, hour_start) where t.worker_id = k.worker_id and t.hour_start = k.hour_start;

    -- Each piece is projected once: its length, its hour's cover and its visits are all measured in the metric frame.
    with piece as materialized (
        select x.worker_id, x.hour_start, x.piece, x.path, ST_Transform(x.path, metric_srid()) as metric, x.pings, x.own_seconds, x.continued,
               to_timestamp(ST_M(ST_StartPoint(x.path))) as started_at, to_timestamp(ST_M(ST_EndPoint(x.path))) as ended_at,
               count(*) over (partition by x.worker_id, x.hour_start) as pieces_in_hour
        from (select u.worker_id, u.hour_start, u.piece, ST_GeomFromEWKB(u.ewkb) as path, u.pings, u.own_seconds, u.continued
              from unnest(piece_workers, piece_hours, piece_numbers, piece_paths, piece_pings, piece_own_seconds, piece_continued)
                   as u(worker_id, hour_start, piece, ewkb, pings, own_seconds, continued)) x),
    tracks as (
        insert into patrol_track (worker_id, hour_start, piece, path, started_at, ended_at, pings, metres, seconds_in_own_grid, continued)
        select worker_id, hour_start, piece, path, started_at, ended_at, pings, ST_Length(metric), own_seconds, continued
        from piece),
    covers as (
        insert into patrol_cover_hour (worker_id, hour_start, radius_m, covered)
        select worker_id, hour_start, s.visit_radius_m, patrol_cover_of_metric(ST_Collect(metric), s.visit_radius_m)
        from piece
        group by worker_id, hour_start)
    insert into patrol_visit (worker_id, hour_start, asset_kind, asset_id, visited_at)
    select distinct on (t.worker_id, t.hour_start, n.kind, n.id)
           t.worker_id, t.hour_start, n.kind, n.id, to_timestamp(n.m)
    from piece t
    -- fenced (offset 0): inlined, the filter below would take the time of the closest approach once more
    cross join lateral (select a.kind, a.id, a.location, a.m from patrol_assets_near_metric(t.path, t.metric, s.visit_radius_m) a offset 0) n
    -- A pass under way when the hour began, closest at the hour's first instant, came closest in the previous
    -- hour, which records it: recording it here too would make the same pass look later than it was.
    where not (t.continued and n.m <= date_part('epoch', t.started_at) + 0.001)
    -- the closest pass when the hour has several pieces (the distance is a pass over the line: only then)
    order by t.worker_id, t.hour_start, n.kind, n.id,
             case when t.pieces_in_hour > 1 then ST_Distance(t.metric, ST_Transform(n.location, metric_srid())) end, n.m desc;

    select touched_grids || array_agg(g.id), touched_days || array_agg((c.hour_start at time zone s.time_zone)::date) into touched_grids, touched_days
    from unnest(worker_ids, hours) k(worker_id, hour_start)
    join patrol_cover_hour c using (worker_id, hour_start)
    join territory_unit g on g.boundary && c.covered and patrol_grid_kind(g.kind) and ST_Intersects(g.boundary, c.covered);

    insert into patrol_grid_day_dirty (grid_id, day)
    select distinct * from unnest(touched_grids, touched_days) where touched_grids is not null
    on conflict do nothing;
    return coalesce(array_length(worker_ids, 1), 0);
end $$;

-- Recomputes the grid-days given: the covered land clipped to the grid, its share, and the visits of the
-- assets in it.
create function patrol_refresh_grid_days(grid_ids int[], days date[]) returns void
language sql
set jit = off
as $$
    insert into grid_coverage_day as t (grid_id, day, covered, area_share, buildings, buildings_visited, hazards, hazards_visited, visit_share, computed_at)
    select g.id, k.day, cov.covered, patrol_area_share(cov.covered, g.boundary),
           v.buildings, v.buildings_visited, v.hazards, v.hazards_visited,
           (v.buildings_visited + v.hazards_visited)::float8 / nullif(v.buildings + v.hazards, 0), now()
    from (select distinct * from unnest(grid_ids, days) as k(grid_id, day)) k
    join territory_unit g on g.id = k.grid_id
    cross join lateral (select patrol_day_start(k.day) as from_at, patrol_day_start(k.day + 1) as to_at) w
    cross join lateral (
        -- each cover cut to the grid's envelope first (a neighbour's cover reaches only a strip of it), then one
        -- exact cut by the grid's own outline after the union. The envelope cut is ST_ClipByBox2D, not
        -- ST_Intersection: half the union's time at 8 h of covers (≈ 54 a grid: 6.2 ms instead of 12.8), and the same land to
        -- the last vertex on every grid-day of the benchmark's city day (its output may in general be invalid; the
        -- union's overlay, which snaps when it must, and the exact cut after it are what the answer rests on).
        select nullif(ST_Multi(ST_CollectionExtract(ST_Intersection(g.boundary, ST_Union(ST_ClipByBox2D(c.covered, ST_Envelope(g.boundary)))), 3)),
                      'MULTIPOLYGON EMPTY'::geometry) as covered
        from patrol_cover_hour c
        where c.hour_start >= w.from_at and c.hour_start < w.to_at and c.covered && g.boundary) cov
    cross join lateral (
        select count(*) filter (where a.kind = 'building') as buildings,
               count(*) filter (where a.kind = 'building' and seen) as buildings_visited,
               count(*) filter (where a.kind = 'hazard') as hazards,
               count(*) filter (where a.kind = 'hazard' and seen) as hazards_visited
        from patrol_asset a
        cross join lateral (select exists (select 1 from patrol_visit pv where pv.asset_kind = a.kind and pv.asset_id = a.id
                                           and pv.visited_at >= w.from_at and pv.visited_at < w.to_at) as seen) s
        where a.location && g.boundary and ST_Covers(g.boundary, a.location)) v
    on conflict (grid_id, day) do update set
        covered = excluded.covered, area_share = excluded.area_share, buildings = excluded.buildings,
        buildings_visited = excluded.buildings_visited, hazards = excluded.hazards, hazards_visited = excluded.hazards_visited,
        visit_share = excluded.visit_share, computed_at = excluded.computed_at
$$;
