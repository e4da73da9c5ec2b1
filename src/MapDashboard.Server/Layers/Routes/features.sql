-- Saved patrol routes as the planner's API shows them (route_feature; few, so per row).
select r.id, r.path as geom, null::timestamptz as at,
       route_feature(r.id) -> 'properties' as properties
from patrol_route r
