-- The stops a suggested route must visit in grid @code: every building entrance not visited since @from,
-- and every hazard due for a revisit (due by now and not visited since it fell due). UTM 48N x/y for ordering.
with g as (select boundary from territory_unit where code = @code and patrol_grid_kind(kind))
select a.kind, a.code, a.name, ST_X(a.location) as lon, ST_Y(a.location) as lat,
       ST_X(ST_Transform(a.location, 32648)) as x, ST_Y(ST_Transform(a.location, 32648)) as y
from g, patrol_asset a
where a.location && g.boundary and ST_Covers(g.boundary, a.location)
  and case a.kind
      when 'building' then not exists (select 1 from patrol_visit v where v.asset_kind = a.kind and v.asset_id = a.id and v.visited_at >= @from)
      else a.revisit_due_at <= now()
           and not exists (select 1 from patrol_visit v where v.asset_kind = a.kind and v.asset_id = a.id and v.visited_at >= a.revisit_due_at)
      end
order by a.kind, a.code
