-- Saved routes as a FeatureCollection, by day, then id; every filter optional.
select jsonb_build_object('type', 'FeatureCollection', 'features',
           coalesce(jsonb_agg(route_feature(r.id) order by r.planned_for nulls last, r.id), '[]'::jsonb))::text
from patrol_route r
where (@date::date is null or r.planned_for = @date)
  and (@grid_id::int is null or r.grid_id = @grid_id)
  and (@worker_id::int is null or r.worker_id = @worker_id)
