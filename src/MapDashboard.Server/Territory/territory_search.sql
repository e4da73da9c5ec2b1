-- The search box: anything a leader knows, each hit saying what it is ('match'):
--   unit      a district, street, community or grid by part of its name or the start of its code;
--   person    a grid worker or volunteer by part of their name or their code, ONLY where the account may see people
--             (@names_everywhere, else inside the jurisdiction @names_root; neither: no person is searched at all,
--             so a name outside one's reach finds nothing). The name itself leaves masked (Discloses, by 'unit');
--   building  by part of its name or its code;  compound  a 小区 / 楼院 by part of its name;
--   incident  by the start of its code;  finding  by part of its key (its kind and the codes it involves).
-- Each hit brings where to look (bbox, a point) and the patrol grid it lies in, so choosing it opens that grid's card.
-- Exact code matches first, then units, people, buildings, compounds, incidents, findings; a few of each kind.
with person_scope as (
    select p.* from person p
    where p.role in ('grid_worker', 'volunteer')
      and (@names_everywhere or (@names_root::text is not null
                                 and unit_in_jurisdiction(p.unit_id, @names_root::text)))
),
units as (
    select json_build_object('match', 'unit', 'code', t.code, 'name', t.name, 'kind', t.kind, 'parentCode', p.code,
               'status', t.status, 'bbox', json_build_array(ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b))) as hit,
           null::geometry as place, t.code = @q as exact, 0 as rank,
           array_position(array['district', 'street', 'community', 'community_grid', 'dedicated_grid', 'micro_grid', 'police_grid'], t.kind) as sub,
           t.code as sort
    from territory_unit t
    left join territory_unit p on p.id = t.parent_id
    cross join lateral Box2D(t.boundary) b
    where t.name ilike @contains or t.code like @prefix
    order by t.code = @q desc, sub, t.code
    limit 12
),
people as (
    select json_build_object('match', 'person', 'code', p.code, 'role', p.role, 'unit', u.code,
               'person', json_build_object('code', p.code, 'name', p.name),
               'grid', (select json_build_object('code', g.code, 'name', g.name) from territory_unit g where g.id = gr.id),
               'position', case when wp.location is not null
                                then json_build_array(round(ST_X(wp.location)::numeric, 7), round(ST_Y(wp.location)::numeric, 7)) end,
               'bbox', json_build_array(ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b))) as hit,
           null::geometry as place, p.code = @q as exact, 1 as rank, 0 as sub, p.code as sort
    from person_scope p
    join territory_unit u on u.id = p.unit_id
    -- The grid they work: the one they are grid worker of, else the grid they belong to.
    left join lateral (select g.id, g.boundary from territory_unit g
                       where g.grid_worker_id = p.id or (g.id = p.unit_id and g.kind in ('community_grid', 'dedicated_grid'))
                       order by g.grid_worker_id = p.id desc, g.code limit 1) gr on true
    left join worker_position wp on wp.worker_id = p.id
    cross join lateral Box2D(coalesce(gr.boundary, u.boundary)) b
    where p.name ilike @contains or p.code = @q
    order by p.code = @q desc, p.role, p.code
    limit 8
),
buildings as (
    select json_build_object('match', 'building', 'code', bl.code, 'name', bl.name, 'compound', bl.compound,
               'position', json_build_array(round(ST_X(bl.visit_point)::numeric, 7), round(ST_Y(bl.visit_point)::numeric, 7)),
               'bbox', json_build_array(ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b))) as hit,
           bl.visit_point as place, bl.code = @q as exact, 2 as rank, 0 as sub, bl.code as sort
    from building bl
    cross join lateral Box2D(bl.footprint) b
    where bl.name ilike @contains or bl.code like @prefix
    order by bl.code = @q desc, bl.code
    limit 8
),
compounds as (
    select json_build_object('match', 'compound', 'code', c.first_code, 'name', c.compound, 'buildings', c.n,
               'position', json_build_array(round(ST_X(c.point)::numeric, 7), round(ST_Y(c.point)::numeric, 7)),
               'bbox', json_build_array(ST_XMin(c.b), ST_YMin(c.b), ST_XMax(c.b), ST_YMax(c.b))) as hit,
           c.point as place, false as exact, 3 as rank, 0 as sub, c.compound as sort
    from (select bl.compound, count(*) as n, min(bl.code) as first_code, ST_Extent(bl.footprint)::box2d as b,
                 ST_PointOnSurface(ST_Collect(bl.visit_point)) as point
          from building bl where bl.compound ilike @contains
          group by bl.compound order by bl.compound limit 5) c
),
incidents as (
    select json_build_object('match', 'incident', 'code', i.code, 'category', i.category_code, 'stage', i.stage,
               'description', i.description, 'overdue', incident_overdue(i),
               'position', json_build_array(round(ST_X(i.location)::numeric, 7), round(ST_Y(i.location)::numeric, 7)),
               'bbox', json_build_array(ST_X(i.location), ST_Y(i.location), ST_X(i.location), ST_Y(i.location))) as hit,
           -- Its place, not its own grid: that may be a micro-grid, which has no card in the tree.
           i.location as place, i.code = upper(@q) as exact, 4 as rank, 0 as sub, i.code as sort
    from incident i
    where i.code like upper(@prefix)
    order by i.code = upper(@q) desc, i.code
    limit 8
),
findings as (
    select json_build_object('match', 'finding', 'id', f.id, 'code', f.finding_key, 'kind', f.kind, 'status', f.status,
               'units', f.unit_codes,
               'position', json_build_array(round(ST_X(pt)::numeric, 7), round(ST_Y(pt)::numeric, 7)),
               'bbox', json_build_array(ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b))) as hit,
           null::geometry as place, f.finding_key = @q as exact, 5 as rank, 0 as sub, f.finding_key as sort
    from finding f
    cross join lateral Box2D(f.geom) b
    cross join lateral ST_PointOnSurface(f.geom) pt
    where f.present and f.finding_key ilike @contains
    order by f.finding_key = @q desc, f.area_m2 desc nulls last, f.finding_key
    limit 8
),
hits as (
    select * from units union all select * from people union all select * from buildings
    union all select * from compounds union all select * from incidents union all select * from findings
)
-- A hit with a place opens the card of the patrol grid holding it.
select coalesce(json_agg(case when h.place is null then h.hit::jsonb else h.hit::jsonb || jsonb_build_object('grid',
           (select jsonb_build_object('code', g.code, 'name', g.name) from territory_unit g
            where g.kind in ('community_grid', 'dedicated_grid') and g.boundary && h.place and ST_Covers(g.boundary, h.place)
            order by g.code limit 1)) end
         order by h.exact desc, h.rank, h.sub, h.sort), '[]'::json)::text
from hits h;
