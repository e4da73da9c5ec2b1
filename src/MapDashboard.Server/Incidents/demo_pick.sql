-- The demo stream's dice: a random point inside a random community grid (some
-- land in the planted gaps and overlaps nearby, as real reports do), a random
-- incident category (as the API takes them: not the internal ownership_unclear)
-- with its Chinese name, and the open incident to move one step — the one furthest
-- along (a case being rated is closed before a new one is dispatched, as a desk
-- works; the first closed and rated cases show within minutes of a fresh start),
-- at random among those at the same stage — never an ownership case (an incident a
-- finding was opened as, or of the internal ownership_unclear category): only people
-- may close one, after the re-check. open: how many the stream could move.
with movable as (
    select i.code, i.stage from incident i
    where i.stage <> 'closed' and i.category_code <> 'ownership_unclear' and i.source <> 'finding'
      and not exists (select 1 from finding f where f.case_incident_code = i.code))
select ST_X(p) as lon, ST_Y(p) as lat, c.code as category, c.name_zh as categoryname,
       (select m.code from movable m
        order by array_position(array['rated', 'resolved', 'accepted', 'dispatched', 'reported'], m.stage::text), random()
        limit 1) as opencode,
       (select count(*) from movable)::int as open
from (select (ST_Dump(ST_GeneratePoints(ST_Buffer(boundary::geography, 15)::geometry, 1))).geom as p
      from territory_unit where kind in ('community_grid', 'dedicated_grid') order by random() limit 1) x,
     (select code, name_zh from category where for_incidents and code <> 'ownership_unclear' order by random() limit 1) c;
