-- Everything the leader view's grid panel shows, in one round trip: the grid
-- with its worker, community and street, and as features its boundary, its
-- buildings and its hazards. A building belongs to the grid holding its
-- point-on-surface, so a building cut by a boundary is counted once, not twice.
with g as (
    select t.* from territory_unit t
    where t.code = @code and t.kind in ('community_grid', 'dedicated_grid', 'micro_grid', 'police_grid')
),
-- Walk up the parents to find the community and street whatever the grid's depth (micro-grids sit one level lower).
ancestors as (
    with recursive up as (
        select p.id, p.code, p.name, p.kind, p.parent_id from territory_unit p join g on p.id = g.parent_id
        union all
        select p.id, p.code, p.name, p.kind, p.parent_id from territory_unit p join up on p.id = up.parent_id
    )
    select * from up
),
b as (
    select bl.*, o.name as owner_name, m.name as manager_name
    from building bl
    join g on ST_Intersects(g.boundary, ST_PointOnSurface(bl.footprint))
    left join organisation o on o.id = bl.owner_id
    left join organisation m on m.id = bl.property_manager_id
),
h as (
    select hz.*, c.name_zh as category_name, o.name as owner_name
    from hazard hz
    join g on ST_Intersects(g.boundary, hz.location)
    join category c on c.code = hz.category_code
    left join organisation o on o.id = hz.owner_id
)
select json_build_object(
    'type', 'FeatureCollection',
    'grid', json_build_object(
        'code', g.code, 'name', g.name, 'kind', g.kind, 'status', g.status, 'reasons', g.status_reasons,
        'bbox', (select json_build_array(ST_XMin(x), ST_YMin(x), ST_XMax(x), ST_YMax(x)) from Box2D(g.boundary) x),
        'community', (select json_build_object('code', a.code, 'name', a.name) from ancestors a where a.kind = 'community'),
        'street', (select json_build_object('code', a.code, 'name', a.name) from ancestors a where a.kind = 'street'),
        'gridWorker', (select json_build_object('code', w.code, 'name', w.name, 'phone', w.phone) from person w where w.id = g.grid_worker_id),
        'buildingCount', (select count(*) from b),
        'households', (select coalesce(sum(households), 0) from b),
        'residents', (select coalesce(sum(residents), 0) from b),
        'hazardCount', (select count(*) from h),
        'openHazardCount', (select count(*) from h where h.status <> 'resolved')),
    'features',
        json_build_array(json_build_object(
            'type', 'Feature', 'id', 'grid:' || g.code,
            'geometry', ST_AsGeoJSON(g.boundary, 7)::json,
            'properties', json_build_object('layer', 'grid', 'code', g.code, 'name', g.name, 'kind', g.kind, 'status', g.status)))::jsonb
        || coalesce((select jsonb_agg(jsonb_build_object(
            'type', 'Feature', 'id', 'building:' || b.code,
            'geometry', ST_AsGeoJSON(b.footprint, 7)::jsonb,
            'properties', jsonb_build_object('layer', 'building', 'code', b.code, 'name', b.name,
                'households', b.households, 'residents', b.residents,
                'ownerName', b.owner_name, 'managerName', b.manager_name)) order by b.code) from b), '[]'::jsonb)
        || coalesce((select jsonb_agg(jsonb_build_object(
            'type', 'Feature', 'id', 'hazard:' || h.code,
            'geometry', ST_AsGeoJSON(h.location, 7)::jsonb,
            'properties', jsonb_build_object('layer', 'hazard', 'code', h.code, 'category', h.category_code,
                'categoryName', h.category_name, 'severity', h.severity, 'status', h.status,
                'ownerName', h.owner_name, 'description', h.description)) order by h.code) from h), '[]'::jsonb)
)::text
from g;
