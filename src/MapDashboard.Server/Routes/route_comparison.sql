-- Planned vs walked for saved route @id on local day @day: the part of the route within the radius of the
-- assigned worker's track that day (followed), the rest (missed), and the stops — the assets the route
-- passes within the radius, as patrol_assets_near finds them for a drafted route — each visited or skipped.
with s as (select visit_radius_m as r from patrol_coverage_setting),
r as (select id, path, worker_id from patrol_route where id = @id),
w as (select patrol_day_start(@day::date) as from_at, patrol_day_start(@day::date + 1) as to_at),
walked as (
    select ST_Multi(ST_LineMerge(ST_Collect(ST_Force2D(t.path) order by t.started_at))) as geom
    from patrol_track t, r, w where t.worker_id = r.worker_id and t.hour_start >= w.from_at and t.hour_start < w.to_at),
cover as (
    select ST_Transform(ST_Union(c.covered), 32648) as utm
    from patrol_cover_hour c, r, w where c.worker_id = r.worker_id and c.hour_start >= w.from_at and c.hour_start < w.to_at),
split as (
    select ST_Transform(r.path, 32648) as route,
           case when cover.utm is null then null else ST_Intersection(ST_Transform(r.path, 32648), cover.utm) end as followed,
           case when cover.utm is null then ST_Transform(r.path, 32648) else ST_Difference(ST_Transform(r.path, 32648), cover.utm) end as missed
    from r, cover),
stops as (
    select n.kind, n.code, n.name, ST_LineLocatePoint(r.path, n.location) as along,
           (select min(v.visited_at) from patrol_visit v
            where v.worker_id = r.worker_id and v.asset_kind = n.kind and v.asset_id = n.id
              and v.visited_at >= w.from_at and v.visited_at < w.to_at) as visited_at
    from r, s, w, patrol_assets_near(r.path, s.r) n)
select json_build_object(
    'route', r.id, 'date', @day::date, 'worker', (select code from person where id = r.worker_id), 'radiusMetres', s.r,
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
from r, s, split x, walked
