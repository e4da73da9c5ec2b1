-- What routing needs to know about a point, in two result sets; the decision
-- itself is IncidentRouting (Domain). 1: every territorial unit whose boundary
-- covers the point, with its area in m² (the metric frame, metric_srid()) so the smallest grid wins.
select t.id, t.code, t.kind, ST_Area(ST_Transform(t.boundary, metric_srid())) as areaM2, t.grid_worker_id as workerId
from territory_unit t
where ST_Covers(t.boundary, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))
  and t.kind <> 'district';

-- 2: assets at the point whose owner is unknown or disputed: a building whose
-- footprint holds the point, or a hazard point within @hazardRadius metres.
with here as (select ST_SetSRID(ST_MakePoint(@lon, @lat), 4326) as p),
assets as (
    select 'building' as kind, b.id, b.code, b.owner_id, 0.0 as distance
    from building b, here where ST_Covers(b.footprint, here.p)
    union all
    select 'hazard', h.id, h.code, h.owner_id, ST_Distance(h.location::geography, here.p::geography)
    from hazard h, here where ST_DWithin(h.location::geography, here.p::geography, @hazardRadius)
)
select a.kind, a.code, a.owner_id is null as ownerless,
       (select count(*) from ownership_claim c where c.asset_kind = a.kind and c.asset_id = a.id)::int as claimants
from assets a
where a.owner_id is null
   or (select count(*) from ownership_claim c where c.asset_kind = a.kind and c.asset_id = a.id) > 1
order by a.distance, a.kind, a.code;
