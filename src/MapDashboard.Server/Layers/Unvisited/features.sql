-- Buildings (at their entrance) and hazards in a patrolled grid nobody visited today, as the tile; ids as the tile's.
select case a.kind when 'building' then a.id::bigint * 2 else a.id::bigint * 2 + 1 end as id, a.location as geom,
       null::timestamptz as at,
       jsonb_build_object('kind', a.kind, 'code', a.code) as properties
from patrol_asset a
where exists (select 1 from territory_unit g
              where patrol_grid_kind(g.kind) and g.boundary && a.location and ST_Covers(g.boundary, a.location))
  and not exists (select 1 from patrol_visit v
                  where v.asset_kind = a.kind and v.asset_id = a.id and v.visited_at >= patrol_day_start(patrol_today()))
