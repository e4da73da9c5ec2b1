-- The wall's focus panel (GET /api/wall/focus): the three things a duty officer should look at now, inside the
-- viewer's jurisdiction (@root: the unit an account is bound to and everything under it; null: not judged). No
-- personal data in any of them — no description, contact, actor or worker's name: the wall is on a room's screen.
-- overdue: the open incident longest past its stage's time limit (the wall's overdue list, first row).
-- unclear: the newest finding still to act on (new or assigned) of the kinds the wall draws (@kinds: not the
--   police-grid mismatch, which stays on /lead), newest by when it was first seen.
-- coverage: the patrolled grid with the lowest share of its buildings and hazard points visited in the last 24 h
--   (GridStatusRule's coverage), the larger grid first among equals; null while the district's patrol record is
--   younger than the window (the share would say "the clock has not run", not "nobody walked").
-- Each comes with the box to zoom to, [minLon, minLat, maxLon, maxLat].
with units as (select id from territory_unit where @root::text is null
               union all select id from jurisdiction_units(@root::text)),
area as (select boundary from territory_unit where code = @root::text),
overdue as (
    select i.code, i.category_code, i.stage, i.stage_due_at, i.location,
           (select json_build_object('code', n.code, 'name', n.name)
            from territory_unit g join territory_unit n on n.id = case when g.kind = 'micro_grid' then g.parent_id else g.id end
            where g.id = i.grid_id) as place
    from incident i
    where i.stage <> 'closed' and incident_overdue(i)
      and (@root::text is null or ST_Covers((select boundary from area), i.location))
    order by i.stage_due_at nulls last, i.reported_at
    limit 1),
unclear as (
    select f.id, f.finding_key, f.kind, f.first_seen_at, f.unit_codes, f.geom, f.area_m2
    from finding f
    where f.present and f.status in ('new', 'assigned') and f.kind = any(@kinds::text[])
      and (@root::text is null or ST_Intersects((select boundary from area), f.geom))
    order by f.first_seen_at desc, f.finding_key
    limit 1),
history as (select patrol_history_hours() as hours),
coverage as (
    select g.code, g.name, g.status, g.boundary, count(*) as total,
           count(*) filter (where exists (select 1 from patrol_visit v where v.asset_kind = a.kind and v.asset_id = a.id
                                                                       and v.visited_at >= now() - interval '24 hours')) as visited
    from territory_unit g
    join patrol_asset a on a.location && g.boundary and ST_Covers(g.boundary, a.location)
    where patrol_grid_kind(g.kind) and g.id in (select id from units)
      and (select hours from history) >= 24
    group by g.id
    order by count(*) filter (where exists (select 1 from patrol_visit v where v.asset_kind = a.kind and v.asset_id = a.id
                                                                         and v.visited_at >= now() - interval '24 hours'))::float8 / count(*),
             count(*) desc, g.code
    limit 1)
select json_build_object(
    'overdue', (select json_build_object('code', code, 'category', category_code, 'stage', stage, 'stageDueAt', stage_due_at,
                                         'place', place, 'location', json_build_array(ST_X(location), ST_Y(location)),
                                         'bbox', json_build_array(ST_X(location), ST_Y(location), ST_X(location), ST_Y(location)))
                from overdue),
    'unclear', (select json_build_object('id', id, 'key', finding_key, 'kind', kind, 'firstSeenAt', first_seen_at, 'units', unit_codes,
                                         'areaM2', round(area_m2::numeric, 1),
                                         'bbox', json_build_array(ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)))
                from unclear),
    'coverage', (select json_build_object('code', code, 'name', name, 'status', status,
                                          'visited', visited, 'total', total, 'share', round(visited::numeric / total, 4),
                                          'bbox', json_build_array(ST_XMin(boundary), ST_YMin(boundary), ST_XMax(boundary), ST_YMax(boundary)))
                 from coverage)
)::text;
