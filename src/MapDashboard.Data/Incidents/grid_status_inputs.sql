-- The inputs of GridStatusRule for every grid (or only the grids covering one
-- point, when @lon/@lat are given): incidents and hazards are counted by
-- location, so an incident in a gap or overlap still colours the grids around it.
-- Patrol coverage is the share of the grid's buildings (at their entrance) and
-- hazard points visited in the last 24 hours (rolling, so the colour does not
-- jump every midnight). It counts only while patrols are tracked in the district
-- at all — some trusted track within the last 24 hours. Without any patrol data
-- (a fresh demo without the simulator, a centre whose devices are not rolled out
-- yet, a tracking outage) every grid would turn red for something nobody
-- measured, drowning the real alarms; once tracking runs, a grid nobody walked is
-- exactly the red the wall must show. Police grids are not patrolled by grid
-- workers, and a grid with nothing to visit has no coverage either: null.
-- history_hours: how long the district's patrols have been tracked (since the start of
-- its first stored track). Under 24 h the window has not run yet and GridStatusRule
-- does not colour by coverage (see its comment).
with patrols as (
    select exists (select 1 from patrol_track
                   where hour_start >= now() - interval '25 hours' and ended_at >= now() - interval '24 hours') as tracked,
           patrol_history_hours() as history_hours)
select g.id, g.status, g.status_reasons::text as reasons, patrols.history_hours::float8 as history,
       coalesce(i.overdue, 0)::int as overdue, coalesce(i.open, 0)::int as open,
       coalesce(h.open, 0)::int as hazards,
       c.visited::float8 / nullif(c.total, 0) as coverage
from territory_unit g cross join patrols
left join lateral (
    select count(*) filter (where incident_overdue(x)) as overdue, count(*) as open
    from incident x where x.stage <> 'closed' and ST_Covers(g.boundary, x.location)) i on true
left join lateral (
    select count(*) as open from hazard y where y.status <> 'resolved' and ST_Covers(g.boundary, y.location)) h on true
left join lateral (
    select count(*) as total,
           count(*) filter (where exists (select 1 from patrol_visit v where v.asset_kind = a.kind and v.asset_id = a.id
                                                                       and v.visited_at >= now() - interval '24 hours')) as visited
    from patrol_asset a
    where patrols.tracked and patrol_grid_kind(g.kind) and a.location && g.boundary and ST_Covers(g.boundary, a.location)) c on true
where g.kind in ('community_grid', 'dedicated_grid', 'micro_grid', 'police_grid')
  and (@lon::float8 is null or ST_Covers(g.boundary, ST_SetSRID(ST_MakePoint(@lon::float8, @lat::float8), 4326)));
