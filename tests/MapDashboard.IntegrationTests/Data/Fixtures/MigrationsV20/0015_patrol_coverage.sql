-- Patrol coverage: what lies within the visit radius of the workers' tracks.
--
-- Computing it from raw pings on every read would buffer ~10 million pings a day at city scale (2,000 workers,
-- a ping every 5 s), so it is materialised in four tables, keyed so that a new ping touches as little as possible:
--   patrol_track       pieces of a worker's track within one clock hour (LineStringM, M = epoch seconds)
--   patrol_cover_hour  the land within the radius of those pieces (one polygon per worker-hour)
--   patrol_visit       the assets (building entrances, hazard points) within the radius, with the time of
--                      the closest approach (ST_InterpolatePoint on the M of the track)
--   grid_coverage_day  per grid and local day: the covered land clipped to the grid, its area share, the
--                      visit share — what the wall, the tiles and the "today" window read
-- New or changed pings mark their worker-hours in patrol_coverage_dirty (a statement trigger, one row per
-- worker-hour per batch however many pings it holds); patrol_coverage_refresh() drains that set, then the
-- grid-days the changed hours reached (patrol_grid_day_dirty). Hours, not days, so that a new ping re-buffers
-- at most an hour of that worker's walking.
-- Geometry is stored in EPSG:4326 like everything else; distances, buffers and areas are taken in UTM 48N.

-- The tunables the SQL needs, written by the server at start from Patrols:Coverage (one row). Kept in the
-- database so that tile SQL (which binds only z/x/y), triggers and psql see the same radius and day.
create table patrol_coverage_setting (
    only_row            boolean primary key default true check (only_row),
    visit_radius_m      float8 not null default 30 check (visit_radius_m > 0 and visit_radius_m <= 500),
    track_gap_seconds   float8 not null default 300 check (track_gap_seconds > 0),
    track_max_speed_mps float8 not null default 8 check (track_max_speed_mps > 0),
    time_zone           text not null default 'Asia/Shanghai'
);
insert into patrol_coverage_setting default values;

-- What a patrol visits: a building at its entrance (its footprint's point on surface when it has none),
-- a hazard at its point. One view so that tracks and drafted routes are measured against the same points.
create index building_visit_point_gix on building using gist ((coalesce(entrance, ST_PointOnSurface(footprint))::geometry(Point, 4326)));
create view patrol_asset as
select 'building'::text as kind, b.id, b.code, b.name, coalesce(b.entrance, ST_PointOnSurface(b.footprint))::geometry(Point, 4326) as location,
       null::timestamptz as revisit_due_at
from building b
union all
-- The category's name by a scalar subquery, not a join: with a join the planner cannot push a caller's
-- `location && box` into the hazard index and scans every hazard for every track piece (8 ms of 9 per piece
-- on the city district).
select 'hazard', h.id, h.code, (select c.name_zh from category c where c.code = h.category_code), h.location, h.revisit_due_at
from hazard h;

-- The grids patrols are measured in (police grids are the police's, not the grid workers').
create function patrol_grid_kind(kind text) returns boolean
language sql immutable parallel safe as $$ select kind in ('community_grid', 'dedicated_grid', 'micro_grid') $$;

create function patrol_today() returns date
language sql stable as $$ select (now() at time zone (select time_zone from patrol_coverage_setting))::date $$;

create function patrol_day_start(day date) returns timestamptz
language sql stable as $$ select day::timestamp at time zone (select time_zone from patrol_coverage_setting) $$;

create function patrol_day_of(at timestamptz) returns date
language sql stable as $$ select (at at time zone (select time_zone from patrol_coverage_setting))::date $$;

-- THE covered land of a line (a track or a drafted route), EPSG:4326 in and out. The line is simplified to
-- within 3 m first: a phone's GPS fix is good to ~5 m, so a walked line's zigzag below that is noise, and the
-- buffer's cost grows with vertices and zigzags (an hour of 5 s pings with ±2 m of noise keeps a tenth of its
-- vertices and buffers ~2× faster than at 2 m, ~8× faster than unsimplified). The covered edge moves by at
-- most 3 m — a tenth of the radius, less than the fix's own error — and not at all for a straight leg.
create function patrol_cover_of(path geometry, radius_m float8) returns geometry
language sql immutable parallel safe as $$
    select ST_Multi(ST_Transform(ST_Buffer(ST_Simplify(ST_Transform(path, 32648), 3.0), radius_m), 4326))
