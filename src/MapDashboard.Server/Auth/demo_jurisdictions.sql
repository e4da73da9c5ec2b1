-- The demo accounts' jurisdictions, real units of the demo district: the district; its first street; the first
-- community of that street; and the grid worker of that community's first staffed community grid.
with district as (select id, code from territory_unit where kind = 'district' order by code limit 1),
street as (select t.id, t.code from territory_unit t, district d where t.parent_id = d.id and t.kind = 'street' order by t.code limit 1),
community as (select t.id, t.code from territory_unit t, street s where t.parent_id = s.id and t.kind = 'community' order by t.code limit 1),
worker as (
    select p.code, p.name
    from territory_unit g
    join community c on g.parent_id = c.id
    join person p on p.id = g.grid_worker_id
    where g.kind = 'community_grid'
    order by g.code limit 1)
select (select code from district), (select code from street), (select code from community),
       (select code from worker), (select name from worker);
