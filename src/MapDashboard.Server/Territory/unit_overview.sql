-- A community's (or street's, or the district's) overview, in one round trip: its outline, its grids by colour, its
-- incidents (open, overdue — by location, as GET /api/indicators and /api/incidents?unit= count them), patrol
-- coverage (the grid colour's rule: the share of the buildings and hazard points of its patrolled grids visited in
-- the last 24 hours, measured only while patrols are tracked at all), its findings by kind (as GET /api/findings
-- ?unit= lists them: present, new or assigned, reaching into the unit), the grid workers on patrol now (a trusted
-- ping in the last @fresh_minutes inside it) and its open incidents, most overdue first, each with its place (grid,
-- building). No personal data: people are counted, never named. Null when @code is no district, street or community.
with u as (
    select t.* from territory_unit t where t.code = @code and t.kind in ('district', 'street', 'community')
),
grids as (
    select g.* from u, jurisdiction_units(u.code) j join territory_unit g on g.id = j.id
    where g.kind in ('community_grid', 'dedicated_grid')
),
inc as (
    select i.*, incident_overdue(i) as late from incident i, u where ST_Covers(u.boundary, i.location)
),
patrols as (
    select exists (select 1 from patrol_track
                   where hour_start >= now() - interval '25 hours' and ended_at >= now() - interval '24 hours') as tracked
),
assets as (
    select exists (select 1 from patrol_visit v where v.asset_kind = a.kind and v.asset_id = a.id
                                                and v.visited_at >= now() - interval '24 hours') as visited
    from grids g join patrol_asset a on a.location && g.boundary and ST_Covers(g.boundary, a.location)
    where patrol_grid_kind(g.kind)
),
findings as (
    select f.kind from finding f, u
    where f.present and f.status in ('new', 'assigned')
      and u.boundary && f.geom and ST_Intersects(u.boundary, f.geom) and not ST_Touches(u.boundary, f.geom)
),
open_list as (
    select i.*,
           (select json_build_object('code', g.code, 'name', g.name) from territory_unit g where g.id = i.grid_id) as grid,
           -- The building the report was made at: the footprint holding the point, else the nearest within 30 m.
           (select json_build_object('code', b.code, 'name', b.name) from building b
            where ST_DWithin(b.footprint::geography, i.location::geography, 30)
            order by ST_Distance(b.footprint::geography, i.location::geography), b.code limit 1) as building
    from inc i where i.stage <> 'closed'
    order by i.late desc, i.stage_due_at nulls last, i.reported_at desc
    limit @limit
)
select json_build_object(
    'code', u.code, 'name', u.name, 'kind', u.kind,
    'parent', (select json_build_object('code', p.code, 'name', p.name, 'kind', p.kind) from territory_unit p where p.id = u.parent_id),
    'bbox', (select json_build_array(ST_XMin(x), ST_YMin(x), ST_XMax(x), ST_YMax(x)) from Box2D(u.boundary) x),
    'geometry', ST_AsGeoJSON(u.boundary, 7)::json,
    'grids', json_build_object(
        'total', (select count(*) from grids),
        'red', (select count(*) from grids where status = 'red'),
        'yellow', (select count(*) from grids where status = 'yellow'),
        'blue', (select count(*) from grids where status = 'blue'),
        -- each grid's colour with its reasons (rule codes and figures, as the live grids carry them): the client counts
        -- them by reason with the wall legend's code
        'list', (select coalesce(json_agg(json_build_object('code', code, 'name', name, 'kind', kind, 'status', status,
                                                           'reasons', status_reasons) order by code), '[]') from grids)),
    'incidents', json_build_object(
        'open', (select count(*) from inc where stage <> 'closed'),
        'overdue', (select count(*) from inc where late)),
    'coverage', json_build_object(
        'tracked', (select tracked from patrols),
        'assets', (select count(*) from assets),
        'visited', (select count(*) filter (where visited) from assets),
        'share', case when (select tracked from patrols)
                      then (select round(count(*) filter (where visited)::numeric / nullif(count(*), 0), 4) from assets) end),
    'findings', json_build_object(
        'total', (select count(*) from findings),
        'byKind', (select coalesce(json_agg(json_build_object('kind', kind, 'count', n) order by n desc, kind), '[]')
                   from (select kind, count(*) as n from findings group by kind) k)),
    'workers', json_build_object(
        'total', (select count(distinct grid_worker_id) from grids),
        'onPatrol', (select count(*) from worker_position wp join person p on p.id = wp.worker_id, u
                     where p.role = 'grid_worker' and wp.recorded_at >= now() - make_interval(mins => @fresh_minutes)
                       and ST_Covers(u.boundary, wp.location))),
    'openIncidents', (select coalesce(json_agg(json_build_object(
            'code', o.code, 'category', o.category_code, 'description', o.description, 'stage', o.stage,
            'reportedAt', o.reported_at, 'stageDueAt', o.stage_due_at, 'overdue', o.late,
            'location', json_build_array(round(ST_X(o.location)::numeric, 7), round(ST_Y(o.location)::numeric, 7)),
            'grid', o.grid, 'building', o.building)
        order by o.late desc, o.stage_due_at nulls last, o.reported_at desc), '[]') from open_list o)
)::text
from u;