$$;

-- THE covered land inside a grid, and its share of the grid's area: grid-days and drafted routes alike.
create function patrol_covered_in(boundary geometry, covered geometry) returns geometry
language sql immutable parallel safe as $$
    select nullif(ST_Multi(ST_CollectionExtract(ST_Intersection(boundary, covered), 3)), 'MULTIPOLYGON EMPTY'::geometry)
$$;

create function patrol_area_share(covered geometry, boundary geometry) returns float8
language sql immutable parallel safe as $$
    select coalesce(ST_Area(ST_Transform(covered, 32648)) / nullif(ST_Area(ST_Transform(boundary, 32648)), 0), 0)
$$;

-- THE assets within radius_m of a line, with how far and, for a LineStringM, when (the M of the closest
-- approach). A track's visits and a drafted route's passes both come from here.
create function patrol_assets_near(path geometry, radius_m float8)
returns table (kind text, id int, code text, name text, location geometry, distance_m float8, m float8)
language sql stable parallel safe as $$
    -- materialized: inlined, the line would be re-projected for every candidate asset
    with line as materialized (select ST_Transform(path, 32648) as utm,
                         -- a degree of longitude is > 50 km up to 63°N: a safe index pre-filter
                         ST_Expand(path, radius_m / 50000.0) as box)
    select a.kind, a.id, a.code, a.name, a.location, ST_Distance(l.utm, p.utm),
           case when ST_Zmflag(l.utm) = 1 and ST_GeometryType(l.utm) = 'ST_LineString' then ST_InterpolatePoint(l.utm, p.utm) end
    from line l
    join patrol_asset a on a.location && l.box
    cross join lateral (select ST_Transform(a.location, 32648) as utm) p
    where ST_DWithin(l.utm, p.utm, radius_m)
$$;

-- A worker's trusted track, one row per piece within a clock hour, cut at the hour's edges (interpolated by
-- time), so a worker's pieces meet end to end across hours and break only at a gap or a jump.
create table patrol_track (
    worker_id           int not null references person(id) on delete cascade,
    hour_start          timestamptz not null,
    piece               int not null,
    path                geometry(LineStringM, 4326) not null,
    started_at          timestamptz not null,
    ended_at            timestamptz not null,
    pings               int not null,          -- pings recorded within the hour
    metres              float8 not null,
    seconds_in_own_grid float8 not null,       -- time along the piece inside a grid the worker is assigned to
    continued           boolean not null,      -- the piece carries on the previous hour's (it starts at the hour's edge)
    primary key (worker_id, hour_start, piece)
);
create index patrol_track_path_gix on patrol_track using gist (path);
create index patrol_track_hour_idx on patrol_track (hour_start);

create table patrol_cover_hour (
    worker_id  int not null references person(id) on delete cascade,
    hour_start timestamptz not null,
    radius_m   float8 not null,
    covered    geometry(MultiPolygon, 4326) not null,
    primary key (worker_id, hour_start)
);
create index patrol_cover_hour_covered_gix on patrol_cover_hour using gist (covered);
create index patrol_cover_hour_hour_idx on patrol_cover_hour (hour_start);

-- One row per asset per worker-hour it was within the radius: "when last visited" is the latest of them.
create table patrol_visit (
    worker_id  int not null references person(id) on delete cascade,
    hour_start timestamptz not null,
    asset_kind text not null check (asset_kind in ('building', 'hazard')),
    asset_id   int not null,
    visited_at timestamptz not null,
    primary key (worker_id, hour_start, asset_kind, asset_id)
);
create index patrol_visit_asset_idx on patrol_visit (asset_kind, asset_id, visited_at desc);
create index patrol_visit_at_idx on patrol_visit (visited_at);

