-- Tracks are cut by the server (HourTrackBuilder), in one ordered pass over a plain index read of the pings; the
-- database stores what it is given and computes from it what GEOS and PROJ compute: lengths, covers, visits and
-- the grid-days they touch. 0017's patrol_refresh_hours cut them with window functions over every ping, ~6.5 µs a
-- ping and half of the city-day's recomputation. The rules and the stored rows are the same.
--
-- A drain's batch is now three statements in one transaction (the server's CoverageRefresher): take the queued
-- worker-hours (Coverage/take_hours.sql), read their pings (run_pings.sql), store the pieces here.
drop function patrol_coverage_refresh(int);
drop function patrol_coverage_refresh_hours(int);
drop function patrol_refresh_hours(int[], timestamptz[]);

-- A stored track piece is ~17 KB (an hour of pings): compressing it with pglz, the default, was a seventh of a
-- drain's database time; lz4 costs a fraction of that. Likewise for the covers.
alter table patrol_track alter column path set compression lz4;
alter table patrol_cover_hour alter column covered set compression lz4;
alter table grid_coverage_day alter column covered set compression lz4;

-- THE covered land of a line already in UTM 48N (see patrol_cover_of, which is this after one projection): a
-- track's hour is projected once for its length, its cover and its visits.
create function patrol_cover_of_utm(utm geometry, radius_m float8) returns geometry
language sql immutable parallel safe as $$
    select coalesce(
        (select ST_Multi(ST_Transform(ST_UnaryUnion(ST_Collect(ST_Buffer(
                    case when n.pieces = 1 then p.geom
                         else ST_LineSubstring(p.geom, (i - 1)::float8 / n.pieces, i::float8 / n.pieces) end, radius_m))), 4326))
         from ST_Dump(ST_Simplify(utm, 3.0)) p
         cross join lateral (select greatest(1, (ST_NPoints(p.geom) - 1) / 16) as pieces) n
         cross join lateral generate_series(1, n.pieces) i),
        ST_Multi(ST_Transform(ST_Buffer(ST_Simplify(utm, 3.0), radius_m), 4326)))
$$;

create or replace function patrol_cover_of(path geometry, radius_m float8) returns geometry
language sql immutable parallel safe as $$
    select patrol_cover_of_utm(ST_Transform(path, 32648), radius_m)
$$;

-- What a patrol visits, with its point in UTM 48N stored beside it: a track hour checks ~70 candidate assets, and
-- each check projected the point again (and, for a building without an entrance, took its footprint's point on
-- surface again, a GEOS call) for the distance, the time of the closest approach and the grid-day's count.
alter table building
    add column visit_point geometry(Point, 4326)
        generated always as (coalesce(entrance, ST_PointOnSurface(footprint))::geometry(Point, 4326)) stored,
    add column visit_point_utm geometry(Point, 32648)
        generated always as (ST_Transform(coalesce(entrance, ST_PointOnSurface(footprint)), 32648)::geometry(Point, 32648)) stored;
alter table hazard
    add column location_utm geometry(Point, 32648) generated always as (ST_Transform(location, 32648)::geometry(Point, 32648)) stored;
create index building_visit_point_idx on building using gist (visit_point);
drop index building_visit_point_gix;

create or replace view patrol_asset as
select 'building'::text as kind, b.id, b.code, b.name, b.visit_point as location, null::timestamptz as revisit_due_at,
       b.visit_point_utm as location_utm
from building b
union all
-- The category's name by a scalar subquery, not a join: with a join the planner cannot push a caller's
-- `location && box` into the hazard index and scans every hazard for every track piece.
select 'hazard', h.id, h.code, (select c.name_zh from category c where c.code = h.category_code), h.location, h.revisit_due_at,
       h.location_utm
from hazard h;

-- THE assets within radius_m of a line given in EPSG:4326 and in UTM 48N (see patrol_assets_near), with how far
-- (taken only when a caller reads it: a full pass over the line) and, for a LineStringM, when.
create function patrol_assets_near_utm(line geometry, line_utm geometry, radius_m float8)
returns table (kind text, id int, code text, name text, location geometry, distance_m float8, m float8)
language sql stable parallel safe as $$
    select a.kind, a.id, a.code, a.name, a.location, ST_Distance(line_utm, a.location_utm),
           case when ST_Zmflag(line_utm) = 1 and ST_GeometryType(line_utm) = 'ST_LineString' then ST_InterpolatePoint(line_utm, a.location_utm) end
    from (select ST_Simplify(line_utm, 3.0, true) as simplified offset 0) l
    join patrol_asset a
      -- a degree of longitude is > 50 km up to 63°N: a safe index pre-filter
      on a.location && ST_Expand(line, radius_m / 50000.0)
      -- every point of a line lies within 3 m of its simplification to 3 m: an exact pre-filter on a tenth of the
      -- vertices; the exact test stops at the first segment within the radius
     and ST_DWithin(l.simplified, a.location_utm, radius_m + 3.0)
     and ST_DWithin(line_utm, a.location_utm, radius_m)
