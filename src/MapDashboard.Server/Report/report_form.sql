-- What the resident's form needs before it draws, without sign-in: where the district is (its outline, the land a
-- report can be routed on, simplified to about a metre: validator_inputs.sql checks against the exact one), its
-- centre and extent, and the categories a resident may choose (not the internal ownership_unclear, which is opened
-- from a finding). Nothing about people.
with land as (select ST_Union(boundary) as g from territory_unit where kind = 'street')
select json_build_object(
    'center', json_build_array(ST_X(ST_PointOnSurface(g)), ST_Y(ST_PointOnSurface(g))),
    'extent', json_build_array(ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g)),
    'outline', ST_AsGeoJSON(ST_SimplifyPreserveTopology(g, 0.00001), 6)::json,
    'categories', (select coalesce(json_agg(json_build_object('code', code, 'nameZh', name_zh, 'nameEn', name_en)
                                            order by sort_order, code), '[]'::json)
                   from category where for_incidents and code <> 'ownership_unclear')
)::text
from land where g is not null;
