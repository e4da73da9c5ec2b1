-- The search box: a name containing the text, or a code starting with it.
-- Exact code matches first, then larger units before smaller ones.
select coalesce(json_agg(json_build_object(
           'code', code, 'name', name, 'kind', kind, 'parentCode', parent_code, 'status', status,
           'bbox', json_build_array(ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)))
         order by exact desc, rank, code), '[]'::json)::text
from (
    select t.code, t.name, t.kind, t.status, p.code as parent_code, Box2D(t.boundary) as b,
           t.code = @q as exact,
           array_position(array['district', 'street', 'community', 'community_grid', 'dedicated_grid', 'micro_grid', 'police_grid'], t.kind) as rank
    from territory_unit t
    left join territory_unit p on p.id = t.parent_id
    where t.name ilike @contains or t.code like @prefix
    order by t.code = @q desc, rank, t.code
    limit 20
) hits;
