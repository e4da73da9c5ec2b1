-- Whom the dispatch desk may send an incident to, best first: its own grid's grid worker (专职网格员), then the
-- volunteer who looks after its micro-grid, then the others nearest first — grid workers and party-member
-- volunteers (党员志愿者) by the distance from their latest position when it is fresh (@freshMinutes), else from
-- their grid, and co-building units (共驻共建单位) from the nearest grid they adopt; ties go to whoever has fewer
-- incidents open. Each with its distance in metres, what it was measured from and its open incidents. Names are
-- personal data: the endpoint masks them by each candidate's grid (IncidentDeskApi). A district has a few hundred
-- people and a few dozen units, so everyone is measured; no spatial pre-filter is needed.
with inc as (
    select i.code, i.location, i.worker_id, i.organisation_id,
           coalesce(case when g.kind = 'micro_grid' then g.parent_id end, g.id) as grid_id,
           case when g.kind = 'micro_grid' then g.grid_worker_id end as micro_worker_id
    from incident i left join territory_unit g on g.id = i.grid_id
    where i.code = @code
),
own_grid as (select t.id, t.code, t.name, t.grid_worker_id from inc join territory_unit t on t.id = inc.grid_id),
open_tasks as (
    select worker_id, organisation_id, count(*) as n from incident
    where stage in ('dispatched', 'accepted') group by worker_id, organisation_id
),
people as (
    select p.code, p.name, p.role as kind, g.code as grid_code, g.name as grid_name,
           case when p.id = (select grid_worker_id from own_grid) then 0 when p.id = inc.micro_worker_id then 1 else 2 end as rank,
           coalesce(wp.recorded_at > now() - make_interval(mins => @freshMinutes), false) as from_position,
           case when wp.recorded_at > now() - make_interval(mins => @freshMinutes)
                then ST_Distance(wp.location::geography, inc.location::geography)
                else ST_Distance(g.boundary::geography, inc.location::geography) end as distance_m,
           coalesce((select sum(n) from open_tasks o where o.worker_id = p.id), 0) as open_tasks,
           p.id is not distinct from inc.worker_id as current
    from inc
    cross join person p
    join territory_unit g on g.id = p.unit_id
    left join worker_position wp on wp.worker_id = p.id
    where p.role in ('grid_worker', 'volunteer')
),
nearest_people as (
    (select * from people where rank < 2)
    union all
    (select * from people where rank = 2 order by distance_m, open_tasks, code limit @others)
),
units as (
    select o.code, o.name, 'co_building_unit' as kind, g.code as grid_code, g.name as grid_name,
           2 as rank, false as from_position, g.distance_m,
           coalesce((select sum(n) from open_tasks t where t.organisation_id = o.id), 0) as open_tasks,
           o.id is not distinct from inc.organisation_id as current
    from inc
    cross join organisation o
    cross join lateral (select a.code, a.name, ST_Distance(a.boundary::geography, inc.location::geography) as distance_m
                        from territory_unit a where a.adopted_by_id = o.id
                        order by distance_m, a.code limit 1) g
    where o.kind = 'co_building_unit'
    order by g.distance_m, open_tasks, o.code
    limit @units
),
candidates as (select * from nearest_people union all select * from units)
select json_build_object(
    'incident', inc.code,
    'grid', (select json_build_object('code', code, 'name', name) from own_grid),
    'candidates', (select coalesce(json_agg(json_build_object(
        'kind', c.kind,
        'person', case when c.kind <> 'co_building_unit' then json_build_object('code', c.code, 'name', c.name) end,
        'organisation', case when c.kind = 'co_building_unit' then json_build_object('code', c.code, 'name', c.name) end,
        'grid', json_build_object('code', c.grid_code, 'name', c.grid_name),
        'ownGrid', c.grid_code = (select code from own_grid),
        'distanceM', round(c.distance_m)::int,
        'measuredFrom', case when c.from_position then 'position' else 'grid' end,
        'openTasks', c.open_tasks,
        'current', c.current
    ) order by c.rank, c.distance_m, c.open_tasks, c.code), '[]') from candidates c)
)::text
from inc;
