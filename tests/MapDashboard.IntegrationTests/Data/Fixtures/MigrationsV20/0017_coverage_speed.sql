-- Coverage recomputation made cheaper (the city-day drain: 1,607 workers, 8 h, 9.3 million pings, was 103 s).
-- Same tables, and the same tracks, own-grid seconds, visits and grid-day counts as 0015 (covers to 0.1 m),
-- compared row for row on 100 workers of the benchmark's day (800 worker-hours): only how they are computed
-- changes.

-- THE covered land of a line (a track or a drafted route), as in 0015: simplified to within 3 m in UTM 48N,
-- buffered by the radius. The simplified line is buffered in pieces of 16 segments and the pieces' buffers are
-- unioned: the buffer of a union of lines is the union of their buffers, and GEOS's buffer slows down with the
-- self-crossings of a walk that goes back and forth over its grid (noding every offset curve against every
-- other), which pieces have far fewer of. Measured on an hour of city walking: a quarter less CPU, the same
-- land to 0.1 m (the pieces' round end caps fall on the line's round joins).
-- A line that simplifies to nothing keeps 0015's answer (an empty cover).
create or replace function patrol_cover_of(path geometry, radius_m float8) returns geometry
language sql immutable parallel safe as $$
    select coalesce(
        (select ST_Multi(ST_Transform(ST_UnaryUnion(ST_Collect(ST_Buffer(
                    case when n.pieces = 1 then p.geom
                         else ST_LineSubstring(p.geom, (i - 1)::float8 / n.pieces, i::float8 / n.pieces) end, radius_m))), 4326))
         from ST_Dump(ST_Simplify(ST_Transform(path, 32648), 3.0)) p
         cross join lateral (select greatest(1, (ST_NPoints(p.geom) - 1) / 16) as pieces) n
         cross join lateral generate_series(1, n.pieces) i),
        ST_Multi(ST_Transform(ST_Buffer(ST_Simplify(ST_Transform(path, 32648), 3.0), radius_m), 4326)))
$$;