create table grid_coverage_day (
    grid_id           int not null references territory_unit(id) on delete cascade,
    day               date not null,
    covered           geometry(MultiPolygon, 4326),  -- null: nothing of the grid was covered that day
    area_share        float8 not null,
    buildings         int not null,
    buildings_visited int not null,
    hazards           int not null,
    hazards_visited   int not null,
    visit_share       float8,                        -- null: the grid has nothing to visit
    computed_at       timestamptz not null default now(),
    primary key (grid_id, day)
);
create index grid_coverage_day_day_idx on grid_coverage_day (day);
create index grid_coverage_day_covered_gix on grid_coverage_day using gist (covered);

-- Grid-days whose covers or visits changed, recomputed after the hours: a grid-day is recomputed once per
-- drain however many of its workers' hours (and its neighbours', whose covers reach across) changed.
create table patrol_grid_day_dirty (
    grid_id int not null,
    day     date not null,
    primary key (grid_id, day)
);

-- Worker-hours whose pings changed. No unique key on purpose: the ingest must never wait. With one, a ping's
-- insert of a key that a drain has taken (deleted, not yet committed) waits for that drain — seconds — and it
-- waits inside the ping's transaction, after the live capture took the change-log ordering lock, so every live
-- change in the district waited with it. Duplicates are cheap; drains take keys, not rows.
create table patrol_coverage_dirty (
    worker_id  int not null,
    hour_start timestamptz not null
);
create index patrol_coverage_dirty_key_idx on patrol_coverage_dirty (worker_id, hour_start);

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

