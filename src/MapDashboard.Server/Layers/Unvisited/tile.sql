-- Buildings (at their entrance) and hazards inside a patrolled grid that nobody visited today. Building and
-- hazard ids overlap, so the feature id is 2·id for a building and 2·id + 1 for a hazard.
select case a.kind when 'building' then a.id::bigint * 2 else a.id::bigint * 2 + 1 end as id, a.kind, a.code,
       ST_AsMVTGeom(ST_Transform(a.location, 3857), bounds.tile, 4096, 64, true) as geom
from bounds, patrol_asset a
where a.location && bounds.area
  and exists (select 1 from territory_unit g
              where patrol_grid_kind(g.kind) and g.boundary && a.location and ST_Covers(g.boundary, a.location))
  and not exists (select 1 from patrol_visit v
                  where v.asset_kind = a.kind and v.asset_id = a.id and v.visited_at >= patrol_day_start(patrol_today()))
