-- The district's bounding box: pings far outside it are broken fixes. Null
-- columns when no district is loaded yet.
select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
from (select ST_Extent(boundary) as e from territory_unit where kind = 'district') d