-- Recomputes the grid-days given: covered land clipped to the grid, and visits of the assets in it.
create function patrol_refresh_grid_days(grid_ids int[], days date[]) returns void
language sql as $$
    insert into grid_coverage_day as t (grid_id, day, covered, area_share, buildings, buildings_visited, hazards, hazards_visited, visit_share, computed_at)
    select g.id, k.day, cov.covered, patrol_area_share(cov.covered, g.boundary),
           v.buildings, v.buildings_visited, v.hazards, v.hazards_visited,
           (v.buildings_visited + v.hazards_visited)::float8 / nullif(v.buildings + v.hazards, 0), now()
    from (select distinct * from unnest(grid_ids, days) as k(grid_id, day)) k
    join territory_unit g on g.id = k.grid_id
    cross join lateral (select patrol_day_start(k.day) as from_at, patrol_day_start(k.day + 1) as to_at) w
    cross join lateral (
        -- each cover cut to the grid's envelope first (a neighbour's cover reaches only a strip of it), then one
        -- exact cut by the grid's own outline after the union: 1.3× faster than cutting every cover by the outline
        select nullif(ST_Multi(ST_CollectionExtract(ST_Intersection(g.boundary, ST_Union(ST_Intersection(c.covered, ST_Envelope(g.boundary)))), 3)),
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

-- Seconds are date_part('epoch', …) (double precision) throughout, not extract(epoch from …), which is numeric
-- since PostgreSQL 14 and made the per-ping window arithmetic a quarter slower.
-- Rebuilds the tracks, covers and visits of the worker-hours given, then the grid-days they touch (before or after).
create function patrol_refresh_hours(worker_ids int[], hours timestamptz[]) returns int
language plpgsql as $$
declare
    s patrol_coverage_setting;
    touched_grids int[];
    touched_days date[];
begin
    select * into s from patrol_coverage_setting;

    -- The grid-days the old covers reached must be recomputed too (a flagged ping can shrink a cover).
    select array_agg(g.id), array_agg(patrol_day_of(c.hour_start)) into touched_grids, touched_days
    from unnest(worker_ids, hours) k(worker_id, hour_start)
    join patrol_cover_hour c using (worker_id, hour_start)
    join territory_unit g on g.boundary && c.covered and patrol_grid_kind(g.kind) and ST_Intersects(g.boundary, c.covered);

    delete from patrol_track t using unnest(worker_ids, hours) k(worker_id, hour_start) where t.worker_id = k.worker_id and t.hour_start = k.hour_start;
    delete from patrol_cover_hour t using unnest(worker_ids, hours) k(worker_id, hour_start) where t.worker_id = k.worker_id and t.hour_start = k.hour_start;
    delete from patrol_visit t using unnest(worker_ids, hours) k(worker_id, hour_start) where t.worker_id = k.worker_id and t.hour_start = k.hour_start;

    -- A track breaks where two trusted pings are more than the gap apart in time, or farther apart than a
    -- plausible speed allows: no line is drawn across a gap. The hour's pieces are cut out of the whole track
    -- at the hour's edges by M (ST_LocateBetween interpolates the segment that crosses an edge), so the hours
    -- partition the track exactly: no length, time or visit is counted twice or lost at an hour boundary.
    with k as (select distinct * from unnest(worker_ids, hours) as k(worker_id, hour_start)),
    p as (
        select k.worker_id, k.hour_start, x.recorded_at, x.location
        from k cross join lateral (
            (select recorded_at, location from patrol_ping
             where worker_id = k.worker_id and flag is null and recorded_at < k.hour_start
               and recorded_at >= k.hour_start - make_interval(secs => s.track_gap_seconds)
             order by recorded_at desc limit 1)
            union all
            select recorded_at, location from patrol_ping
            where worker_id = k.worker_id and flag is null
              and recorded_at >= k.hour_start and recorded_at < k.hour_start + interval '1 hour'
            union all
            (select recorded_at, location from patrol_ping
             where worker_id = k.worker_id and flag is null and recorded_at >= k.hour_start + interval '1 hour'
               and recorded_at <= k.hour_start + interval '1 hour' + make_interval(secs => s.track_gap_seconds)
             order by recorded_at limit 1)) x),
    own as (
        select k.worker_id, ST_Union(g.boundary) as boundary
        from (select distinct worker_id from k) k join territory_unit g on g.grid_worker_id = k.worker_id and patrol_grid_kind(g.kind)
        group by k.worker_id),
    m as (
        select p.*, ST_X(location) as lon, ST_Y(location) as lat,
               coalesce(ST_Covers(o.boundary, p.location), false) as in_own,
               lag(recorded_at) over w as prev_at, lag(ST_X(location)) over w as prev_lon, lag(ST_Y(location)) over w as prev_lat
        from p left join own o using (worker_id)
        window w as (partition by p.worker_id, p.hour_start order by recorded_at)),
    s1 as (
        -- The step between two pings in metres on a local tangent plane (good to a fraction of a percent over a
        -- few hundred metres): a projection per ping would cost more than the rest of the track together.
        select m.*, case when prev_at is null
                           or date_part('epoch', recorded_at - prev_at) > s.track_gap_seconds
                           or sqrt(((lon - prev_lon) * 111320 * cos(radians(lat))) ^ 2 + ((lat - prev_lat) * 110574) ^ 2)
                              > s.track_max_speed_mps * greatest(date_part('epoch', recorded_at - prev_at), 1)
                         then 1 else 0 end as breaks
        from m),
    b as (
        select s1.*, sum(breaks) over (partition by worker_id, hour_start order by recorded_at) as piece,
               -- time in the worker's own grid: a step counts there when the ping ending it is (point-in-polygon
               -- per ping, with the grid prepared once, is far cheaper than overlaying lines on polygons)
               case when breaks = 0 and in_own
                    then greatest(0, date_part('epoch', least(recorded_at, hour_start + interval '1 hour') - greatest(prev_at, hour_start)))
                    else 0 end as own_seconds
        from s1),
    whole as (
        select worker_id, hour_start, piece,
               ST_SetSRID(ST_MakeLine(ST_MakePointM(ST_X(location), ST_Y(location), date_part('epoch', recorded_at)) order by recorded_at), 4326) as path,
               count(*) filter (where recorded_at >= hour_start and recorded_at < hour_start + interval '1 hour') as pings,
               sum(own_seconds) as own_seconds
        from b group by worker_id, hour_start, piece
        having count(*) >= 2),
    cut as (
        select w.worker_id, w.hour_start, w.pings, w.own_seconds, d.geom as path,
               ST_M(ST_StartPoint(w.path)) < date_part('epoch', w.hour_start)
                   and ST_M(ST_StartPoint(d.geom)) = date_part('epoch', w.hour_start) as continued,
               row_number() over (partition by w.worker_id, w.hour_start order by w.piece, d.path) as piece
        from whole w
        cross join lateral ST_Dump(ST_LocateBetween(w.path, date_part('epoch', w.hour_start),
                                                    date_part('epoch', w.hour_start + interval '1 hour'))) d
        where ST_GeometryType(d.geom) = 'ST_LineString' and ST_NPoints(d.geom) >= 2),
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

    select touched_grids || array_agg(g.id), touched_days || array_agg(patrol_day_of(c.hour_start)) into touched_grids, touched_days
    from unnest(worker_ids, hours) k(worker_id, hour_start)
    join patrol_cover_hour c using (worker_id, hour_start)
    join territory_unit g on g.boundary && c.covered and patrol_grid_kind(g.kind) and ST_Intersects(g.boundary, c.covered);

    insert into patrol_grid_day_dirty (grid_id, day)
    select distinct * from unnest(touched_grids, touched_days) where touched_grids is not null
    on conflict do nothing;
    return coalesce(array_length(worker_ids, 1), 0);
