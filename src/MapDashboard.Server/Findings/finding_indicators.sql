-- Unclear area and finding counts per street and community: today by kind,
-- and the daily series of the last @days days from finding_daily (null on a
-- day no recomputation recorded anything).
with day as (select d::date as day from generate_series(current_date - (@days - 1), current_date, interval '1 day') d),
recorded as (select distinct day from finding_daily where day > current_date - @days),
unit as (select id, code, name, kind from territory_unit where kind in ('street', 'community')),
series as (
    select u.id, json_agg(json_build_object('day', d.day,
              'count', case when r.day is not null then coalesce(t.n, 0) end,
              'areaM2', case when r.day is not null then round(coalesce(t.a, 0)::numeric, 1) end) order by d.day) as days
    from unit u cross join day d
    left join recorded r on r.day = d.day
    left join lateral (select sum(finding_count) as n, sum(area_m2) as a from finding_daily fd
                       where fd.day = d.day and fd.unit_id = u.id) t on true
    group by u.id),
today as (
    select unit_id, json_object_agg(kind, finding_count) as by_kind, sum(finding_count) as n, sum(area_m2) as a
    from finding_daily where day = current_date group by unit_id)
select json_build_object('days', @days, 'units', coalesce(json_agg(json_build_object(
    'code', u.code, 'name', u.name, 'kind', u.kind,
    'count', coalesce(t.n, 0), 'areaM2', round(coalesce(t.a, 0)::numeric, 1), 'byKind', coalesce(t.by_kind, '{}'),
    'series', s.days) order by u.kind desc, u.code), '[]'))::text
from unit u left join today t on t.unit_id = u.id left join series s on s.id = u.id
