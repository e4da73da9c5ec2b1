-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Patrol coverage: what "covered" and "visited" mean — the one definition that walked tracks (the stored
-- coverage) and drafted routes (the planner's analysis) are both measured by. Geometry is stored in EPSG:4326
-- like everything else; distances, buffers and areas are taken in the metric frame (metric_srid()).

-- What a patrol visits: a building at its entrance (its footprint's point on surface when it has none), a
-- hazard at its point, each with that point in the metric frame (stored columns kept by the triggers of 05_metric_crs.sql, so no
-- check projects it again). One view so that tracks and drafted routes are measured against the same points.
create view patrol_asset as
select 'building'::text as kind, b.id, b.code, b.name, b.visit_point as location, null::timestamptz as revisit_due_at,
       b.visit_point_metric as location_metric
from building b
union all
-- The category's name by a scalar subquery, not a join: with a join the planner cannot push a caller's
-- `location && box` into the hazard index and scans every hazard for every track piece.
select 'hazard', h.id, h.code, (select c.name_zh from category c where c.code = h.category_code), h.location, h.revisit_due_at,
       h.location_metric
from hazard h;

-- THE visits a grid's assets are owed, one rule for the grid's coverage (what it lists as unvisited and as due
-- for a revisit, GET /api/grids/{code}/coverage), the route suggestion (the stops it must visit) and the route
-- analysis (which of a drafted route's misses still matter today). For every asset inside p_boundary:
-- visited_at, the latest visit since p_from (the window's start); last_visited_at, the latest ever;
-- revisit_due, a hazard whose revisit has fallen due (revisit_due_at passed) and that nobody visited since;
-- owed, not visited in the window or due for a revisit — what a patrol still has to see, whatever the hazard's
-- status (open, 整改中 or fixed: the coverage counts every hazard, so the suggestion visits every one it counts
-- as missed).
create function patrol_grid_assets(p_boundary geometry, p_from timestamptz)
returns table (kind text, id int, code text, name text, location geometry, location_metric geometry,
               revisit_due_at timestamptz, visited_at timestamptz, last_visited_at timestamptz,
               revisit_due boolean, owed boolean)
language sql stable as $$
    select a.kind, a.id, a.code, a.name, a.location, a.location_metric, a.revisit_due_at, v.visited_at, v.last_visited_at,
           d.revisit_due, v.visited_at is null or d.revisit_due
    from patrol_asset a
    cross join lateral (
        select max(x.visited_at) filter (where x.visited_at >= p_from) as visited_at, max(x.visited_at) as last_visited_at
        from patrol_visit x where x.asset_kind = a.kind and x.asset_id = a.id) v
    cross join lateral (
        select coalesce(a.revisit_due_at <= now() and (v.last_visited_at is null or v.last_visited_at < a.revisit_due_at), false)
               as revisit_due) d
    where a.location && p_boundary and ST_Covers(p_boundary, a.location)
$$;

-- The grids patrols are measured in (police grids are the police's, not the grid workers').
create function patrol_grid_kind(kind text) returns boolean
language sql immutable parallel safe as $$ select kind in ('community_grid', 'dedicated_grid', 'micro_grid') $$;

-- THE age of the district's patrol record, in hours since the start of its first stored track (null: none). A
-- rolling 24 h coverage is a measure only once this reaches 24 h; younger, the window has not run yet and a grid
-- looks half-walked because the clock has not run (GridStatusRule, the wall's coverage figure).
create function patrol_history_hours() returns float8
language sql stable as $$
    select extract(epoch from now() - min(started_at))::float8 / 3600
    from patrol_track where hour_start = (select min(hour_start) from patrol_track)
$$;

-- The local day (patrol_coverage_setting.time_zone) coverage is counted in.
create function patrol_today() returns date
language sql stable as $$ select (now() at time zone (select time_zone from patrol_coverage_setting))::date $$;

create function patrol_day_start(day date) returns timestamptz
language sql stable as $$ select day::timestamp at time zone (select time_zone from patrol_coverage_setting) $$;

create function patrol_day_of(at timestamptz) returns date
language sql stable as $$ select (at at time zone (select time_zone from patrol_coverage_setting))::date $$;

-- THE covered land of a line already in the metric frame (see patrol_cover_of, which is this after one projection): a
-- track's hour is projected once for its length, its cover and its visits. The line is simplified to within
-- 3 m first: a phone's fix is good to ~5 m, so a walked line's zigzag below that is noise, and the buffer's
-- cost grows with vertices and zigzags; the covered edge moves by at most 3 m, a tenth of the radius. The
-- simplified line is buffered in pieces of 16 segments and the pieces' buffers unioned: the buffer of a union
-- of lines is the union of their buffers, and GEOS's buffer slows down with the self-crossings of a walk that
-- goes back and forth over its grid, which pieces have far fewer of (a quarter less CPU on an hour of city
-- walking, the same land to 0.1 m). A line that simplifies to nothing gets the plain buffer (empty).
create function patrol_cover_of_metric(metric geometry, radius_m float8) returns geometry
language sql immutable parallel safe as $$
    select coalesce(
        (select ST_Multi(ST_Transform(ST_UnaryUnion(ST_Collect(ST_Buffer(
                    case when n.pieces = 1 then p.geom
                         else ST_LineSubstring(p.geom, (i - 1)::float8 / n.pieces, i::float8 / n.pieces) end, radius_m))), 4326))
         from ST_Dump(ST_Simplify(metric, 3.0)) p
         cross join lateral (select greatest(1, (ST_NPoints(p.geom) - 1) / 16) as pieces) n
         cross join lateral generate_series(1, n.pieces) i),
        ST_Multi(ST_Transform(ST_Buffer(ST_Simplify(metric, 3.0), radius_m), 4326)))
$$;

-- THE covered land of a line (a track or a drafted route), EPSG:4326 in and out.
create function patrol_cover_of(path geometry, radius_m float8) returns geometry
language sql stable parallel safe as $$
    select patrol_cover_of_metric(ST_Transform(path, metric_srid()), radius_m)
$$;

-- THE covered land inside a grid, and its share of the grid's area: grid-days and drafted routes alike.
create function patrol_covered_in(boundary geometry, covered geometry) returns geometry
language sql immutable parallel safe as $$
    select nullif(ST_Multi(ST_CollectionExtract(ST_Intersection(boundary, covered), 3)), 'MULTIPOLYGON EMPTY'::geometry)
$$;

create function patrol_area_share(covered geometry, boundary geometry) returns float8
language sql stable parallel safe as $$
    select coalesce(ST_Area(ST_Transform(covered, metric_srid())) / nullif(ST_Area(ST_Transform(boundary, metric_srid())), 0), 0)
$$;

-- THE assets within radius_m of a line given in EPSG:4326 and in the metric frame (see patrol_assets_near), with how far
-- (taken only when a caller reads it: a full pass over the line) and, for a LineStringM, when.
create function patrol_assets_near_metric(line geometry, line_metric geometry, radius_m float8)
returns table (kind text, id int, code text, name text, location geometry, distance_m float8, m float8)
language sql stable parallel safe as $$
    select a.kind, a.id, a.code, a.name, a.location, ST_Distance(line_metric, a.location_metric),
           case when ST_Zmflag(line_metric) = 1 and ST_GeometryType(line_metric) = 'ST_LineString' then ST_InterpolatePoint(line_metric, a.location_metric) end
    from (select ST_Simplify(line_metric, 3.0, true) as simplified offset 0) l
    join patrol_asset a
      -- a degree of longitude is > 50 km up to 63°N: a safe index pre-filter
      on a.location && ST_Expand(line, radius_m / 50000.0)
      -- every point of a line lies within 3 m of its simplification to 3 m: an exact pre-filter on a tenth of the
      -- vertices; the exact test stops at the first segment within the radius
     and ST_DWithin(l.simplified, a.location_metric, radius_m + 3.0)
     and ST_DWithin(line_metric, a.location_metric, radius_m)
$$;

-- THE assets within radius_m of a line in EPSG:4326: a track's visits and a drafted route's passes.
create function patrol_assets_near(path geometry, radius_m float8)
returns table (kind text, id int, code text, name text, location geometry, distance_m float8, m float8)
language sql stable parallel safe as $$
    -- materialized: inlined, the line would be re-projected for every candidate asset
    with projected as materialized (select ST_Transform(path, metric_srid()) as line_metric)
    select n.* from projected l cross join lateral patrol_assets_near_metric(path, l.line_metric, radius_m) n
$$;