end $$;
alter function patrol_refresh_hours(int[], timestamptz[]) set jit = off;
alter function patrol_refresh_grid_days(int[], date[]) set jit = off;

-- Drains up to batch_size dirty worker-hours (or grid-days) in the caller's transaction; returns how many.
-- Concurrent drains (two server nodes, a read folding in new pings while the chore runs) take disjoint
-- batches (advisory locks per worker-hour, skip locked for grid-days). A grid-day recomputed while another drain still adds covers to it is
-- queued again by that drain's commit, so the last word is always a recomputation that saw everything.
create function patrol_coverage_refresh_hours(batch_size int default 500) returns int
language plpgsql as $$
declare
    w int[];
    h timestamptz[];
begin
    -- Keys, not rows: a transaction-scoped advisory lock per worker-hour keeps concurrent drains disjoint (a
    -- key another drain holds is skipped). The delete removes the rows this statement sees; a ping committed
    -- later leaves its own row behind, so its hour is recomputed again by the next drain.
    with keys as (
        select k.worker_id, k.hour_start
        from (select distinct worker_id, hour_start from patrol_coverage_dirty order by worker_id, hour_start limit batch_size * 2) k
        where pg_try_advisory_xact_lock(1347572803, hashtext(k.worker_id::text || '@' || date_part('epoch', k.hour_start)::text)) -- 'PCOV'
        limit batch_size),
    taken as (
        delete from patrol_coverage_dirty x using keys k
        where x.worker_id = k.worker_id and x.hour_start = k.hour_start
        returning x.worker_id, x.hour_start)
    select array_agg(t.worker_id), array_agg(t.hour_start) into w, h from (select distinct worker_id, hour_start from taken) t;
    if w is null then return 0; end if;
    return patrol_refresh_hours(w, h);
end $$;

create function patrol_coverage_refresh_grid_days(batch_size int default 500) returns int
language plpgsql as $$
declare
    g int[];
    d date[];
begin
    with taken as (
        delete from patrol_grid_day_dirty x
        where (x.grid_id, x.day) in (select grid_id, day from patrol_grid_day_dirty
                                     order by day, grid_id limit batch_size for update skip locked)
        returning x.grid_id, x.day)
    select array_agg(grid_id), array_agg(day) into g, d from taken;
    if g is null then return 0; end if;
    perform patrol_refresh_grid_days(g, d);
    return array_length(g, 1);
end $$;

-- One batch of worker-hours, or — when none is queued — of grid-days, in the caller's transaction; returns how
-- many. (The server's drain calls the two halves itself, so that a stream of new pings cannot keep it on hours.)
create function patrol_coverage_refresh(batch_size int default 500) returns int
language plpgsql as $$
declare n int;
begin
    n := patrol_coverage_refresh_hours(batch_size);
    if n > 0 then return n; end if;
    return patrol_coverage_refresh_grid_days(batch_size);
end $$;

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
