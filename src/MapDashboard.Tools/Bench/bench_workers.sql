-- Tops the district's grid workers up to @count (the city has about one per grid; the
-- benchmark needs 2,000 devices) and returns @count of them with a start point each:
-- the grids' interior points, dealt round-robin.
insert into person (code, name, role)
select 'BW' || lpad(i::text, 5, '0'), '基准网格员' || i, 'grid_worker'
from generate_series(1, greatest(0, @count - (select count(*) from person where role = 'grid_worker'))) i;

with workers as (
    select id, code, row_number() over (order by code) - 1 as n
    from person where role = 'grid_worker' order by code limit @count),
grids as (
    select ST_PointOnSurface(boundary) as p, row_number() over (order by code) - 1 as n, count(*) over () as total
    from territory_unit where kind in ('community_grid', 'dedicated_grid'))
select w.id, w.code, ST_X(g.p), ST_Y(g.p)
from workers w join grids g on g.n = w.n % g.total
order by w.code
