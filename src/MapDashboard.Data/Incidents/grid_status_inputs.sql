-- The inputs of GridStatusRule for every grid (or only the grids covering one
-- point, when @lon/@lat are given): incidents and hazards are counted by
-- location, so an incident in a gap or overlap still colours the grids around it.
-- Patrol coverage is not measured yet (the patrols issue): null.
select g.id, g.status,
       coalesce(i.overdue, 0)::int as overdue, coalesce(i.open, 0)::int as open,
       coalesce(h.open, 0)::int as hazards
from territory_unit g
left join lateral (
    select count(*) filter (where incident_overdue(x)) as overdue, count(*) as open
    from incident x where x.stage <> 'closed' and ST_Covers(g.boundary, x.location)) i on true
left join lateral (
    select count(*) as open from hazard y where y.status <> 'resolved' and ST_Covers(g.boundary, y.location)) h on true
where g.kind in ('community_grid', 'dedicated_grid', 'micro_grid', 'police_grid')
  and (@lon::float8 is null or ST_Covers(g.boundary, ST_SetSRID(ST_MakePoint(@lon::float8, @lat::float8), 4326)));