-- Rebuilds the tracks, covers and visits of the worker-hours given, then the grid-days they touch (before or after).
--
-- A worker's consecutive dirty hours (a whole shift when a day is recomputed) are built as ONE run: its pings are
-- read once, with the per-ping work done below the sort (time, coordinates), one sort,
-- and then grouped once by piece (the pings between breaks) and hour. 0015 built every hour on its own, with a
-- neighbour lookup at each edge, the worker's grid outline carried through the sort in every ping's row, and two
-- window passes and two groupings per hour. Each piece-hour's line runs from the ping before the hour to the
-- ping after it when the piece carries on across its edges, and is cut at the edges by M: exactly 0015's cut
-- (same pieces, same M, same counts).
-- Assumes track_gap_seconds < 1 hour, as the dirty marking of 0015 already does (a step longer than an hour
-- would cross an hour with no ping, which no piece-hour here, and no dirty mark there, stands for).
create or replace function patrol_refresh_hours(worker_ids int[], hours timestamptz[]) returns int
language plpgsql as $$
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

    -- A track breaks where two trusted pings are more than the gap apart in time, or farther apart than a
    -- plausible speed allows: no line is drawn across a gap. The hours partition the track exactly: no length,
    -- time or visit is counted twice or lost at an hour boundary.
    with k as (select distinct * from unnest(worker_ids, hours) as k(worker_id, hour_start)),
    runs as (
        -- consecutive hours share hour_start - n hours (n: the hour's rank among the worker's)
        select worker_id, min(hour_start) as from_at, max(hour_start) + interval '1 hour' as to_at,
               date_part('epoch', min(hour_start)) as from_t, count(*)::int as n_hours
        from (select k.*, hour_start - make_interval(hours => (row_number() over (partition by worker_id order by hour_start))::int) as grp
              from k) r
        group by worker_id, grp),
    own as (
        select w.worker_id, ST_Union(g.boundary) as boundary
        from (select distinct worker_id from k) w join territory_unit g on g.grid_worker_id = w.worker_id and patrol_grid_kind(g.kind)
        group by w.worker_id),
    p as (
        -- the run's pings, and the last before / first after it within the gap (the track may run across its
        -- edges), with what the track needs of each computed here, below the window's sort
        select r.worker_id, r.from_at, r.from_t, r.n_hours, x.*
        from runs r
        cross join lateral (
            select q.recorded_at, date_part('epoch', q.recorded_at) as t, ST_X(q.location) as lon, ST_Y(q.location) as lat
            from ((select recorded_at, location from patrol_ping
                   where worker_id = r.worker_id and flag is null and recorded_at < r.from_at
                     and recorded_at >= r.from_at - make_interval(secs => s.track_gap_seconds)
                   order by recorded_at desc limit 1)
                  union all
                  (select recorded_at, location from patrol_ping
                   where worker_id = r.worker_id and flag is null and recorded_at >= r.from_at and recorded_at < r.to_at)
                  union all
                  (select recorded_at, location from patrol_ping
                   where worker_id = r.worker_id and flag is null and recorded_at >= r.to_at
                     and recorded_at <= r.to_at + make_interval(secs => s.track_gap_seconds)
                   order by recorded_at limit 1)) q
            offset 0) x),
    m as (
        -- The step between two pings in metres on a local tangent plane (good to a fraction of a percent over a
        -- few hundred metres): a projection per ping would cost more than the rest of the track together.
        select p.*, prev_t is null
                    or t - prev_t > s.track_gap_seconds
                    or sqrt(((lon - prev_lon) * 111320 * cos(radians(lat))) ^ 2 + ((lat - prev_lat) * 110574) ^ 2)
                       > s.track_max_speed_mps * greatest(t - prev_t, 1) as breaks,
               floor((t - from_t) / 3600)::int as hour_no
        from (select p.*, lag(t) over w as prev_t, lag(lon) over w as prev_lon, lag(lat) over w as prev_lat
              from p
              window w as (partition by worker_id, from_at order by recorded_at)) p),
    grp as (
        -- One row per piece (pings between breaks) and hour: its pings as a line, and how the piece enters the
        -- hour. Only a piece's first ping in an hour can have its previous ping in an earlier hour.
        select worker_id, from_at, from_t, n_hours, piece, hour_no, h0,
               ST_MakeLine(ST_MakePointM(lon, lat, t) order by t) as path,
               count(*)::int as pings, max(t) as last_t,
               -- the time walked within the hour (a step across the hour's start counts from the start)
               sum(case when not breaks then t - greatest(prev_t, h0) else 0 end) as walked,
               -- the ping before the hour, when the piece runs on across the hour's start
               min(prev_t) filter (where not breaks and prev_t < h0) as entered_t,
               min(prev_lon) filter (where not breaks and prev_t < h0) as entered_lon,
               min(prev_lat) filter (where not breaks and prev_t < h0) as entered_lat
        from (select m.*, sum(breaks::int) over (partition by worker_id, from_at order by recorded_at) as piece,
                     from_t + hour_no * 3600 as h0
              from m) x
        group by worker_id, from_at, from_t, n_hours, piece, hour_no, h0),
    owned as (
        -- Time in the worker's own grid: a step counts there when the ping ending it is; the step into the hour
        -- (split between the hours) by its ping too. A piece-hour whose pings all lie in the own grid has all its
        -- steps there, and one whose line lies in it has all its pings in it: one prepared line-in-polygon test
        -- (nine piece-hours in ten on the benchmark day) instead of a point-in-polygon test per ping, the
        -- piece-hour's time in its pings' rows. The others test their pings.
        select grp.*,
               case when o.boundary is null then 0
                    when w.inside then grp.walked
                    else (select coalesce(sum(v.m - v.prev_m) filter (where ST_Covers(o.boundary, v.geom)), 0)
                          from (select ST_SetSRID(d.geom, 4326) as geom, ST_M(d.geom) as m,
                                       coalesce(lag(ST_M(d.geom)) over (order by d.path),
                                                case when grp.entered_t is not null then grp.h0 else ST_M(d.geom) end) as prev_m
                                from ST_DumpPoints(grp.path) d) v) end as own_seconds,
               grp.entered_t is not null and o.boundary is not null
                   and (w.inside or ST_Covers(o.boundary, ST_SetSRID(ST_StartPoint(grp.path), 4326))) as enters_in_own
        from grp
        left join own o using (worker_id)
        cross join lateral (select ST_Covers(o.boundary, ST_SetSRID(grp.path, 4326)) as inside offset 0) w),
    cut as (
        -- The hour's line runs from the ping before it to the ping after it when the piece carries on across its
        -- edges; cut at the edges by M (ST_LocateBetween interpolates the segments that cross them).
        select g.worker_id, g.from_at + make_interval(hours => g.hour_no) as hour_start, g.pings, d.geom as path,
               g.own_seconds + case when g.leaves_in_own then g.h0 + 3600 - g.last_t else 0 end as own_seconds,
               g.entered_t is not null and ST_M(ST_StartPoint(d.geom)) = g.h0 as continued,
               row_number() over (partition by g.worker_id, g.from_at, g.hour_no order by g.piece, d.path) as piece
        from (select grp.*,
                     lead(ST_StartPoint(path)) over n as next_start, coalesce(lead(enters_in_own) over n, false) as leaves_in_own
              from owned grp
              window n as (partition by worker_id, from_at, piece order by hour_no)) g
        cross join lateral ST_Dump(ST_LocateBetween(ST_SetSRID(ST_MakeLine(array_remove(array[ST_MakePointM(g.entered_lon, g.entered_lat, g.entered_t), g.path, g.next_start], null)), 4326),
                                                    g.h0, g.h0 + 3600)) d
        where g.hour_no between 0 and g.n_hours - 1
          and ST_GeometryType(d.geom) = 'ST_LineString' and ST_NPoints(d.geom) >= 2),
    pieces as (
        select c.*, ST_Transform(c.path, 32648) as utm,
               to_timestamp(ST_M(ST_StartPoint(c.path))) as started_at, to_timestamp(ST_M(ST_EndPoint(c.path))) as ended_at
        from cut c)
    insert into patrol_track (worker_id, hour_start, piece, path, started_at, ended_at, pings, metres, seconds_in_own_grid, continued)
    select x.worker_id, x.hour_start, x.piece, x.path, x.started_at, x.ended_at, x.pings, ST_Length(x.utm), x.own_seconds, x.continued
    from pieces x
    where x.ended_at > x.started_at;

    insert into patrol_cover_hour (worker_id, hour_start, radius_m, covered)
    select t.worker_id, t.hour_start, s.visit_radius_m, patrol_cover_of(ST_Collect(t.path), s.visit_radius_m)
    from patrol_track t join unnest(worker_ids, hours) k(worker_id, hour_start) using (worker_id, hour_start)
    group by t.worker_id, t.hour_start;

    insert into patrol_visit (worker_id, hour_start, asset_kind, asset_id, visited_at)
    select distinct on (t.worker_id, t.hour_start, n.kind, n.id)
           t.worker_id, t.hour_start, n.kind, n.id, to_timestamp(n.m)
    from patrol_track t join unnest(worker_ids, hours) k(worker_id, hour_start) using (worker_id, hour_start)
    cross join lateral patrol_assets_near(t.path, s.visit_radius_m) n
    -- A pass under way when the hour began, closest at the hour's first instant, came closest in the previous
    -- hour, which records it: recording it here too would make the same pass look later than it was.
    where not (t.continued and n.m <= date_part('epoch', t.started_at) + 0.001)
    order by t.worker_id, t.hour_start, n.kind, n.id, n.distance_m, n.m desc;

    select touched_grids || array_agg(g.id), touched_days || array_agg((c.hour_start at time zone s.time_zone)::date) into touched_grids, touched_days
    from unnest(worker_ids, hours) k(worker_id, hour_start)
    join patrol_cover_hour c using (worker_id, hour_start)
    join territory_unit g on g.boundary && c.covered and patrol_grid_kind(g.kind) and ST_Intersects(g.boundary, c.covered);

    insert into patrol_grid_day_dirty (grid_id, day)
    select distinct * from unnest(touched_grids, touched_days) where touched_grids is not null
    on conflict do nothing;
    return coalesce(array_length(worker_ids, 1), 0);
end $$;
alter function patrol_refresh_hours(int[], timestamptz[]) set jit = off;
