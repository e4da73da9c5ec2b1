-- The demo stream's dice: a random point inside a random community grid (some
-- land in the planted gaps and overlaps nearby, as real reports do), a random
-- incident category, and a random open incident to move one step.
select ST_X(p) as lon, ST_Y(p) as lat,
       (select code from category where for_incidents order by random() limit 1) as category,
       (select code from incident where stage <> 'closed' order by random() limit 1) as opencode
from (select (ST_Dump(ST_GeneratePoints(ST_Buffer(boundary::geography, 15)::geometry, 1))).geom as p
      from territory_unit where kind in ('community_grid', 'dedicated_grid') order by random() limit 1) x;