$$;

create or replace function patrol_assets_near(path geometry, radius_m float8)
returns table (kind text, id int, code text, name text, location geometry, distance_m float8, m float8)
language sql stable parallel safe as $$
    -- materialized: inlined, the line would be re-projected for every candidate asset
    with projected as materialized (select ST_Transform(path, 32648) as line_utm)
    select n.* from projected l cross join lateral patrol_assets_near_utm(path, l.line_utm, radius_m) n
$$;

-- Replaces the tracks, covers and visits of the worker-hours taken (worker_ids, hours) with the track pieces
-- given (one array element per piece: path as EWKB LineStringM, M = epoch seconds), and queues the grid-days the
-- old and the new covers reach. Returns how many worker-hours.
create function patrol_store_hours(worker_ids int[], hours timestamptz[],
                                   piece_workers int[], piece_hours timestamptz[], piece_numbers int[], piece_paths bytea[],
                                   piece_pings int[], piece_own_seconds float8[], piece_continued boolean[]) returns int
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

    -- Each piece is projected once: its length, its hour's cover and its visits are all measured in UTM 48N.
    with piece as materialized (
        select x.worker_id, x.hour_start, x.piece, x.path, ST_Transform(x.path, 32648) as utm, x.pings, x.own_seconds, x.continued,
               to_timestamp(ST_M(ST_StartPoint(x.path))) as started_at, to_timestamp(ST_M(ST_EndPoint(x.path))) as ended_at,
               count(*) over (partition by x.worker_id, x.hour_start) as pieces_in_hour
        from (select u.worker_id, u.hour_start, u.piece, ST_GeomFromEWKB(u.ewkb) as path, u.pings, u.own_seconds, u.continued
              from unnest(piece_workers, piece_hours, piece_numbers, piece_paths, piece_pings, piece_own_seconds, piece_continued)
                   as u(worker_id, hour_start, piece, ewkb, pings, own_seconds, continued)) x),
    tracks as (
        insert into patrol_track (worker_id, hour_start, piece, path, started_at, ended_at, pings, metres, seconds_in_own_grid, continued)
        select worker_id, hour_start, piece, path, started_at, ended_at, pings, ST_Length(utm), own_seconds, continued
        from piece),
    covers as (
        insert into patrol_cover_hour (worker_id, hour_start, radius_m, covered)
        select worker_id, hour_start, s.visit_radius_m, patrol_cover_of_utm(ST_Collect(utm), s.visit_radius_m)
        from piece
        group by worker_id, hour_start)
    insert into patrol_visit (worker_id, hour_start, asset_kind, asset_id, visited_at)
    select distinct on (t.worker_id, t.hour_start, n.kind, n.id)
           t.worker_id, t.hour_start, n.kind, n.id, to_timestamp(n.m)
    from piece t
    -- fenced (offset 0): inlined, the filter below would take the time of the closest approach once more
    cross join lateral (select a.kind, a.id, a.location, a.m from patrol_assets_near_utm(t.path, t.utm, s.visit_radius_m) a offset 0) n
    -- A pass under way when the hour began, closest at the hour's first instant, came closest in the previous
    -- hour, which records it: recording it here too would make the same pass look later than it was.
    where not (t.continued and n.m <= date_part('epoch', t.started_at) + 0.001)
    -- the closest pass when the hour has several pieces (the distance is a pass over the line: only then)
    order by t.worker_id, t.hour_start, n.kind, n.id,
             case when t.pieces_in_hour > 1 then ST_Distance(t.utm, ST_Transform(n.location, 32648)) end, n.m desc;

    select touched_grids || array_agg(g.id), touched_days || array_agg((c.hour_start at time zone s.time_zone)::date) into touched_grids, touched_days
    from unnest(worker_ids, hours) k(worker_id, hour_start)
    join patrol_cover_hour c using (worker_id, hour_start)
    join territory_unit g on g.boundary && c.covered and patrol_grid_kind(g.kind) and ST_Intersects(g.boundary, c.covered);

    insert into patrol_grid_day_dirty (grid_id, day)
    select distinct * from unnest(touched_grids, touched_days) where touched_grids is not null
    on conflict do nothing;
    return coalesce(array_length(worker_ids, 1), 0);
end $$;
alter function patrol_store_hours(int[], timestamptz[], int[], timestamptz[], int[], bytea[], int[], float8[], boolean[]) set jit = off;

-- Grid-days: as 0015's, with the envelope cut below.
create or replace function patrol_refresh_grid_days(grid_ids int[], days date[]) returns void
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
alter function patrol_refresh_grid_days(int[], date[]) set jit = off;
