-- The finding a case is opened for, locked until the case commits (two leaders
-- clicking at once open one case), with what its incident needs: a point that
-- lies on the finding (inside a gap, on a strip, in a building), the default
-- owner (属地兜底), and the community/dedicated grid at that point if any (a
-- gap has none) with its worker.
with f as (
    select f.*, ST_PointOnSurface(f.geom) as p
    from finding f where f.id = @id
    for update
)
select f.id, f.status, f.case_incident_code as caseCode, f.kind,
       f.explanation_zh as explanationZh, f.explanation_en as explanationEn,
       ST_X(f.p) as lon, ST_Y(f.p) as lat,
       o.id as ownerId, o.code as ownerCode, o.name as ownerName, o.kind as ownerKind,
       f.community_id as communityId, f.street_id as streetId,
       g.id as gridId, g.grid_worker_id as gridWorkerId
from f
left join territory_unit o on o.id = f.default_owner_id
left join lateral (
    select t.id, t.grid_worker_id from territory_unit t
    where t.kind in ('community_grid', 'dedicated_grid') and ST_Covers(t.boundary, f.p)
    order by ST_Area(t.boundary) limit 1) g on true;
