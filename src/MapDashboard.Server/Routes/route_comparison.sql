-- Planned vs walked for saved route @id on local day @day: the part of the route within the radius of the
-- assigned worker's track that day (followed), the rest (missed), and the stops — the assets the route
-- passes within the radius, as patrol_assets_near finds them for a drafted route — each visited or skipped.
-- Only walking inside the day AND after the route was given to its worker in its present shape counts
-- (patrol_route.assigned_at): a stop ticked at 13:19 is no proof of following a route saved at 14:38. The
-- track is cut at that instant by its time measure (M = epoch seconds), and its cover is that cut track's,
-- measured by the one cover rule (patrol_cover_of), not the stored hourly covers (whole hours).
with s as (select visit_radius_m as r from patrol_coverage_setting),
r as (select id, path, worker_id, assigned_at from patrol_route where id = @id),
w as (select greatest(patrol_day_start(@day::date), r.assigned_at) as from_at, patrol_day_start(@day::date + 1) as to_at from r),
pieces as (
    select ST_Force2D((ST_Dump(ST_LocateBetween(t.path, extract(epoch from w.from_at)::float8, extract(epoch from w.to_at)::float8))).geom) as geom, t.started_at
    from patrol_track t, r, w
    where t.worker_id = r.worker_id and t.hour_start >= date_trunc('hour', w.from_at) and t.hour_start < w.to_at and t.ended_at > w.from_at),
walked as (
    select ST_Multi(ST_LineMerge(ST_Collect(geom order by started_at))) as geom
    from pieces where ST_GeometryType(geom) = 'ST_LineString'),
cover as (
    select ST_Transform(patrol_cover_of(walked.geom, s.r), metric_srid()) as metric from walked, s where walked.geom is not null),
split as (
    select ST_Transform(r.path, metric_srid()) as route,
           case when cover.metric is null then null else ST_Intersection(ST_Transform(r.path, metric_srid()), cover.metric) end as followed,
           case when cover.metric is null then ST_Transform(r.path, metric_srid()) else ST_Difference(ST_Transform(r.path, metric_srid()), cover.metric) end as missed
    from r left join cover on true),
stops as (
    select n.kind, n.code, n.name, ST_LineLocatePoint(r.path, n.location) as along,
           (select min(v.visited_at) from patrol_visit v
            where v.worker_id = r.worker_id and v.asset_kind = n.kind and v.asset_id = n.id
              and v.visited_at >= w.from_at and v.visited_at < w.to_at) as visited_at
    from r, s, w, patrol_assets_near(r.path, s.r) n)
select json_build_object(
    'route', r.id, 'date', @day::date, 'worker', (select code from person where id = r.worker_id), 'radiusMetres', s.r,
    'assignedAt', r.assigned_at, 'from', w.from_at, 'to', w.to_at,
    'routeMetres', round(ST_Length(x.route)::numeric, 1),
    'followedMetres', round(coalesce(ST_Length(x.followed), 0)::numeric, 1),
    'followedShare', coalesce(ST_Length(x.followed), 0) / nullif(ST_Length(x.route), 0),
    'stops', (select coalesce(json_agg(json_build_object('kind', kind, 'code', code, 'name', name,
                                                         'visited', visited_at is not null, 'visitedAt', visited_at) order by along, kind, code), '[]') from stops),
    'skipped', (select count(*) from stops where visited_at is null),
    'walked', ST_AsGeoJSON(walked.geom, 7)::json,
    'followed', ST_AsGeoJSON(nullif(ST_Multi(ST_CollectionExtract(ST_Transform(x.followed, 4326), 2)), 'MULTILINESTRING EMPTY'::geometry), 7)::json,
    'missed', ST_AsGeoJSON(nullif(ST_Multi(ST_CollectionExtract(ST_Transform(x.missed, 4326), 2)), 'MULTILINESTRING EMPTY'::geometry), 7)::json
)::text
from r, s, w, split x, walked
