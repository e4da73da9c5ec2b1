-- One grid's coverage over a window: covered land, area and visit shares, what was and was not visited,
-- hazards due for a revisit, and the workers who walked in it (their walking inside this grid, and all of it). Whole local days come from grid_coverage_day;
-- the part of a rolling window before its first midnight from the worker-hour covers (whole clock hours:
-- the hour the window starts in counts whole). Null when @code is not a patrolled grid.
with s as (select visit_radius_m as r from patrol_coverage_setting),
g as (select id, code, boundary, ST_Transform(boundary, metric_srid()) as metric from territory_unit where code = @code and patrol_grid_kind(kind)),
b as (select @from::timestamptz as from_at,
             case when patrol_day_start(patrol_day_of(@from::timestamptz)) = @from::timestamptz
                  then patrol_day_of(@from::timestamptz) else patrol_day_of(@from::timestamptz) + 1 end as first_day),
parts as (
    select d.covered from grid_coverage_day d, g, b
    where d.grid_id = g.id and d.day >= b.first_day and d.covered is not null
    union all
    select ST_Intersection(g.boundary, c.covered) from patrol_cover_hour c, g, b
    where c.hour_start >= date_trunc('hour', b.from_at) and c.hour_start < patrol_day_start(b.first_day) and c.covered && g.boundary),
covered as (select nullif(ST_Multi(ST_CollectionExtract(ST_Union(covered), 3)), 'MULTIPOLYGON EMPTY'::geometry) as geom from parts),
-- What each asset is owed: the rule the route suggestion visits by (patrol_grid_assets).
assets as (select a.* from g, b, patrol_grid_assets(g.boundary, b.from_at) a),
tracks as (
    select t.* from patrol_track t, b where t.hour_start >= date_trunc('hour', b.from_at)),
walkers as (
    select distinct t.worker_id from tracks t, g where t.path && g.boundary and ST_Intersects(t.path, g.boundary)),
-- Each walker's walking INSIDE this grid, clipped segment by segment in the metric frame (the segment between two
-- consecutive pings of a track piece): its metres inside, and its seconds in proportion (a steady pace between
-- two pings; a pause counts where it stood). Not the whole track clipped at once: a walk that goes back and forth
-- along one street overlaps itself, and an overlay would count the street once.
inside as (
    select t.worker_id,
           sum(case when s.len = 0 then 0 when ST_Covers(g.metric, s.seg) then s.len else ST_Length(ST_Intersection(g.metric, s.seg)) end) as metres,
           sum(s.seconds * case when s.len = 0 then ST_Covers(g.metric, s.b)::int
                                when ST_Covers(g.metric, s.seg) then 1
                                else ST_Length(ST_Intersection(g.metric, s.seg)) / s.len end) as seconds
    from tracks t join walkers w using (worker_id), g
    cross join lateral (
        select p.a, p.b, ST_MakeLine(p.a, p.b) as seg, ST_Distance(p.a, p.b) as len, ST_M(p.b) - ST_M(p.a) as seconds
        from (select d.geom as b, lag(d.geom) over (order by d.path[1]) as a from ST_DumpPoints(ST_Transform(t.path, metric_srid())) d) p
        where p.a is not null) s
    where t.path && g.boundary and s.seg && g.metric
    group by t.worker_id),
workers as (
    select p.code, p.name, round(sum(t.metres)::numeric, 1) as metres,
           round((sum(extract(epoch from t.ended_at - t.started_at)) / 60)::numeric, 1) as total,
           round(coalesce(min(i.metres), 0)::numeric, 1) as metres_in, round((coalesce(min(i.seconds), 0) / 60)::numeric, 1) as minutes_in
    from tracks t join walkers w using (worker_id) join person p on p.id = t.worker_id
    left join inside i on i.worker_id = t.worker_id
    group by p.code, p.name)
select json_build_object(
    'grid', g.code, 'window', @window::text, 'from', @from::timestamptz, 'to', @to::timestamptz, 'radiusMetres', s.r,
    'areaShare', patrol_area_share(c.geom, g.boundary),
    'visitShare', (select count(visited_at)::float8 / nullif(count(*), 0) from assets),
    'covered', ST_AsGeoJSON(c.geom, 7)::json,
    'buildings', (select json_build_object('total', count(*), 'visited', count(visited_at)) from assets where kind = 'building'),
    'hazards', (select json_build_object('total', count(*), 'visited', count(visited_at)) from assets where kind = 'hazard'),
    'visited', (select coalesce(json_agg(json_build_object('kind', kind, 'code', code, 'name', name, 'lastVisitedAt', visited_at)
                                         order by kind, code), '[]') from assets where visited_at is not null),
    'unvisited', (select coalesce(json_agg(json_build_object('kind', kind, 'code', code, 'name', name,
                                                             'lon', round(ST_X(location)::numeric, 7), 'lat', round(ST_Y(location)::numeric, 7))
                                           order by kind, code), '[]') from assets where visited_at is null),
    'revisitDue', (select coalesce(json_agg(json_build_object('code', code, 'name', name, 'dueAt', revisit_due_at, 'lastVisitedAt', last_visited_at,
                                                              'lon', round(ST_X(location)::numeric, 7), 'lat', round(ST_Y(location)::numeric, 7))
                                            order by revisit_due_at, code), '[]')
                   from assets where revisit_due),
    'workers', (select coalesce(json_agg(json_build_object('code', code, 'name', name, 'metresInGrid', metres_in, 'minutesInGrid', minutes_in,
                                                           'metres', metres, 'minutesTotal', total) order by metres_in desc, code), '[]') from workers)
)::text
from g, s, covered c
