-- The indicators of one unit (district, street, community or any grid), over
-- the incidents located in its boundary. "Today" and the 30 daily buckets are
-- local days in @tz. Every rate is over ONE set, the incidents reported in the
-- period (the last 30 local days, today included), so no two rates disagree for
-- being counted over different incidents (README "Indicators", the glossary):
-- 办结率 closed / reported; 按期办结率 closed without ever being overdue / reported;
-- 满意度 rated 4–5 / rated, among the closed ones (the average rating likewise).
-- null = nothing to divide. Patrol coverage: the share of the unit's buildings and
-- hazard points (in patrolled grids) visited in the last 24 h, with the age of the
-- patrol record — under 24 h the window has not run yet (GridStatusRule).
with unit as (select code, name, kind, boundary from territory_unit where code = @code),
today as (select (date_trunc('day', now() at time zone @tz))::date as d),
inc as (select i.*, incident_overdue(i) as late, (i.reported_at at time zone @tz)::date as day
        from incident i, unit where ST_Covers(unit.boundary, i.location)
          and i.duplicate_of_id is null), -- a copy the desk linked to another incident is that incident's report, not one of its own
recent as (select * from inc, today where inc.day > today.d - 30),
done as (select * from recent where stage = 'closed'),
assets as (
    select a.kind, a.id from unit, patrol_asset a
    where a.location && unit.boundary and ST_Covers(unit.boundary, a.location)
      and exists (select 1 from territory_unit g where patrol_grid_kind(g.kind) and g.boundary && a.location and ST_Covers(g.boundary, a.location))),
coverage as (
    select count(*) as total,
           count(*) filter (where exists (select 1 from patrol_visit v where v.asset_kind = a.kind and v.asset_id = a.id
                                                                     and v.visited_at >= now() - interval '24 hours')) as visited,
           patrol_history_hours() as history
    from assets a),
days as (select (today.d - n)::date as d from today, generate_series(29, 0, -1) n)
select json_build_object(
    'unit', (select json_build_object('code', code, 'name', name, 'kind', kind) from unit),
    'timeZone', @tz,
    'reportedToday', (select count(*) from inc, today where inc.day = today.d),
    'open', (select count(*) from inc where stage <> 'closed'),
    'overdue', (select count(*) from inc where late),
    'period', (select json_build_object('days', 30, 'from', today.d - 29, 'to', today.d) from today),
    'reported30d', (select count(*) from recent),
    'closed30d', (select count(*) from done),
    'closedOnTime30d', (select count(*) from done where overdue_at is null),
    'rated30d', (select count(*) from done where rating is not null),
    'satisfied30d', (select count(*) from done where rating >= 4),
    'closureRate', (select round((select count(*) from done)::numeric / nullif(count(*), 0), 4) from recent),
    'onTimeClosureRate', (select round((select count(*) from done where overdue_at is null)::numeric / nullif(count(*), 0), 4) from recent),
    'averageRating', (select round(avg(rating), 2) from done where rating is not null),
    'satisfactionRate', (select round(count(*) filter (where rating >= 4)::numeric / nullif(count(*), 0), 4)
                         from done where rating is not null),
    'patrolCoverage', (select json_build_object('window', '24h', 'total', total, 'visited', visited,
                                                'share', case when history is not null then round(visited::numeric / nullif(total, 0), 4) end,
                                                'historyHours', round(history::numeric, 1), 'young', history < 24)
                       from coverage),
    'byCategory', (select coalesce(json_agg(json_build_object('category', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en,
                        'reported30d', x.reported, 'open', x.open, 'overdue', x.overdue) order by x.reported desc, c.sort_order), '[]')
                   from (select category_code, count(*) filter (where day in (select d from days)) as reported,
                                count(*) filter (where stage <> 'closed') as open, count(*) filter (where late) as overdue
                         from inc group by category_code) x
                   join category c on c.code = x.category_code),
    'daily', (select json_agg(json_build_object('date', days.d,
                  'reported', (select count(*) from inc where inc.day = days.d),
                  'closed', (select count(*) from inc where (inc.closed_at at time zone @tz)::date = days.d)) order by days.d)
              from days)
)::text
from unit;
