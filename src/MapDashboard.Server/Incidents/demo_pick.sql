-- The demo stream's dice: a random point inside a random community grid (some
-- land in the planted gaps and overlaps nearby, as real reports do), a random
-- incident category (as the API takes them: not the internal ownership_unclear), and a random open incident to move one step — never an
-- ownership case (an incident a finding was opened as, or of the internal
-- ownership_unclear category): only people may close one, after the re-check.
select ST_X(p) as lon, ST_Y(p) as lat,
       (select code from category where for_incidents and code <> 'ownership_unclear' order by random() limit 1) as category,
       (select i.code from incident i
        where i.stage <> 'closed' and i.category_code <> 'ownership_unclear' and i.source <> 'finding'
          and not exists (select 1 from finding f where f.case_incident_code = i.code)
        order by random() limit 1) as opencode
from (select (ST_Dump(ST_GeneratePoints(ST_Buffer(boundary::geography, 15)::geometry, 1))).geom as p
      from territory_unit where kind in ('community_grid', 'dedicated_grid') order by random() limit 1) x;
