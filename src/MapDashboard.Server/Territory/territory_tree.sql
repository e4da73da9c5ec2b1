-- The leader view's navigator: every unit a leader picks from, top-down, each
-- with its bbox so the map can zoom without fetching the boundary.
-- Micro-grids and police grids are left out: they come as tiles. `reasons`: why a grid has
-- its colour (GridStatusRule), which the wall's legend counts.
select coalesce(json_agg(json_build_object(
           'code', t.code, 'name', t.name, 'kind', t.kind, 'parentCode', p.code, 'status', t.status, 'reasons', t.status_reasons,
           'bbox', json_build_array(ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)))
         order by array_position(array['district', 'street', 'community', 'community_grid', 'dedicated_grid'], t.kind), t.code),
       '[]'::json)::text
from territory_unit t
left join territory_unit p on p.id = t.parent_id
cross join lateral (select Box2D(t.boundary) as b) box
where t.kind in ('district', 'street', 'community', 'community_grid', 'dedicated_grid');
