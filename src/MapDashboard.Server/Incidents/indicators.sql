-- The indicators of one unit (district, street, community or any grid), over
-- the incidents located in its boundary. "Today" and the 30 daily buckets are
-- local days in @tz. Rates are over incidents reported in the last 30 days:
-- 办结率 closed / reported; on-time closed without ever being overdue / closed;
-- 满意度 the average rating 1–5 and the share rated 4 or 5. null = nothing to divide.
with unit as (select code, name, kind, boundary from territory_unit where code = @code),
today as (select (date_trunc('day', now() at time zone @tz))::date as d),
inc as (select i.*, incident_overdue(i) as late, (i.reported_at at time zone @tz)::date as day
        from incident i, unit where ST_Covers(unit.boundary, i.location)),
recent as (select * from inc, today where inc.day > today.d - 30),
days as (select (today.d - n)::date as d from today, generate_series(29, 0, -1) n)
select json_build_object(
    'unit', (select json_build_object('code', code, 'name', name, 'kind', kind) from unit),
    'timeZone', @tz,
    'reportedToday', (select count(*) from inc, today where inc.day = today.d),
    'open', (select count(*) from inc where stage <> 'closed'),
    'overdue', (select count(*) from inc where late),
    'reported30d', (select count(*) from recent),
    'closed30d', (select count(*) from recent where stage = 'closed'),
    'closureRate', (select round(count(*) filter (where stage = 'closed')::numeric / nullif(count(*), 0), 4) from recent),
    'onTimeClosureRate', (select round(count(*) filter (where overdue_at is null)::numeric / nullif(count(*), 0), 4)
                          from recent where stage = 'closed'),
    'averageRating', (select round(avg(rating), 2) from recent where rating is not null),
    'satisfactionRate', (select round(count(*) filter (where rating >= 4)::numeric / nullif(count(*), 0), 4)
                         from recent where rating is not null),
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
